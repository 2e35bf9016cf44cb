import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, like } from 'drizzle-orm';
import { setClock } from '../../clock.ts';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { agreementParties, agreements, auditEvents, organisations } from '../../db/schema.ts';
import { documentToolsPresent, docxParagraphs, inspectPdf } from '../../../test/support/documents.ts';
import { agreementAmendments, agreementConsents, agreementRepresentatives, agreementVersions } from './tables.ts';

const PARTIES = ['universiteit-leiden', 'lumc', 'hogeschool-leiden', 'gemeente-leiden'] as const;
type Rep = Session & { partyId: string; userId: string };

const IN_TERM = '2019-06-01T10:00:00Z';

for (const mode of databaseModes()) {
  describe(`agreement (${mode})`, () => {
    let t: TestApp;
    let reps: Record<(typeof PARTIES)[number], Rep>;
    let coordinator: Session;
    before(async () => {
      // Inside the agreement's first term: the parties are still working under it (after its end
      // Leiden is an archive where only the coordinator corrects, src/domain/lifecycle.ts).
      setClock(IN_TERM);
      t = await startTestApp(mode);
      coordinator = await loginAs(t, { role: 'coordinator' });
      const rows = await t.database.db
        .select({ id: agreementParties.id, slug: organisations.slug })
        .from(agreementParties)
        .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId));
      reps = {} as typeof reps;
      for (const slug of PARTIES) {
        const partyId = rows.find((r) => r.slug === slug)!.id;
        const user = await loginAs(t, { role: 'partner', organisation: slug, name: `Rep ${slug}` });
        // Appointed through the coordinator's own form.
        const added = await t.app.inject({ method: 'POST', url: '/nl/leiden/agreement/representatives', headers: { cookie: coordinator.cookie }, payload: { _csrf: coordinator.csrf, party: partyId, email: user.email } });
        assert.equal(added.statusCode, 303);
        reps[slug] = { ...user, partyId };
      }
    });
    after(async () => {
      setClock(null);
      await t.close();
    });

    const post = (s: Session, url: string, payload: Record<string, string | string[]>) => t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie }, payload: { _csrf: s.csrf, ...payload } });
    const get = (url: string, s?: Session) => t.app.inject({ url, headers: s ? { cookie: s.cookie } : {} });
    const answer = (slug: (typeof PARTIES)[number], n: number, value: 'consent' | 'objection', partyId = reps[slug].partyId) =>
      post(reps[slug], `/nl/leiden/agreement/amendments/${n}/answers`, { party: partyId, answer: value, note: `note ${slug}` });
    async function propose(body: Record<string, string>, by: Rep = reps.lumc): Promise<number> {
      const response = await post(by, '/nl/leiden/agreement/amendments', { confirmed: 'yes', party: by.partyId, title_nl: 'Titel', title_en: 'Title', reason_nl: 'Omdat', reason_en: 'Because', ...body });
      assert.equal(response.statusCode, 303, response.body.slice(0, 500));
      return Number(/amendments\/(\d+)$/.exec(response.headers.location as string)![1]);
    }

    test('the public page shows parties, signatories, signing date, end date, text and version 1 in both languages', async () => {
      const nl = await get('/nl/leiden/agreement');
      assert.equal(nl.statusCode, 200);
      assert.match(nl.body, /Prof\.mr\. C\.J\.J\.M\. Stolker/);
      assert.match(nl.body, /7 juli 2017 te Leiden/);
      assert.match(nl.body, /6 juli 2022/);
      assert.match(nl.body, /versie 1/);
      assert.match(nl.body, /Samen verantwoordelijkheid nemen/);
      const en = await get('/en/leiden/agreement');
      assert.match(en.body, /Signed on 7 July 2017 in Leiden/);
      assert.match(en.body, /6 July 2022/);
      assert.match(en.body, /Taking responsibility together/);
      assert.doesNotMatch(en.body, /Pending proposals/);
      const v1 = await get('/en/leiden/agreement/versions/1');
      assert.equal(v1.statusCode, 200);
      assert.equal((await get('/en/leiden/agreement/versions/9')).statusCode, 404);
      assert.equal((await get('/en/leiden/agreement/versions/x')).statusCode, 404);
      assert.equal((await get('/en/leiden/agreement/compare?from=a&to=1')).statusCode, 400);
    });

    test('the term warning reads the programme clock: none in 2019, six months before the end in 2022, an archive after', async () => {
      try {
        setClock('2019-06-01T10:00:00Z', { frozen: true });
        const in2019 = await get('/en/leiden/dashboard', coordinator);
        assert.equal(in2019.statusCode, 200);
        assert.doesNotMatch(in2019.body, /The agreement (ends|ended)/);
        setClock('2022-02-01T10:00:00Z', { frozen: true });
        assert.match((await get('/en/leiden/dashboard', coordinator)).body, /The agreement ends on 6 July 2022, within six months/);
        // After the end the programme is an archive: the dashboard says so, without an "ended" alarm.
        setClock('2022-07-07T10:00:00Z', { frozen: true });
        const ended = (await get('/en/leiden/dashboard', coordinator)).body;
        assert.match(ended, /Archive: this programme has finished/);
        assert.doesNotMatch(ended, /The agreement ended on 6 July 2022/);
      } finally {
        setClock(IN_TERM);
      }
    });

    test('proposing: outsiders get 404, invalid input 400 with messages, a party that is not yours 403', async () => {
      const outsider = await loginAs(t, { role: 'partner', organisation: 'lumc' });
      // Without a session: the login page (with this page as the return address), not 404.
      assert.equal((await get('/nl/leiden/agreement/amendments/new')).statusCode, 303);
      assert.equal((await get('/nl/leiden/agreement/amendments/new', outsider)).statusCode, 404);
      assert.equal((await post(outsider, '/nl/leiden/agreement/amendments', { confirmed: 'yes', party: reps.lumc.partyId, title_nl: 'x', reason_nl: 'y' })).statusCode, 404);
      const form = await get('/en/leiden/agreement/amendments/new', reps.lumc);
      assert.equal(form.statusCode, 200);
      const invalid = await post(reps.lumc, '/en/leiden/agreement/amendments', { confirmed: 'yes', party: reps.lumc.partyId, title_nl: '', title_en: '', reason_nl: '', reason_en: 'typed reason' });
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /Give a subject/);
      assert.match(invalid.body, /typed reason/);
      const unchanged = await post(reps.lumc, '/en/leiden/agreement/amendments', { confirmed: 'yes', party: reps.lumc.partyId, title_nl: 'x', reason_nl: 'y' });
      assert.equal(unchanged.statusCode, 400);
      assert.match(unchanged.body, /You have not changed any text/);
      const foreign = await post(reps.lumc, '/nl/leiden/agreement/amendments', { confirmed: 'yes', party: reps['gemeente-leiden'].partyId, title_nl: 'x', reason_nl: 'y', body_duration_nl: 'nieuw' });
      assert.equal(foreign.statusCode, 403);
      const stored = await t.database.db.select().from(agreementAmendments);
      assert.equal(stored.length, 0);
    });

    test('a proposal is made in steps: choose articles, change their text, check (nothing stored yet), submit', async () => {
      const before = (await t.database.db.select().from(agreementAmendments)).length;
      const start = await get('/en/leiden/agreement/amendments/new', reps.lumc);
      assert.match(start.body, /<li class="utrecht-ordered-list__item" aria-current="step"><strong>Choose articles<\/strong>/);
      assert.match(start.body, /type="checkbox" id="proposal-article-duration" name="articles" value="duration"/);
      assert.doesNotMatch(start.body, /name="body_duration_nl"/, 'the first step has no article texts');
      const heading = { party: reps.lumc.partyId, title_nl: 'Looptijd', title_en: 'Term', reason_nl: 'Omdat', reason_en: 'Because' };
      const none = await post(reps.lumc, '/en/leiden/agreement/amendments', { ...heading, step: 'edit' });
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /Choose at least one article\./);
      const edit = await post(reps.lumc, '/en/leiden/agreement/amendments', { ...heading, step: 'edit', articles: ['duration'] });
      assert.equal(edit.statusCode, 200);
      assert.match(edit.body, /name="body_duration_nl"/);
      assert.doesNotMatch(edit.body, /name="body_annex_nl"/, 'only the chosen article is open');
      assert.match(edit.body, /<input type="hidden" name="title_en" value="Term"/);
      const same = await post(reps.lumc, '/en/leiden/agreement/amendments', { ...heading, step: 'check', articles: ['duration'] });
      assert.equal(same.statusCode, 400);
      assert.match(same.body, /You have not changed any text/);
      const changed = { ...heading, articles: ['duration'], body_duration_en: 'This agreement lasts seven years.' };
      const check = await post(reps.lumc, '/en/leiden/agreement/amendments', { ...changed, step: 'check' });
      assert.equal(check.statusCode, 200);
      assert.match(check.body, /<h1[^>]*>Check the proposal: Term<\/h1>/);
      assert.match(check.body, /<ins[^>]*>[^<]*seven/);
      assert.match(check.body, /Every party \(4\) is asked whether it consents/);
      assert.match(check.body, /<input type="hidden" name="confirmed" value="yes"/);
      assert.doesNotMatch(check.body, /name="step" value="check"/, 'the pressed step is not carried');
      assert.equal((await t.database.db.select().from(agreementAmendments)).length, before, 'nothing stored before the confirmation');
      // Back from the check to the text, with what was typed.
      const back = await post(reps.lumc, '/en/leiden/agreement/amendments', { ...changed, step: 'edit', confirmed: 'yes' });
      assert.equal(back.statusCode, 200);
      assert.match(back.body, /This agreement lasts seven years\./);
      assert.equal((await t.database.db.select().from(agreementAmendments)).length, before);
      // The confirmation itself stores it (propose() above, used by the other tests).
    });

    test('a proposal collects consent; an objection blocks until withdrawn; adoption publishes version 2', async () => {
      const n = await propose({ body_duration_nl: 'Deze overeenkomst duurt tien jaar.', body_duration_en: 'This agreement lasts ten years.' });
      // Pending: not public, visible to parties and the coordinator.
      // A visitor is asked to sign in (the same answer whether the proposal exists or not).
      assert.equal((await get(`/nl/leiden/agreement/amendments/${n}`)).statusCode, 303);
      assert.doesNotMatch((await get('/nl/leiden/agreement')).body, /amendments\/1"/);
      const seen = await get(`/en/leiden/agreement/amendments/${n}`, coordinator);
      assert.equal(seen.statusCode, 200);
      assert.match(seen.body, /<ins>/);
      assert.match(seen.body, /<del>/);
      assert.match(seen.body, /Waiting for 4 parties/);

      // A representative cannot answer for another party: 403 and nothing stored.
      const forOther = await answer('lumc', n, 'consent', reps['gemeente-leiden'].partyId);
      assert.equal(forOther.statusCode, 403);
      const outsider = await loginAs(t, { role: 'partner', organisation: 'lumc' });
      assert.equal((await post(outsider, `/nl/leiden/agreement/amendments/${n}/answers`, { party: reps.lumc.partyId, answer: 'consent' })).statusCode, 404);
      assert.equal((await t.database.db.select().from(agreementConsents)).length, 0);
      assert.equal((await post(reps.lumc, `/nl/leiden/agreement/amendments/${n}/answers`, { party: reps.lumc.partyId, answer: 'maybe' })).statusCode, 400);

      for (const slug of ['universiteit-leiden', 'lumc', 'hogeschool-leiden'] as const) assert.equal((await answer(slug, n, 'consent')).statusCode, 303);
      assert.equal((await answer('lumc', n, 'consent')).statusCode, 409, 'a second answer from the same party');
      assert.equal((await answer('gemeente-leiden', n, 'objection')).statusCode, 303);
      assert.match((await get(`/en/leiden/agreement/amendments/${n}`, coordinator)).body, /Blocked: 1 party objects/);
      const blocked = await post(coordinator, `/en/leiden/agreement/amendments/${n}/adopt`, { confirmed: 'yes' });
      assert.equal(blocked.statusCode, 409);
      assert.match(blocked.body, /A party objects/);
      assert.equal((await post(reps['gemeente-leiden'], `/nl/leiden/agreement/amendments/${n}/withdraw`, { party: reps['gemeente-leiden'].partyId })).statusCode, 303);
      assert.match((await get(`/en/leiden/agreement/amendments/${n}`, coordinator)).body, /Waiting for 1 party/);
      assert.equal((await answer('gemeente-leiden', n, 'consent')).statusCode, 303);
      assert.match((await get(`/en/leiden/agreement/amendments/${n}`, coordinator)).body, /Every party consents/);
      assert.equal((await post(coordinator, `/nl/leiden/agreement/amendments/${n}/adopt`, { confirmed: 'yes' })).statusCode, 303);
      assert.equal((await post(coordinator, `/nl/leiden/agreement/amendments/${n}/adopt`, { confirmed: 'yes' })).statusCode, 409);

      const nl = await get('/nl/leiden/agreement');
      assert.match(nl.body, /Deze overeenkomst duurt tien jaar\./);
      assert.match(nl.body, /versie 2/);
      assert.match(nl.body, new RegExp(`amendments/${n}"`));
      const en = await get('/en/leiden/agreement');
      assert.match(en.body, /This agreement lasts ten years\./);
      assert.equal((await get(`/en/leiden/agreement/amendments/${n}`)).statusCode, 200, 'adopted amendments are public');
      const compare = await get('/en/leiden/agreement/compare?from=1&to=2');
      assert.equal(compare.statusCode, 200);
      assert.match(compare.body, /<ins>[^<]*ten/);
      const actions = (await t.database.db.select({ action: auditEvents.action }).from(auditEvents).where(like(auditEvents.action, 'agreement.%'))).map((r) => r.action);
      for (const expected of ['agreement.amendment.propose', 'agreement.consent.give', 'agreement.consent.object', 'agreement.consent.withdraw', 'agreement.amendment.adopt', 'agreement.version.publish']) {
        assert.ok(actions.includes(expected), expected);
      }
    });

    test('concurrent answers and adoptions count once', async () => {
      const n = await propose({ body_annex_en: 'Annex replaced.' });
      const duplicate = await Promise.all([answer('lumc', n, 'consent'), answer('lumc', n, 'consent'), answer('lumc', n, 'consent')]);
      assert.deepEqual(duplicate.map((r) => r.statusCode).sort(), [303, 409, 409]);
      await Promise.all(PARTIES.filter((s) => s !== 'lumc').map((slug) => answer(slug, n, 'consent')));
      const adoptions = await Promise.all([
        post(coordinator, `/nl/leiden/agreement/amendments/${n}/adopt`, { confirmed: 'yes' }),
        ...PARTIES.map((slug) => post(reps[slug], `/nl/leiden/agreement/amendments/${n}/adopt`, { confirmed: 'yes' })),
      ]);
      assert.deepEqual(adoptions.map((r) => r.statusCode).sort(), [303, 409, 409, 409, 409]);
      const [amendment] = await t.database.db.select().from(agreementAmendments).where(eq(agreementAmendments.number, n));
      const versions = await t.database.db.select().from(agreementVersions).where(eq(agreementVersions.amendmentId, amendment!.id));
      assert.equal(versions.length, 1);
      const adoptAudits = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'agreement.amendment.adopt'), eq(auditEvents.objectId, amendment!.id)));
      assert.equal(adoptAudits.length, 1);
      const standing = await t.database.db.select().from(agreementConsents).where(eq(agreementConsents.amendmentId, amendment!.id));
      assert.equal(standing.length, 4);
    });

    test('a renewal needs every party and extends the term by five years; the dashboard warns', async () => {
      // A renewal is possible only within the term (unanimity.test.ts: refused after it).
      setClock('2022-03-01T10:00:00Z', { frozen: true });
      try {
        const form = await get('/en/leiden/agreement/amendments/new?kind=renewal', reps.lumc);
        assert.match(form.body, /6 July 2027/);
        const n = await propose({ kind: 'renewal' });
        for (const slug of PARTIES.slice(0, 3)) await answer(slug, n, 'consent');
        assert.equal((await post(coordinator, `/nl/leiden/agreement/amendments/${n}/adopt`, { confirmed: 'yes' })).statusCode, 409);
        await answer('gemeente-leiden', n, 'consent');
        assert.equal((await post(coordinator, `/nl/leiden/agreement/amendments/${n}/adopt`, { confirmed: 'yes' })).statusCode, 303);
        const [agreement] = await t.database.db.select().from(agreements);
        assert.equal(agreement!.renewals, 1);
        assert.match((await get('/en/leiden/agreement')).body, /6 July 2027/);
        const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'agreement.renewal.adopt'));
        assert.equal(audit.length, 1);
      } finally {
        setClock(IN_TERM);
      }
    });

    test('the written record: PDF and DOCX of an adopted amendment and of a version, with each party\'s consent', async (context) => {
      if (!documentToolsPresent()) return context.skip('PDF tools missing');
      const pdf = await get('/nl/leiden/agreement/amendments/1/pdf');
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const record = inspectPdf(pdf.rawPayload);
      assert.equal(record.info['Tagged'], 'yes');
      assert.equal(record.catalog.lang, 'nl-NL');
      assert.match(record.info['Title']!, /Wijziging 1/);
      assert.ok(record.fonts.every((f) => f.embedded));
      const pdfText = record.flatText;
      assert.match(pdfText, /Wijziging 1/);
      assert.match(pdfText, /Deze overeenkomst duurt tien jaar\./);
      for (const slug of PARTIES) assert.match(pdfText, new RegExp(`Stemt in: Rep ${slug}`), `consent of ${slug} in the PDF`);
      const docx = await get('/en/leiden/agreement/amendments/1/docx');
      assert.equal(docx.statusCode, 200);
      assert.match(String(docx.headers['content-type']), /wordprocessingml/);
      const paragraphs = docxParagraphs(docx.rawPayload);
      assert.ok(paragraphs.some((p) => p.includes('Amendment 1')));
      assert.ok(paragraphs.includes('This agreement lasts ten years.'));
      for (const slug of PARTIES) assert.ok(paragraphs.some((p) => p.includes(`Consents: Rep ${slug}`)), `consent of ${slug} in the DOCX`);
      const version = docxParagraphs((await get('/nl/leiden/agreement/versions/2/docx')).rawPayload);
      assert.ok(version.some((p) => p.includes('Versie 2')));
      assert.ok(version.some((p) => p.includes('Prof.mr. C.J.J.M. Stolker')));
      assert.ok(version.some((p) => p.startsWith('Universiteit Leiden') && p.includes('Stemt in: Rep universiteit-leiden')));
      const versionRecord = inspectPdf((await get('/en/leiden/agreement/versions/1/pdf')).rawPayload);
      assert.equal(versionRecord.catalog.lang, 'en-GB', 'the English version says it is English');
      assert.ok(versionRecord.catalog.outline.some((o) => o.depth === 1), 'a bookmark per section');
      const versionPdf = versionRecord.flatText;
      assert.match(versionPdf, /Version 1/);
      assert.match(versionPdf, /Taking responsibility together/);
      assert.equal((await get('/nl/leiden/agreement/versions/2/odt')).statusCode, 404);
      assert.equal((await get('/nl/leiden/agreement/versions/99/pdf')).statusCode, 404);
      const pending = await propose({ body_annex_nl: 'Nog niet aangenomen.' });
      assert.equal((await get(`/nl/leiden/agreement/amendments/${pending}/pdf`, coordinator)).statusCode, 404);
    });

    test('an amendment that changes one language of a section leaves the other "translation out of date" until a later one updates it', async () => {
      const adopt = async (n: number) => {
        for (const slug of PARTIES) assert.equal((await answer(slug, n, 'consent')).statusCode, 303);
        assert.equal((await post(coordinator, `/nl/leiden/agreement/amendments/${n}/adopt`, { confirmed: 'yes' })).statusCode, 303);
      };
      const marker = /id="translation-stale"><span class="utrecht-data-badge ks-badge">Translation out of date:<\/span> Duration<\/p>/;
      // Only the Dutch text of "Duur" is proposed: the English stays as it was.
      const n = await propose({ body_duration_nl: 'Deze overeenkomst duurt twaalf jaar.' });
      assert.match((await get(`/en/leiden/agreement/amendments/${n}`, coordinator)).body, marker, 'the proposal says what it leaves behind');
      assert.doesNotMatch((await get(`/nl/leiden/agreement/amendments/${n}`, coordinator)).body, /id="translation-stale"/);
      // Only the English annex was replaced earlier (amendment of the concurrency test): the Dutch one is behind.
      const stale = async () => (await get('/en/leiden/manage/website/translations', coordinator)).body.match(/id="stale-agreement"[^]*?<\/a> — ([^<]*)<\/li>/)?.[1];
      assert.equal(await stale(), 'Dutch: 1 text out of date', 'a proposal changes nothing yet');
      await adopt(n);
      assert.match((await get('/en/leiden/agreement')).body, marker);
      assert.match((await get('/nl/leiden/agreement')).body, /id="translation-stale"><span class="utrecht-data-badge ks-badge">Vertaling verouderd:<\/span> Bijlage 1[^<]*<\/p>/, 'in Dutch only the annex is behind');
      const [version] = await t.database.db.select().from(agreementVersions).where(eq(agreementVersions.amendmentId, (await t.database.db.select().from(agreementAmendments).where(eq(agreementAmendments.number, n)))[0]!.id));
      assert.deepEqual(version!.staleTranslations, { annex: 'nl', duration: 'en' });
      assert.match((await get('/en/leiden/manage/website/translations', coordinator)).body, /id="stale-agreement"[^]*?href="\/en\/leiden\/agreement">The agreement’s current text/);
      assert.equal(await stale(), 'Dutch: 1 text out of date; English: 1 text out of date');
      // The proposal form says which language of a section is behind, under that field.
      const form = await post(reps.lumc, '/en/leiden/agreement/amendments', { step: 'edit', party: reps.lumc.partyId, title_en: 'Dates', reason_en: 'Why', articles: ['duration', 'annex'] });
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Duration \(English\)[^]*?Translation out of date: the text in the other language was changed after this one was written\./);
      assert.equal(form.body.match(/Translation out of date: the text in the other language/g)?.length, 2, 'the English duration and the Dutch annex');
      // A later amendment brings the English up to date: the mark goes.
      await adopt(await propose({ body_duration_en: 'This agreement lasts twelve years.' }));
      assert.doesNotMatch((await get('/en/leiden/agreement')).body, /id="translation-stale"/);
      assert.equal(await stale(), 'Dutch: 1 text out of date');
    });

    test('representatives: only the coordinator manages them; unknown users are refused', async () => {
      assert.equal((await get('/nl/leiden/agreement/representatives', reps.lumc)).statusCode, 403);
      assert.equal((await get('/nl/leiden/agreement/representatives', coordinator)).statusCode, 200);
      const unknown = await post(coordinator, '/en/leiden/agreement/representatives', { party: reps.lumc.partyId, email: 'nobody@example.org' });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /There is no user/);
      assert.equal((await post(coordinator, '/en/leiden/agreement/representatives', { party: 'x', email: 'a@b.c' })).statusCode, 400);
      const denied = await post(reps.lumc, '/nl/leiden/agreement/representatives', { party: reps.lumc.partyId, email: 'x@example.org' });
      assert.equal(denied.statusCode, 403);
      const [row] = await t.database.db.select().from(agreementRepresentatives).where(eq(agreementRepresentatives.userId, reps['hogeschool-leiden'].userId));
      assert.equal((await post(coordinator, `/nl/leiden/agreement/representatives/${row!.id}/remove`, {})).statusCode, 303);
      assert.equal((await get('/nl/leiden/agreement/amendments/new', reps['hogeschool-leiden'])).statusCode, 404);
    });
  });
}
