import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { setClock } from '../../clock.ts';
import { documentToolsPresent, docxPart, inspectPdf } from '../../../test/support/documents.ts';

async function post(t: TestApp, session: Session, url: string, payload: Record<string, string>) {
  return t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { ...payload, _csrf: session.csrf } });
}

for (const mode of databaseModes()) {
  describe(`evaluation report, meeting pack and minutes (${mode})`, () => {
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

    test('the mid-term evaluation as PDF: tagged, in English, a table of every project with its action counts', async (context) => {
      if (!documentToolsPresent()) return context.skip('PDF tools missing');
      const response = await t.app.inject({ url: '/en/leiden/bodies/executive/evaluations/2018/report.pdf', headers: { cookie: executive.cookie } });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/pdf');
      const pdf = inspectPdf(response.rawPayload);
      assert.match(pdf.check, /No syntax or stream encoding errors found/);
      assert.equal(pdf.info['Tagged'], 'yes');
      assert.equal(pdf.catalog.lang, 'en-GB');
      assert.match(pdf.info['Title']!, /^Mid-term evaluation 2018 – /);
      assert.ok(pdf.fonts.every((f) => f.embedded));
      assert.match(pdf.flatText, /Mid-term evaluation 2018/);
      assert.match(pdf.flatText, /Project Stage Done Open Overdue/);
      assert.match(pdf.flatText, /1a\. /);
      assert.match(pdf.flatText, /4d\. /);
      assert.match(pdf.flatText, /As of 31 December 2018 · made on/, 'the footer says what the figures count to');
      // The projects table runs over pages: one table per page, each with its five header cells.
      const tables = pdf.structureTypes.filter((s) => s === 'Table').length;
      assert.ok(tables >= 1 && pdf.structureTypes.filter((s) => s === 'TH').length === 5 * tables, 'the projects table has five header cells on every page');
    });

    test('the mid-term evaluation as DOCX: a valid OOXML package with the table of projects', async () => {
      const response = await t.app.inject({ url: '/nl/leiden/bodies/executive/evaluations/2018/report.docx', headers: { cookie: coordinator.cookie } });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /wordprocessingml/);
      if (!documentToolsPresent()) return;
      assert.match(docxPart(response.rawPayload, '[Content_Types].xml'), /wordprocessingml\.document\.main\+xml/);
      const document = docxPart(response.rawPayload, 'word/document.xml');
      assert.match(document, /^<\?xml[^>]*\?>\s*<w:document/);
      assert.match(document, /Tussentijdse evaluatie 2018/);
      assert.match(document, /<w:tblStyle w:val="TableGrid"\/>/);
      assert.match(document, /<w:tblHeader\/>[\s\S]*?Over tijd/);
      assert.match(document, /<w:pStyle w:val="Heading2"\/>/);
      assert.match(document, /<w:lang w:val="nl-NL"\/>/);
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
      assert.match(page, new RegExp(`href="/nl/leiden/meetings/${executiveMeeting}/pack\\.docx"`), 'the meeting page links both formats');
      if (!documentToolsPresent()) return;
      const pdf = inspectPdf(response.rawPayload);
      assert.equal(pdf.info['Tagged'], 'yes');
      const text = pdf.flatText;
      assert.match(text, /^ ?Vergaderstukken /);
      assert.match(text, /1\. Opening \(Ter informatie\)/);
      assert.match(text, /2\. Voorstel fonds \(Ter besluitvorming\)/);
      assert.match(text, /Besluitvoorstellen Voorstel fonds Het fonds wordt verdeeld\./);
      assert.match(text, /Voorbereid in het ambtelijk overleg van 1 februari 2031/);
      assert.match(text, /Stuk Agendapunt Vindplaats Notitie opening 1\. Opening \(Ter informatie\) https:\/\/example\.org\/ ?opening\.pdf/, 'the document table (a narrow cell may wrap the address)');
      assert.ok(pdf.catalog.outline.some((o) => o.title === '2. Voorstel fonds (Ter besluitvorming)' && o.depth === 2), 'a bookmark per agenda item');
      const docx = await t.app.inject({ url: `/en/leiden/meetings/${executiveMeeting}/pack.docx`, headers: { cookie: executive.cookie } });
      assert.equal(docx.statusCode, 200);
      const body = docxPart(docx.rawPayload, 'word/document.xml');
      assert.match(body, /<w:pStyle w:val="Heading3"\/><\/w:pPr><w:r><w:rPr><w:lang w:val="en-GB"\/><\/w:rPr><w:t xml:space="preserve">1\. Opening \(For information\)/);
      assert.match(body, /<w:tblHeader\/>[\s\S]*?Where to find it/);
      assert.equal((await t.app.inject({ url: `/nl/leiden/meetings/${executiveMeeting}/pack.pdf`, headers: { cookie: support.cookie } })).statusCode, 404);
      // Without a session: the login page, as for every internal record (the same answer for any id).
      assert.equal((await t.app.inject({ url: `/nl/leiden/meetings/${executiveMeeting}/pack.pdf` })).statusCode, 303);
      assert.equal((await t.app.inject({ url: `/nl/leiden/meetings/${executiveMeeting}/pack.docx`, headers: { cookie: support.cookie } })).statusCode, 404);
      assert.equal((await t.app.inject({ url: `/nl/leiden/meetings/${executiveMeeting}/minutes.pdf`, headers: { cookie: support.cookie } })).statusCode, 404, 'the support level does not see the executive meeting');
      assert.equal((await t.app.inject({ url: `/nl/leiden/meetings/${executiveMeeting}/minutes.docx`, headers: { cookie: executive.cookie } })).statusCode, 200);
    });

    test('the minutes as PDF and DOCX: attendance, agenda, minutes, decision list and action list, for who may see the meeting', async (context) => {
      setClock('2019-04-10T10:00:00Z', { frozen: true });
      try {
        const created = await post(t, coordinator, '/nl/leiden/bodies/support/meetings', { date: '2019-04-01', startTime: '14:00', endTime: '16:00', location: 'Stadhuis Leiden' });
        const id = String(created.headers.location).split('/').at(-1)!;
        assert.equal((await post(t, coordinator, `/nl/leiden/meetings/${id}/items`, { title_nl: 'Łódź en Győr – CO₂ ≥ 5% €', title_en: 'Łódź and Győr – CO₂ ≥ 5% €', kind: 'decision' })).statusCode, 303);
        assert.equal((await post(t, coordinator, `/nl/leiden/meetings/${id}/decisions`, { text_nl: 'Begroting vastgesteld', text_en: 'Budget adopted', outcome: 'adopted' })).statusCode, 303);
        assert.equal((await post(t, coordinator, `/nl/leiden/meetings/${id}/actions`, { description_nl: 'Notitie schrijven', description_en: 'Write a memo', owner: 'Gemeente', dueOn: '2019-06-01' })).statusCode, 303);
        assert.equal((await post(t, coordinator, `/nl/leiden/meetings/${id}/minutes`, { minutes_nl: 'Besproken: Θεσσαλονίκη en Київ.', minutes_en: 'Discussed: Θεσσαλονίκη and Київ.', version: '1' })).statusCode, 303);
        const page = (await t.app.inject({ url: `/nl/leiden/meetings/${id}`, headers: { cookie: support.cookie } })).body;
        assert.match(page, new RegExp(`href="/nl/leiden/meetings/${id}/minutes\\.pdf"`));
        assert.match(page, new RegExp(`href="/nl/leiden/meetings/${id}/minutes\\.docx"`));
        const response = await t.app.inject({ url: `/nl/leiden/meetings/${id}/minutes.pdf`, headers: { cookie: support.cookie } });
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['content-type'], 'application/pdf');
        // Non-public meeting material: a visitor is asked to sign in first (the same answer for any id).
        assert.equal((await t.app.inject({ url: `/nl/leiden/meetings/${id}/minutes.pdf` })).statusCode, 303);
        assert.equal((await t.app.inject({ url: `/nl/leiden/meetings/${id}/minutes.docx`, headers: { cookie: executive.cookie } })).statusCode, 200, 'the executive level sees the support level');
        assert.equal((await t.app.inject({ url: `/nl/leiden/meetings/${id}/minutes.odt`, headers: { cookie: support.cookie } })).statusCode, 404);
        if (!documentToolsPresent()) return context.skip('PDF tools missing');
        const pdf = inspectPdf(response.rawPayload);
        assert.equal(pdf.info['Tagged'], 'yes');
        assert.equal(pdf.catalog.lang, 'nl-NL');
        assert.match(pdf.info['Title']!, /^Verslag /);
        const text = pdf.flatText;
        assert.ok(text.includes('Łódź en Győr – CO₂ ≥ 5% €'), text);
        assert.match(text, /Besproken: Θεσσαλονίκη en Київ\./);
        assert.match(text, /Besluitenlijst Nr\. Besluit Uitkomst Status 1 Begroting vastgesteld Aangenomen Wacht op bevestiging/);
        assert.match(text, /Actielijst Actie Eigenaar Uiterlijk Sinds Stand Notitie schrijven Gemeente 1 juni 2019 1 april 2019 Open/);
        assert.match(text, /· Concept · gemaakt op 10 april 2019/);
        assert.deepEqual(
          pdf.catalog.outline.filter((o) => o.depth === 1).map((o) => o.title),
          ['Aanwezigheid', 'Agenda', 'Verslag', 'Besluitenlijst', 'Actielijst'],
        );
        const docx = await t.app.inject({ url: `/en/leiden/meetings/${id}/minutes.docx`, headers: { cookie: support.cookie } });
        const body = docxPart(docx.rawPayload, 'word/document.xml');
        assert.match(body, /<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:rPr><w:lang w:val="en-GB"\/><\/w:rPr><w:t xml:space="preserve">Decision list/);
        assert.match(body, /<w:tblHeader\/>[\s\S]*?No\.[\s\S]*?Budget adopted/);
        assert.match(body, /Write a memo/);
        assert.match(body, /Discussed: Θεσσαλονίκη and Київ\./);
      } finally {
        setClock(null);
      }
    });
  });
}
