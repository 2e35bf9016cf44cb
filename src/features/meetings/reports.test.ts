import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';

/** Reads a PDF enough to trust it: header, trailer, every xref offset pointing at its object, and the text. */
function readPdf(file: Buffer): { objects: number; text: string } {
  const raw = file.toString('latin1');
  assert.match(raw.slice(0, 8), /^%PDF-1\.\d/);
  assert.match(raw.trimEnd().slice(-5), /%%EOF/);
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(raw)![1]);
  assert.equal(raw.slice(startxref, startxref + 4), 'xref');
  const header = /^xref\s+0 (\d+)\s+/.exec(raw.slice(startxref))!;
  const count = Number(header[1]);
  const table = raw.slice(startxref + header[0].length).split(/\r?\n/).slice(0, count);
  table.forEach((line, index) => {
    const [offset, , kind] = line.trim().split(' ');
    if (kind === 'n') assert.ok(raw.startsWith(`${index} 0 obj`, Number(offset)), `object ${index} at ${offset}`);
  });
  let text = '';
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const start = match.index! + match[0].indexOf(match[1]!);
    const bytes = file.subarray(start, start + Buffer.byteLength(match[1]!, 'latin1'));
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      continue;
    }
    for (const hex of content.matchAll(/<([0-9a-fA-F]+)>/g)) text += Buffer.from(hex[1]!, 'hex').toString('latin1');
    text += '\n';
  }
  return { objects: count, text };
}

/** Lists a ZIP (OOXML) archive's files through its central directory and inflates them. */
function readZip(file: Buffer): Map<string, string> {
  const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd > 0, 'end of central directory');
  const entries = file.readUInt16LE(eocd + 10);
  let offset = file.readUInt32LE(eocd + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < entries; i++) {
    assert.equal(file.readUInt32LE(offset), 0x02014b50);
    const method = file.readUInt16LE(offset + 10);
    const compressed = file.readUInt32LE(offset + 20);
    const nameLength = file.readUInt16LE(offset + 28);
    const extra = file.readUInt16LE(offset + 30);
    const comment = file.readUInt16LE(offset + 32);
    const local = file.readUInt32LE(offset + 42);
    const name = file.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    assert.equal(file.readUInt32LE(local), 0x04034b50);
    const dataStart = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = file.subarray(dataStart, dataStart + compressed);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    offset += 46 + nameLength + extra + comment;
  }
  return files;
}

async function post(t: TestApp, session: Session, url: string, payload: Record<string, string>) {
  return t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { ...payload, _csrf: session.csrf } });
}

for (const mode of databaseModes()) {
  describe(`evaluation report and meeting pack (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session;
    let support: Session;
    let executive: Session;
    before(async () => {
      t = await startTestApp(mode);
      coordinator = await loginAs(t, { role: 'coordinator' });
      support = await loginAs(t, { role: 'support' });
      executive = await loginAs(t, { role: 'executive' });
    });
    after(async () => t.close());

    test('the mid-term evaluation as PDF: a well-formed file with every project and its action counts', async () => {
      const response = await t.app.inject({ url: '/en/leiden/bodies/executive/evaluations/2018/report.pdf', headers: { cookie: executive.cookie } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/pdf');
      const pdf = readPdf(response.rawPayload);
      assert.ok(pdf.objects > 5);
      assert.match(pdf.text, /Mid-term evaluation 2018/);
      assert.match(pdf.text, /1a\. /);
      assert.match(pdf.text, /4d\. /);
      assert.match(pdf.text, /Actions: \d+ done, \d+ open, of which \d+ overdue/);
    });

    test('the mid-term evaluation as DOCX: a valid OOXML package with the table of projects', async () => {
      const response = await t.app.inject({ url: '/nl/leiden/bodies/executive/evaluations/2018/report.docx', headers: { cookie: coordinator.cookie } });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /wordprocessingml/);
      const files = readZip(response.rawPayload);
      assert.ok(files.has('[Content_Types].xml'));
      assert.ok(files.has('_rels/.rels'));
      const document = files.get('word/document.xml')!;
      assert.match(document, /^<\?xml[^>]*\?>\s*<w:document/);
      assert.match(document, /Tussentijdse evaluatie 2018/);
      assert.match(document, /<w:tbl>/);
      assert.match(document, /Over tijd/);
      assert.match(document, /1a\. /);
    });

    test('who may download: executive members and the coordinator; others 404; bad years 404', async () => {
      const url = '/nl/leiden/bodies/executive/evaluations/2018/report.pdf';
      // Without a session: the login page, with the report as the return address.
      assert.equal((await t.app.inject({ url })).statusCode, 303);
      assert.equal((await t.app.inject({ url, headers: { cookie: support.cookie } })).statusCode, 404);
      assert.equal((await t.app.inject({ url: '/nl/leiden/bodies/support/evaluations/2018/report.pdf', headers: { cookie: coordinator.cookie } })).statusCode, 404);
      assert.equal((await t.app.inject({ url: '/nl/leiden/bodies/executive/evaluations/18/report.pdf', headers: { cookie: coordinator.cookie } })).statusCode, 404);
      assert.equal((await t.app.inject({ url: '/nl/leiden/bodies/executive/evaluations/2018/report.exe', headers: { cookie: coordinator.cookie } })).statusCode, 404);
      const body = await t.app.inject({ url: '/nl/leiden/bodies/executive', headers: { cookie: executive.cookie } });
      assert.match(body.body, /evaluations\/\d{4}\/report\.docx/, 'a report per year of the term, for members');
      assert.doesNotMatch((await t.app.inject({ url: '/nl/leiden/bodies/executive' })).body, /evaluations\//);
    });

    test('the meeting pack as PDF: agenda, decision proposals and the document list', async () => {
      const plan = async (kind: string, date: string) =>
        String((await post(t, coordinator, `/nl/leiden/bodies/${kind}/meetings`, { date, startTime: '10:00', endTime: '12:00', location: 'Leiden' })).headers.location).split('/').at(-1)!;
      const supportMeeting = await plan('support', '2031-02-01');
      const executiveMeeting = await plan('executive', '2031-03-01');
      await post(t, coordinator, `/nl/leiden/meetings/${executiveMeeting}/items`, { title_nl: 'Opening', kind: 'information', projects: '3a' });
      await post(t, coordinator, `/nl/leiden/meetings/${supportMeeting}/proposals`, { title_nl: 'Voorstel fonds', text_nl: 'Het fonds wordt verdeeld.', forMeeting: executiveMeeting });
      const page = (await t.app.inject({ url: `/nl/leiden/meetings/${executiveMeeting}`, headers: { cookie: coordinator.cookie } })).body;
      const itemId = /\/items\/([0-9a-f-]{36})\/documents/.exec(page)![1]!;
      await post(t, coordinator, `/nl/leiden/meetings/${executiveMeeting}/items/${itemId}/documents`, { docTitle_nl: 'Notitie opening', url: 'https://example.org/opening.pdf' });
      const response = await t.app.inject({ url: `/nl/leiden/meetings/${executiveMeeting}/pack.pdf`, headers: { cookie: executive.cookie } });
      assert.equal(response.statusCode, 200);
      const { text } = readPdf(response.rawPayload);
      assert.match(text, /1\. Opening \(Ter informatie\)/);
      assert.match(text, /2\. Voorstel fonds \(Ter besluitvorming\)/);
      assert.match(text, /Besluitvoorstellen[\s\S]*Het fonds wordt verdeeld\./);
      assert.match(text, /Voorbereid in het ambtelijk overleg van 1 februari 2031/);
      assert.match(text, /Notitie opening: https:\/\/example\.org\/opening\.pdf/);
      assert.equal((await t.app.inject({ url: `/nl/leiden/meetings/${executiveMeeting}/pack.pdf`, headers: { cookie: support.cookie } })).statusCode, 404);
      // Without a session: the login page, as for every internal record (the same answer for any id).
      assert.equal((await t.app.inject({ url: `/nl/leiden/meetings/${executiveMeeting}/pack.pdf` })).statusCode, 303);
    });
  });
}
