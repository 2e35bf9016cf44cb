// The "new programme" page over HTTP: who may open it, every problem listed next to its field in
// the reader's language with the input kept and nothing stored, the Leiden criteria as a model, an
// agreement split into articles (pasted or from a .docx), and a saved programme that is listed on
// the installation home with its creator as administrator.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { routeActions } from '../../web/request-context.ts';
import { RESERVED_SLUGS } from './create-form.ts';
import { agreementSections, bodies, criteria, programmes, roleAssignments } from '../../db/schema.ts';

const URL_NL = '/nl/leiden/manage/programmes/new';

function multipartBody(fields: Record<string, string>, file?: { field: string; name: string; bytes: Buffer }) {
  const boundary = `----ks${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function validProgramme(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    city: 'Delft',
    name_nl: 'Delft Kennisstad',
    name_en: 'Delft Knowledge City',
    slug: 'delft',
    startOn: '2026-01-15',
    termYears: '4',
    textLang: 'nl',
    party0_name: 'Gemeente Delft',
    party0_kind: 'municipality',
    party0_signatory: 'A. Jansen',
    party0_role: 'burgemeester',
    party1_name: 'TU Delft',
    party1_kind: 'university',
    party1_signatory: 'B. de Vries',
    party1_role: 'rector magnificus',
    theme0_nl: 'Campus',
    theme0_en: 'Campus',
    criterion0_nl: 'Drie partijen hebben er belang bij.',
    criterion0_check: 'interest',
    criterion0_min: '3',
    criterion1_nl: 'Er is een trekker.',
    criterion1_check: 'lead',
    executive_nl: 'Bestuurlijke stuurgroep',
    executive_min: '2',
    executive_max: '4',
    support_nl: 'Ambtelijke stuurgroep',
    support_min: '4',
    support_max: '8',
    agreementText: 'Partijen komen het volgende overeen.\n\nArtikel 1 Doel\nSamen werken aan kennis.\n\nArtikel 2 Looptijd\nVier jaar.',
    ...overrides,
  };
}

for (const mode of databaseModes()) {
  describe(`new programme (${mode})`, () => {
    let t: TestApp;
    let admin: Session & { userId: string };
    before(async () => {
      t = await startTestApp(mode);
      admin = await loginAs(t, { role: 'admin' });
    });
    after(async () => t.close());

    const post = (session: Session, fields: Record<string, string>, file?: { field: string; name: string; bytes: Buffer }, url = URL_NL) => {
      const { payload, headers } = multipartBody({ _csrf: session.csrf, ...fields }, file);
      return t.app.inject({ method: 'POST', url, payload, headers: { ...headers, cookie: session.cookie } });
    };
    const programmeCount = async () => (await t.database.db.select({ id: programmes.id }).from(programmes)).length;

    test('only an administrator opens the page; it is in the management menu, in steps, posting multipart', async () => {
      const page = await t.app.inject({ url: URL_NL, headers: { cookie: admin.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1[^>]*>Nieuw programma<\/h1>/);
      assert.match(page.body, /enctype="multipart\/form-data"/);
      assert.match(page.body, /<details[^>]*id="step-agreement"/);
      assert.match(page.body, /href="\/nl\/leiden\/manage\/programmes\/new"/);
      assert.match((await t.app.inject({ url: '/en/leiden/manage/programmes/new', headers: { cookie: admin.cookie } })).body, /New programme/);
      const coordinator = await loginAs(t, { role: 'coordinator' });
      assert.equal((await t.app.inject({ url: URL_NL, headers: { cookie: coordinator.cookie } })).statusCode, 403);
      assert.equal((await post(coordinator, validProgramme({ slug: 'by-coordinator' }))).statusCode, 403);
      assert.doesNotMatch((await t.app.inject({ url: '/nl/leiden/dashboard', headers: { cookie: coordinator.cookie } })).body, /manage\/programmes\/new/);
    });

    test('bad input: every problem next to its field in the reader\'s language, the input kept, nothing stored', async () => {
      const before = await programmeCount();
      const bad = validProgramme({
        city: '',
        slug: 'Delft Stad!',
        startOn: '2026-02-30',
        termYears: '0',
        party1_name: '',
        party1_signatory: '',
        party1_role: '',
        party2_name: 'Hogeschool',
        party2_signatory: '',
        party2_role: 'voorzitter',
        criterion0_min: '0',
        executive_max: '1',
        agreementText: '',
        theme1_nl: 'x'.repeat(301),
      });
      const page = await post(admin, bad);
      assert.equal(page.statusCode, 400);
      const expected: [string, RegExp][] = [
        ['city', /Vul dit veld in/],
        ['slug', /Gebruik alleen kleine letters/],
        ['startOn', /Geef een bestaande datum/],
        ['termYears', /Geef een getal van 1 tot en met 50/],
        ['party2_signatory', /Vul dit veld in/],
        ['criterion0_min', /Geef een getal van 1 tot en met 50/],
        ['executive_max', /Het maximum is kleiner dan het minimum/],
        ['agreementText', /Plak de tekst van de overeenkomst/],
        ['theme1_nl', /Dit is te lang: maximaal 300 tekens/],
      ];
      for (const [field, message] of expected) assert.match(page.body, new RegExp(`id="programme-${field}-error">${message.source}`), field);
      assert.match(page.body, /value="Delft Kennisstad"/);
      assert.match(page.body, /value="Hogeschool"/);
      assert.match(page.body, /href="#programme-executive_max"/);
      assert.equal(await programmeCount(), before);

      const english = await post(admin, bad, undefined, '/en/leiden/manage/programmes/new');
      assert.equal(english.statusCode, 400);
      assert.match(english.body, /id="programme-executive_max-error">The maximum is less than the minimum/);
      assert.match(english.body, /id="programme-city-error">Fill in this field/);

      const oneParty = await post(admin, validProgramme({ party1_name: '', party1_signatory: '', party1_role: '' }));
      assert.match(oneParty.body, /id="programme-party1_name-error">Vul minstens twee partijen in/);
      const wrongFile = await post(admin, validProgramme(), { field: 'agreementFile', name: 'overeenkomst.pdf', bytes: Buffer.from('%PDF-1.7') });
      assert.equal(wrongFile.statusCode, 400);
      assert.match(wrongFile.body, /id="programme-agreementFile-error">Kies een .docx-, .md- of .txt-bestand/);
      const brokenDocx = await post(admin, validProgramme(), { field: 'agreementFile', name: 'kapot.docx', bytes: Buffer.from('no zip') });
      assert.match(brokenDocx.body, /id="programme-agreementFile-error">Dit bestand is niet te lezen/);
      assert.equal(await programmeCount(), before);
    });

    test('an address that is an installation page cannot be a programme\'s', async () => {
      const installationPages = new Set([...routeActions(t.app).keys()].map((key) => /^[A-Z]+ \/nl\/([^/:]+)/.exec(key)?.[1]).filter((segment): segment is string => !!segment));
      assert.deepEqual([...installationPages].sort(), [...RESERVED_SLUGS]);
      const page = await post(admin, validProgramme({ slug: 'login' }));
      assert.match(page.body, /id="programme-slug-error">Er is al een programma met dit webadres/);
    });

    test('the Leiden criteria a-f fill the empty rows as a model, with their checks', async () => {
      const page = await post(admin, { ...validProgramme({ criterion0_nl: '', criterion1_nl: '', criterion0_check: '', criterion1_check: '' }), intent: 'model' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /er is sprake van een belang van twee of meer van de deelnemende partijen;<\/textarea>/);
      assert.match(page.body, /name="criterion0_min"[^>]*value="2"|value="2"[^>]*name="criterion0_min"/);
      assert.match(page.body, /<option value="lead" selected/);
      assert.match(page.body, /De criteria a-f van Leiden staan in de lege rijen/);
    });

    test('a .docx agreement is split into articles the administrator adjusts before saving', async () => {
      const doc = new Document({ sections: [{ children: [new Paragraph('Aanhef'), new Paragraph({ text: 'Artikel 1 Doel', heading: HeadingLevel.HEADING_1 }), new Paragraph('Samen.'), new Paragraph({ text: 'Artikel 2 Slot', heading: HeadingLevel.HEADING_1 }), new Paragraph('Einde.')] }] });
      const page = await post(admin, { ...validProgramme({ agreementText: '' }), intent: 'split' }, { field: 'agreementFile', name: 'overeenkomst.docx', bytes: await Packer.toBuffer(doc) });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /gesplitst in 3 artikelen/);
      assert.match(page.body, /name="articleCount" value="3"/);
      assert.match(page.body, /name="article1_title"[^>]*value="Doel"|value="Doel"[^>]*name="article1_title"/);
    });

    test('saving stores the programme like a programme file: listed on the home, creator administrator, articles and checks kept', async () => {
      const fields = validProgramme({ articleCount: '2', article0_title: 'Doel', article0_body: 'Samen werken.', article1_title: 'Looptijd aangepast', article1_body: 'Vier jaar.' });
      const saved = await post(admin, fields);
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
      assert.equal(saved.headers.location, '/nl/leiden/manage/programmes/new?created=delft');
      const done = await t.app.inject({ url: saved.headers.location, headers: { cookie: admin.cookie } });
      assert.match(done.body, /Het programma Delft Kennisstad is aangemaakt/);
      assert.match(done.body, /href="\/nl\/delft\/invitations"/);

      const [programme] = await t.database.db.select().from(programmes).where(eq(programmes.slug, 'delft'));
      assert.equal(programme!.periodEnd, '2030-01-14');
      const sections = await t.database.db.select().from(agreementSections).where(eq(agreementSections.programmeId, programme!.id));
      assert.deepEqual(sections.sort((a, b) => a.position - b.position).map((s) => s.heading.nl), ['Doel', 'Looptijd aangepast']);
      const rows = await t.database.db.select().from(criteria).where(eq(criteria.programmeId, programme!.id));
      assert.deepEqual(rows.map((c) => [c.letter, c.assessment, c.check]).sort(), [['a', 'data', { kind: 'interest', minParties: 3 }], ['b', 'data', { kind: 'lead' }]]);
      const bodyRows = await t.database.db.select().from(bodies).where(eq(bodies.programmeId, programme!.id));
      assert.deepEqual(bodyRows.map((b) => [b.kind, b.minMeetingsPerYear, b.maxMeetingsPerYear]).sort(), [['executive', 2, 4], ['support', 4, 8]]);
      const roles = await t.database.db.select().from(roleAssignments).where(and(eq(roleAssignments.programmeId, programme!.id), eq(roleAssignments.userId, admin.userId)));
      assert.deepEqual(roles.map((r) => r.role), ['admin']);

      const home = await t.app.inject({ url: '/nl' });
      assert.match(home.body, /href="\/nl\/delft"/);
      assert.equal((await t.app.inject({ url: '/nl/delft/agreement' })).statusCode, 200);
      // The creator reaches the new programme's invitations to appoint its coordinator.
      assert.equal((await t.app.inject({ url: '/nl/delft/invitations', headers: { cookie: admin.cookie } })).statusCode, 200);

      const again = await post(admin, fields);
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /id="programme-slug-error">Er is al een programma met dit webadres/);
    });
  });
}
