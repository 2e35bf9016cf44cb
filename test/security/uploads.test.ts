// Uploads, on both databases: the type comes from the content, size limits and empty files give a
// clear message and store nothing, hostile names are stored sanitised and shown escaped, downloads
// are attachments in a sandbox, access follows the owning record (another programme: 404), CSRF
// guards multipart posts, and the bytes survive a backup and restore.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { databaseModes, openTestDatabase } from '../support/database.ts';
import { anonymous, loginAs, renewProgramme, startTestApp, type Session, type TestApp } from '../support/app.ts';
import { projects, auditEvents } from '../../src/db/schema.ts';
import { agendaItems } from '../../src/features/meetings/tables.ts';
import { fileContents, files } from '../../src/features/files/tables.ts';
import { createBackup, restoreBackup } from '../../src/db/backup.ts';
import { contentDisposition, sanitiseName } from '../../src/features/files/content.ts';
import { loadProgramme } from '../../src/seed/load.ts';
import { leiden } from '../../src/seed/leiden.ts';

export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
const LIMIT = 64 * 1024;

export interface Part {
  filename: string;
  bytes: Buffer;
  contentType?: string;
}

/** A multipart/form-data body as a browser sends it (the file name is sent as given, raw bytes). */
export function multipart(fields: Record<string, string>, file?: Part): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----kennisstad${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    const name = file.filename.replace(/"/g, '%22');
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

for (const mode of databaseModes()) {
  describe(`uploads (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session;
    let lead: Session;
    let otherLead: Session;
    let visitor: Session;
    let project3a: string;
    let programmeId: string;

    const countFiles = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(files))[0]!.n;
    const countBytes = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(fileContents))[0]!.n;

    function upload(session: Session, file: Part | undefined, options: { owner?: string; ownerId?: string; fields?: Record<string, string>; locale?: string; programme?: string; csrf?: string | null } = {}) {
      const fields: Record<string, string> = { ...(options.csrf === null ? {} : { _csrf: options.csrf ?? session.csrf }), ...options.fields };
      const { payload, headers } = multipart(fields, file);
      const url = `/${options.locale ?? 'nl'}/${options.programme ?? 'leiden'}/files/upload/${options.owner ?? 'project'}/${options.ownerId ?? project3a}`;
      return t.app.inject({ method: 'POST', url, headers: { ...headers, cookie: session.cookie }, payload });
    }
    const get = (session: Session | null, url: string) => t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
    async function uploaded(session: Session, file: Part, options: Parameters<typeof upload>[2] = {}) {
      const response = await upload(session, file, options);
      assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
      const [row] = await t.database.db.select().from(files).orderBy(sql`created_at desc`).limit(1);
      return row!;
    }

    before(async () => {
      t = await startTestApp(mode, { maxUploadBytes: LIMIT }, { leiden: 'running' });
      const db = t.database.db;
      const [p] = await db.select({ id: projects.id, programmeId: projects.programmeId }).from(projects).where(eq(projects.code, '3a'));
      project3a = p!.id;
      programmeId = p!.programmeId;
      coordinator = await loginAs(t, { role: 'coordinator' });
      lead = await loginAs(t, { role: 'lead', project: '3a' });
      otherLead = await loginAs(t, { role: 'lead', project: '1a' });
      visitor = await anonymous(t);
    });
    after(async () => t?.close());

    test('a PDF is stored by content with its metadata and an audit row, and downloads as an attachment in a sandbox', async () => {
      const row = await uploaded(lead, { filename: 'Plan van aanpak.pdf', bytes: PDF, contentType: 'application/pdf' });
      assert.equal(row.name, 'Plan van aanpak.pdf');
      assert.equal(row.contentType, 'application/pdf');
      assert.equal(row.size, PDF.length);
      assert.match(row.sha256, /^[0-9a-f]{64}$/);
      assert.equal(row.ownerKind, 'project');
      assert.equal(row.isPublic, false);
      const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'file.upload'), eq(auditEvents.objectId, row.id)));
      assert.equal(audit.length, 1);

      const download = await get(lead, `/nl/leiden/files/${row.id}`);
      assert.equal(download.statusCode, 200);
      assert.deepEqual(download.rawPayload, PDF);
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.equal(download.headers['content-disposition'], `attachment; filename="Plan van aanpak.pdf"; filename*=UTF-8''Plan%20van%20aanpak.pdf`);
      assert.equal(download.headers['x-content-type-options'], 'nosniff');
      assert.equal(download.headers['content-security-policy'], "default-src 'none'; sandbox");
      const again = await t.app.inject({ method: 'GET', url: `/nl/leiden/files/${row.id}`, headers: { cookie: lead.cookie, 'if-none-match': String(download.headers.etag) } });
      assert.equal(again.statusCode, 304);

      // The project page lists it for the lead, with the upload form.
      const page = await get(lead, '/nl/leiden/projects/3a');
      assert.match(page.body, /Plan van aanpak\.pdf/);
      assert.match(page.body, /enctype="multipart\/form-data"/);
      assert.ok(page.body.includes(`action="/nl/leiden/files/upload/project/${project3a}"`), 'the form posts to the upload route');
    });

    test('the type comes from the content: a PNG named .pdf, SVG, HTML and an unknown binary are refused; nothing is stored', async () => {
      const before = [await countFiles(), await countBytes()];
      const renamed = await upload(lead, { filename: 'report.pdf', bytes: PNG, contentType: 'application/pdf' });
      assert.equal(renamed.statusCode, 400);
      assert.match(renamed.body, /De extensie van de bestandsnaam past niet bij de inhoud \(dit is een png-bestand\)/);
      const svg = await upload(lead, { filename: 'logo.svg', bytes: SVG, contentType: 'image/svg+xml' });
      assert.equal(svg.statusCode, 400);
      assert.match(svg.body, /Dit soort bestand is niet toegestaan/);
      const html = await upload(lead, { filename: 'page.html', bytes: HTML, contentType: 'text/html' });
      assert.equal(html.statusCode, 400);
      const svgAsPng = await upload(lead, { filename: 'logo.png', bytes: SVG, contentType: 'image/png' });
      assert.equal(svgAsPng.statusCode, 400);
      const binary = await upload(lead, { filename: 'tool.pdf', bytes: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]) });
      assert.equal(binary.statusCode, 400);
      const english = await upload(lead, { filename: 'report.pdf', bytes: PNG }, { locale: 'en' });
      assert.match(english.body, /extension does not match its content \(this is a png file\)/);
      assert.deepEqual([await countFiles(), await countBytes()], before);
    });

    test('an HTML file named .txt is only ever served as a text/plain attachment', async () => {
      const row = await uploaded(lead, { filename: 'notes.txt', bytes: HTML, contentType: 'text/html' });
      assert.equal(row.contentType, 'text/plain; charset=utf-8');
      const download = await get(lead, `/nl/leiden/files/${row.id}`);
      assert.equal(download.headers['content-type'], 'text/plain; charset=utf-8');
      assert.match(String(download.headers['content-disposition']), /^attachment;/);
      assert.equal(download.headers['x-content-type-options'], 'nosniff');
      assert.equal(download.headers['content-security-policy'], "default-src 'none'; sandbox");
    });

    test('zero-byte and oversize files are refused with a clear message and nothing is stored', async () => {
      const before = [await countFiles(), await countBytes()];
      const empty = await upload(lead, { filename: 'empty.pdf', bytes: Buffer.alloc(0) });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Het bestand is leeg \(0 bytes\)/);
      const big = Buffer.concat([PDF, Buffer.alloc(LIMIT, 0x20)]);
      const large = await upload(lead, { filename: 'big.pdf', bytes: big });
      assert.equal(large.statusCode, 413);
      assert.match(large.body, /Het bestand is groter dan 0\.1 MB/);
      const largeEn = await upload(lead, { filename: 'big.pdf', bytes: big }, { locale: 'en' });
      assert.equal(largeEn.statusCode, 413);
      assert.match(largeEn.body, /The file is larger than 0\.1 MB/);
      const missing = await upload(lead, undefined);
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /Kies een bestand/);
      // Exactly at the limit is fine.
      const exact = await upload(lead, { filename: 'exact.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(LIMIT - PDF.length, 0x20)]) });
      assert.equal(exact.statusCode, 303);
      assert.deepEqual([await countFiles(), await countBytes()], [before[0]! + 1, before[1]! + 1]);
    });

    test('hostile file names are stored sanitised and rendered escaped', async () => {
      const cases: [string, string][] = [
        ['../../etc/passwd.pdf', 'passwd.pdf'],
        ['..\\..\\x.pdf', 'x.pdf'],
        ['a\u0000b.pdf', 'ab.pdf'],
        ['invoice\u202Efdp.pdf', 'invoicefdp.pdf'],
        ['\u200F\u2066report\u2069.pdf', 'report.pdf'],
        ['<img src=x onerror=alert(1)>.pdf', '_img src=x onerror=alert(1)_.pdf'],
        ['...pdf', 'pdf.pdf'],
      ];
      for (const [raw, expected] of cases) {
        const row = await uploaded(lead, { filename: raw, bytes: PDF });
        assert.equal(row.name, expected, `name sent as ${JSON.stringify(raw)}`);
        assert.doesNotMatch(row.name, /[\\/\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
      }
      const page = await get(lead, '/nl/leiden/projects/3a');
      assert.doesNotMatch(page.body, /<img src=x onerror/);
      assert.match(page.body, /_img src=x onerror=alert\(1\)_\.pdf/);
      // The pure rules directly: a long name keeps its extension, header values stay ASCII-safe.
      assert.equal(sanitiseName('/', 'pdf'), 'file.pdf');
      assert.equal(sanitiseName('..', 'pdf'), 'file.pdf');
      assert.equal(sanitiseName(`${'a'.repeat(300)}.pdf`, 'pdf').length, 120);
      assert.ok(sanitiseName(`${'a'.repeat(300)}.pdf`, 'pdf').endsWith('.pdf'));
      assert.equal(contentDisposition('attachment', 'café "x".pdf'), `attachment; filename="caf_ _x_.pdf"; filename*=UTF-8''caf%C3%A9%20%22x%22.pdf`);
    });

    test('access: the lead of another project, visitors and another programme get nothing', async () => {
      const row = await uploaded(lead, { filename: 'internal.pdf', bytes: PDF });
      const before = await countFiles();
      // Another project's lead may not add or delete files here.
      assert.equal((await upload(otherLead, { filename: 'x.pdf', bytes: PDF })).statusCode, 404);
      const del = await t.app.inject({ method: 'POST', url: `/nl/leiden/files/${row.id}/delete`, headers: { cookie: otherLead.cookie }, payload: { _csrf: otherLead.csrf } });
      assert.equal(del.statusCode, 404);
      // Visitors: 401 on upload; a file that is not public asks them to sign in (the same answer as
      // for a file that does not exist), and nothing of it is sent.
      assert.equal((await upload(visitor, { filename: 'x.pdf', bytes: PDF })).statusCode, 401);
      const hidden = await get(null, `/nl/leiden/files/${row.id}`);
      assert.equal(hidden.statusCode, 303);
      assert.match(String(hidden.headers.location), /^\/nl\/login\?next=/);
      assert.equal((await get(null, `/nl/leiden/files/00000000-0000-4000-8000-000000000000`)).headers.location?.toString().startsWith('/nl/login?next='), true);
      assert.doesNotMatch((await get(null, '/nl/leiden/projects/3a')).body, /internal\.pdf/);
      // A lead cannot make a file public (neither by the upload field nor the visibility route).
      const sneaky = await uploaded(lead, { filename: 'sneaky.pdf', bytes: PDF }, { fields: { public: 'yes' } });
      assert.equal(sneaky.isPublic, false);
      const publish = await t.app.inject({ method: 'POST', url: `/nl/leiden/files/${row.id}/visibility`, headers: { cookie: lead.cookie }, payload: { _csrf: lead.csrf, public: 'yes' } });
      assert.equal(publish.statusCode, 404);
      // Another programme: its URL with this programme's file id, and uploads to this programme's project.
      await loadProgramme(t.database.db, { ...leiden, slug: 'elders' });
      await renewProgramme(t, 'elders', 2); // it runs too: an archive refuses writes before records are looked up
      assert.equal((await get(coordinator, `/nl/elders/files/${row.id}`)).statusCode, 404);
      assert.equal((await get(null, `/nl/elders/files/${row.id}`)).statusCode, 303, 'a visitor: sign in first, as for any file');
      assert.equal((await upload(coordinator, { filename: 'x.pdf', bytes: PDF }, { programme: 'elders' })).statusCode, 404);
      assert.equal((await get(coordinator, `/nl/leiden/files/00000000-0000-4000-8000-000000000000`)).statusCode, 404);
      assert.equal((await get(coordinator, `/nl/leiden/files/not-a-uuid`)).statusCode, 404);
      assert.equal(await countFiles(), before + 1);

      // The coordinator marks it public: now visitors may download it and see it on the project page.
      const made = await t.app.inject({ method: 'POST', url: `/nl/leiden/files/${row.id}/visibility`, headers: { cookie: coordinator.cookie }, payload: { _csrf: coordinator.csrf, public: 'yes' } });
      assert.equal(made.statusCode, 303);
      assert.equal((await get(null, `/nl/leiden/files/${row.id}`)).statusCode, 200);
      assert.match((await get(null, '/nl/leiden/projects/3a')).body, /internal\.pdf/);
      // The lead deletes it: gone, bytes included, with an audit row.
      const gone = await t.app.inject({ method: 'POST', url: `/nl/leiden/files/${row.id}/delete`, headers: { cookie: lead.cookie }, payload: { _csrf: lead.csrf } });
      assert.equal(gone.statusCode, 303);
      assert.equal(gone.headers.location, '/nl/leiden/projects/3a');
      assert.equal((await t.database.db.select().from(fileContents).where(eq(fileContents.fileId, row.id))).length, 0);
      assert.equal((await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'file.delete'), eq(auditEvents.objectId, row.id)))).length, 1);
    });

    test('multipart posts need the CSRF token; other routes refuse multipart bodies', async () => {
      const before = await countFiles();
      const none = await upload(lead, { filename: 'x.pdf', bytes: PDF }, { csrf: null });
      assert.equal(none.statusCode, 403);
      const wrong = await upload(lead, { filename: 'x.pdf', bytes: PDF }, { csrf: 'x'.repeat(lead.csrf.length) });
      assert.equal(wrong.statusCode, 403);
      assert.equal(await countFiles(), before);
      const { payload, headers } = multipart({ _csrf: visitor.csrf, email: 'a@example.org', password: 'x' });
      const login = await t.app.inject({ method: 'POST', url: '/nl/login', headers: { ...headers, cookie: visitor.cookie }, payload });
      assert.equal(login.statusCode, 415);
      // Two files in one post: a clear refusal, not a 500.
      const boundary = 'b0undary';
      const part = (n: number) => `--${boundary}\r\nContent-Disposition: form-data; name="file${n}"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n${PDF.toString()}\r\n`;
      const two = await t.app.inject({
        method: 'POST',
        url: `/nl/leiden/files/upload/project/${project3a}`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: lead.cookie },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${lead.csrf}\r\n${part(1)}${part(2)}--${boundary}--\r\n`,
      });
      assert.equal(two.statusCode, 413);
      assert.match(two.body, /Stuur één bestand tegelijk/);
      assert.equal(await countFiles(), before);
    });

    test('the programme logo: PNG/JPEG/WebP with alt text, shown inline in the page header', async () => {
      const noAlt = await upload(coordinator, { filename: 'logo.png', bytes: PNG }, { owner: 'programme-logo', ownerId: programmeId });
      assert.equal(noAlt.statusCode, 400);
      assert.match(noAlt.body, /Vul een tekstalternatief in/);
      const gif = await upload(coordinator, { filename: 'logo.gif', bytes: GIF }, { owner: 'programme-logo', ownerId: programmeId, fields: { alt_nl: 'Logo', alt_en: 'Logo' } });
      assert.equal(gif.statusCode, 400);
      assert.equal((await upload(lead, { filename: 'logo.png', bytes: PNG }, { owner: 'programme-logo', ownerId: programmeId, fields: { alt_nl: 'x', alt_en: 'x' } })).statusCode, 404);
      const row = await uploaded(coordinator, { filename: 'logo.png', bytes: PNG }, { owner: 'programme-logo', ownerId: programmeId, fields: { alt_nl: 'Logo Kennisstad <Leiden>', alt_en: 'Kennisstad logo' } });
      const home = await get(null, '/nl/leiden');
      assert.match(home.body, new RegExp(`<img class="ks-logo" src="/nl/leiden/files/${row.id}" alt="Logo Kennisstad &lt;Leiden>" height="48"/>`));
      assert.match((await get(null, '/en/leiden/projects')).body, /alt="Kennisstad logo"/);
      const image = await get(null, `/nl/leiden/files/${row.id}`);
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/png');
      assert.match(String(image.headers['content-disposition']), /^inline;/);
      assert.equal(image.headers['content-security-policy'], "default-src 'none'; sandbox");
      // A new logo replaces the old one.
      const second = await uploaded(coordinator, { filename: 'logo2.png', bytes: PNG }, { owner: 'programme-logo', ownerId: programmeId, fields: { alt_nl: 'Nieuw logo', alt_en: 'New logo' } });
      const logos = await t.database.db.select().from(files).where(and(eq(files.ownerKind, 'programme-logo'), eq(files.programmeId, programmeId)));
      assert.deepEqual(logos.map((l) => l.id), [second.id]);
      assert.match((await get(coordinator, '/nl/leiden/manage/website/theme')).body, /Logo verwijderen/);
    });

    test('documents on agenda items: the coordinator adds them, visitors do not see them', async () => {
      const [item] = await t.database.db.select({ id: agendaItems.id, meetingId: agendaItems.meetingId }).from(agendaItems).limit(1);
      if (!item) return; // the default data holds no agenda items (covered by the meetings e2e)
      const row = await uploaded(coordinator, { filename: 'Notitie.docx', bytes: PDF }, { owner: 'meeting-item', ownerId: item.id }).catch(() => null);
      assert.equal(row, null, 'a PDF named .docx is refused');
      const ok = await uploaded(coordinator, { filename: 'Notitie.pdf', bytes: PDF }, { owner: 'meeting-item', ownerId: item.id });
      assert.match((await get(coordinator, `/nl/leiden/meetings/${item.meetingId}`)).body, /Notitie\.pdf/);
      assert.equal((await get(null, `/nl/leiden/files/${ok.id}`)).statusCode, 404);
      assert.equal((await get(otherLead, `/nl/leiden/files/${ok.id}`)).statusCode, 404);
      assert.equal((await upload(lead, { filename: 'x.pdf', bytes: PDF }, { owner: 'meeting-item', ownerId: item.id })).statusCode, 404);
    });

    test('the bytes are part of the backup and come back identical after a restore', async () => {
      const row = await uploaded(lead, { filename: 'backup.png', bytes: PNG });
      const backup = await createBackup(t.database.db);
      assert.ok(backup.tables.file_contents!.length >= 1);
      const target = await openTestDatabase(mode, { seed: false });
      try {
        await restoreBackup(target.db, JSON.parse(JSON.stringify(backup)));
        const [restored] = await target.db.select().from(fileContents).where(eq(fileContents.fileId, row.id));
        assert.deepEqual(restored!.bytes, PNG);
        const [meta] = await target.db.select().from(files).where(eq(files.id, row.id));
        assert.equal(meta!.sha256, row.sha256);
      } finally {
        await target.close();
      }
    });

  });
}
