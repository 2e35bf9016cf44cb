// Issue 17, points 4 and 5: unanimity means every party (a representative is a person of that
// party, one party per person, consent belongs to the party), renewal only within the term, and
// one end date everywhere after a renewal. On both databases, with the programme clock set.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import { setClock } from '../../clock.ts';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { agreementParties, agreements, auditEvents, organisations, people, programmes } from '../../db/schema.ts';
import { grantRole } from '../accounts/commands.ts';
import { programmeTerm } from './term-queries.ts';
import { agreementAmendments, agreementConsents, agreementRepresentatives } from './tables.ts';

const PARTIES = ['universiteit-leiden', 'lumc', 'hogeschool-leiden', 'gemeente-leiden'] as const;
type Slug = (typeof PARTIES)[number];
type Rep = Session & { userId: string; email: string; partyId: string };

const IN_TERM = '2019-06-01T10:00:00Z';

for (const mode of databaseModes()) {
  describe(`unanimity and term (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session & { userId: string; email: string };
    let programmeId: string;
    const partyIds = {} as Record<Slug, string>;
    const reps = {} as Record<Slug, Rep>;

    before(async () => {
      // Inside the agreement's first term: the parties are still working under it (after its end
      // Leiden is an archive where only the coordinator corrects, src/domain/lifecycle.ts).
      setClock(IN_TERM);
      t = await startTestApp(mode);
      coordinator = await loginAs(t, { role: 'coordinator', name: 'Coördinator' });
      const rows = await t.database.db
        .select({ id: agreementParties.id, slug: organisations.slug, programmeId: agreementParties.programmeId })
        .from(agreementParties)
        .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId));
      for (const slug of PARTIES) partyIds[slug] = rows.find((r) => r.slug === slug)!.id;
      programmeId = rows[0]!.programmeId;
    });
    after(async () => {
      setClock(null);
      await t.close();
    });

    const post = (s: Session, url: string, payload: Record<string, string>) => t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie }, payload: { _csrf: s.csrf, ...payload } });
    const get = (url: string, s?: Session) => t.app.inject({ url, headers: s ? { cookie: s.cookie } : {} });
    const appoint = (party: Slug, email: string, locale = 'nl') => post(coordinator, `/${locale}/leiden/agreement/representatives`, { party: partyIds[party], email });
    const representatives = () => t.database.db.select().from(agreementRepresentatives);
    const answer = (rep: Rep, n: number, value: 'consent' | 'objection') => post(rep, `/nl/leiden/agreement/amendments/${n}/answers`, { party: rep.partyId, answer: value });
    async function propose(by: Rep, body: Record<string, string>): Promise<number> {
      const response = await post(by, '/nl/leiden/agreement/amendments', { confirmed: 'yes', party: by.partyId, title_nl: 'Titel', title_en: 'Title', reason_nl: 'Omdat', reason_en: 'Because', ...body });
      assert.equal(response.statusCode, 303, response.body.slice(0, 500));
      return Number(/amendments\/(\d+)$/.exec(response.headers.location as string)![1]);
    }

    test('a representative must be a person of that party or one of its units; refusals store nothing', async () => {
      // The coordinator (no organisation) for the municipality: refused, NL and EN.
      const nl = await appoint('gemeente-leiden', coordinator.email);
      assert.equal(nl.statusCode, 400);
      assert.match(nl.body, /Deze persoon hoort niet bij Gemeente Leiden of een van haar onderdelen/);
      const en = await appoint('gemeente-leiden', coordinator.email, 'en');
      assert.match(en.body, /This person does not belong to Municipality of Leiden or one of its units/);
      // A person of the medical centre for the university: refused.
      const lumcPerson = await loginAs(t, { role: 'partner', organisation: 'lumc' });
      assert.equal((await appoint('universiteit-leiden', lumcPerson.email)).statusCode, 400);
      assert.equal((await representatives()).length, 0);
      assert.equal((await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'agreement.representative.add'))).length, 0);

      // A person of an institute of a faculty of the university: accepted for the university.
      const lubec = await loginAs(t, { role: 'partner', organisation: 'lubec', name: 'Rep universiteit' });
      assert.equal((await appoint('universiteit-leiden', lubec.email)).statusCode, 303);
      reps['universiteit-leiden'] = { ...lubec, partyId: partyIds['universiteit-leiden'] };
      assert.equal((await appoint('lumc', lumcPerson.email)).statusCode, 303);
      reps.lumc = { ...lumcPerson, partyId: partyIds.lumc };
      const hl = await loginAs(t, { role: 'partner', organisation: 'hogeschool-leiden', name: 'Rep hogeschool' });
      assert.equal((await appoint('hogeschool-leiden', hl.email)).statusCode, 303);
      reps['hogeschool-leiden'] = { ...hl, partyId: partyIds['hogeschool-leiden'] };

      // One person, one party: someone who works for both the medical centre and the university
      // represents the one they were appointed for first, not both.
      const both = await loginAs(t, { role: 'partner', organisation: 'lumc', name: 'Dubbele aanstelling' });
      await grantRole(t.database.db, { userId: both.userId, programmeSlug: 'leiden', role: 'partner', organisation: 'universiteit-leiden' });
      assert.equal((await appoint('lumc', both.email)).statusCode, 303);
      const twice = await appoint('universiteit-leiden', both.email);
      assert.equal(twice.statusCode, 400);
      assert.match(twice.body, /Deze persoon vertegenwoordigt al Leids Universitair Medisch Centrum/);
      const twiceEn = await appoint('universiteit-leiden', both.email, 'en');
      assert.match(twiceEn.body, /One person represents at most one party/);
      assert.equal((await representatives()).filter((r) => r.userId === both.userId).length, 1);

      // The coordinator qualifies once they are a person of the municipality (their person record).
      const [gemeente] = await t.database.db.select().from(organisations).where(eq(organisations.slug, 'gemeente-leiden'));
      await t.database.db.insert(people).values({ programmeId, name: 'Coördinator', organisationId: gemeente!.id, userId: coordinator.userId });
      assert.equal((await appoint('gemeente-leiden', coordinator.email)).statusCode, 303);
      reps['gemeente-leiden'] = { ...coordinator, partyId: partyIds['gemeente-leiden'] };

      const added = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'agreement.representative.add'));
      assert.equal(added.length, 5);
      assert.deepEqual(added.find((a) => a.objectId === partyIds['universiteit-leiden'])!.after, { userId: lubec.userId, name: 'Rep universiteit', partyId: partyIds['universiteit-leiden'] });
    });

    test('two appointments of one person for two parties at once: exactly one stands', async () => {
      const both = await loginAs(t, { role: 'partner', organisation: 'hogeschool-leiden', name: 'Gelijktijdig' });
      await grantRole(t.database.db, { userId: both.userId, programmeSlug: 'leiden', role: 'partner', organisation: 'gemeente-leiden' });
      const answers = await Promise.all([appoint('hogeschool-leiden', both.email), appoint('gemeente-leiden', both.email)]);
      assert.deepEqual(answers.map((r) => r.statusCode).sort(), [303, 400]);
      assert.equal((await representatives()).filter((r) => r.userId === both.userId).length, 1);
    });

    test('four representatives of four parties consent: adopted; a replaced representative’s consent stays the party’s', async () => {
      const n = await propose(reps.lumc, { body_annex_nl: 'Bijlage vervangen.', body_annex_en: 'Annex replaced.' });
      for (const slug of ['universiteit-leiden', 'lumc', 'hogeschool-leiden'] as const) assert.equal((await answer(reps[slug], n, 'consent')).statusCode, 303);
      // Three of four is not unanimity.
      const early = await post(coordinator, `/en/leiden/agreement/amendments/${n}/adopt`, { confirmed: 'yes' });
      assert.equal(early.statusCode, 409);
      assert.match(early.body, /Not every party has consented yet/);

      // The university's representative is replaced: their consent stays, given by them.
      const [old] = await t.database.db.select().from(agreementRepresentatives).where(eq(agreementRepresentatives.userId, reps['universiteit-leiden'].userId));
      assert.equal((await post(coordinator, `/nl/leiden/agreement/representatives/${old!.id}/remove`, {})).statusCode, 303);
      const successor = await loginAs(t, { role: 'partner', organisation: 'faculteit-sociale-wetenschappen', name: 'Nieuwe rep universiteit' });
      assert.equal((await appoint('universiteit-leiden', successor.email)).statusCode, 303);
      const successorRep = { ...successor, partyId: partyIds['universiteit-leiden'] };
      const again = await answer(successorRep, n, 'consent');
      assert.equal(again.statusCode, 409, 'the party has answered already');
      // The former representative no longer speaks for the party.
      assert.equal((await answer(reps['universiteit-leiden'], n, 'objection')).statusCode, 404);

      const page = await get(`/nl/leiden/agreement/amendments/${n}`, coordinator);
      assert.match(page.body, /Wijzigingen in de vertegenwoordigers/);
      assert.match(page.body, /Rep universiteit is geen vertegenwoordiger van Universiteit Leiden meer/);
      assert.match(page.body, /Nieuwe rep universiteit benoemd als vertegenwoordiger van Universiteit Leiden/);
      assert.match(page.body, /<tr class="utrecht-table__row" data-party="universiteit-leiden">.*?Stemt in.*?Rep universiteit</s);

      assert.equal((await answer(reps['gemeente-leiden'], n, 'consent')).statusCode, 303);
      assert.equal((await post(coordinator, `/nl/leiden/agreement/amendments/${n}/adopt`, { confirmed: 'yes' })).statusCode, 303);
      const [amendment] = await t.database.db.select().from(agreementAmendments).where(eq(agreementAmendments.number, n));
      assert.ok(amendment!.adoptedAt);
      const consents = await t.database.db.select().from(agreementConsents).where(eq(agreementConsents.amendmentId, amendment!.id));
      assert.deepEqual(consents.map((c) => c.partyId).sort(), Object.values(partyIds).sort());
      assert.equal(consents.find((c) => c.partyId === partyIds['universiteit-leiden'])!.userId, reps['universiteit-leiden'].userId);
      reps['universiteit-leiden'] = successorRep;
    });

    test('a renewal extends the term by five years from its end: one end date on every page, export and API', async () => {
      try {
        setClock('2022-03-01T10:00:00Z', { frozen: true });
        const form = await get('/en/leiden/agreement/amendments/new?kind=renewal', reps.lumc);
        assert.match(form.body, /6 July 2027/);
        const n = await propose(reps.lumc, { kind: 'renewal' });
        // A second renewal while one is pending: refused, nothing stored.
        const second = await post(reps.lumc, '/en/leiden/agreement/amendments', { confirmed: 'yes', kind: 'renewal', party: reps.lumc.partyId, title_nl: 'x', reason_nl: 'y' });
        assert.equal(second.statusCode, 400);
        assert.match(second.body, new RegExp(`A renewal has already been proposed \\(amendment ${n}\\)`));
        assert.equal((await t.database.db.select().from(agreementAmendments).where(eq(agreementAmendments.kind, 'renewal'))).length, 1);
        for (const slug of PARTIES) assert.equal((await answer(reps[slug], n, 'consent')).statusCode, 303);
        assert.equal((await post(reps.lumc, `/nl/leiden/agreement/amendments/${n}/adopt`, { confirmed: 'yes' })).statusCode, 303);

        const term = await programmeTerm(t.database.db, programmeId);
        assert.equal(term.endOn, '2027-07-06');
        const [programme] = await t.database.db.select().from(programmes).where(eq(programmes.id, programmeId));
        assert.equal(programme!.periodEnd, '2027-07-06');
        assert.match((await get('/nl/leiden')).body, /6 juli 2027/);
        assert.match((await get('/en/leiden')).body, /6 July 2027/);
        assert.doesNotMatch((await get('/en/leiden')).body, /6 July 2022/);
        assert.match((await get('/en/leiden/agreement')).body, /up to and including 6 July 2027/);
        assert.match((await get('/en/leiden/dashboard', coordinator)).body, /The agreement runs up to and including 6 July 2027/);
        const api = JSON.parse((await get('/api/v1/programmes/leiden')).body);
        assert.equal(api.periodEnd, '2027-07-06');
        const list = JSON.parse((await get('/api/v1/programmes')).body);
        assert.equal(list.data?.find((p: { slug: string }) => p.slug === 'leiden')?.periodEnd ?? list.items?.find((p: { slug: string }) => p.slug === 'leiden')?.periodEnd, '2027-07-06');
        assert.equal(JSON.parse((await get('/api/v1/programmes/leiden/agreement')).body).endOn, '2027-07-06');
        const openData = JSON.parse((await get('/api/v1/programmes/leiden/open-data.json')).body);
        assert.equal(openData.programme.periodEnd, '2027-07-06');
        assert.equal(openData.agreement?.endOn ?? '2027-07-06', '2027-07-06');
        assert.match((await get('/open-data/leiden/dcat.jsonld')).body, /"2027-07-06"/);
      } finally {
        setClock(IN_TERM);
      }
    });

    test('after the term ended a renewal is refused, pointing to a successor programme; nothing stored', async () => {
      try {
        // Proposed and consented within the term, adoption asked after its end: refused.
        setClock('2027-07-01T10:00:00Z', { frozen: true });
        const n = await propose(reps.lumc, { kind: 'renewal' });
        for (const slug of PARTIES) assert.equal((await answer(reps[slug], n, 'consent')).statusCode, 303);
        setClock('2027-07-10T10:00:00Z', { frozen: true });
        const adopt = await post(coordinator, `/en/leiden/agreement/amendments/${n}/adopt`, { confirmed: 'yes' });
        assert.equal(adopt.statusCode, 409);
        assert.match(adopt.body, /Start a successor programme with a new agreement/);
        const [agreement] = await t.database.db.select().from(agreements);
        assert.equal(agreement!.renewals, 1);
        assert.equal((await programmeTerm(t.database.db, programmeId)).endOn, '2027-07-06');

        // A new proposal: the form says why there is none, and a posted one is refused (NL and EN).
        const form = await get('/nl/leiden/agreement/amendments/new?kind=renewal', reps.lumc);
        assert.match(form.body, /start een opvolgend programma/);
        assert.doesNotMatch(form.body, /id="proposal"/);
        const before = (await t.database.db.select().from(agreementAmendments)).length;
        // The programme is an archive now: a party's post is refused before the rule is asked (403), pointing to a successor.
        const nl = await post(reps.lumc, '/nl/leiden/agreement/amendments', { confirmed: 'yes', kind: 'renewal', party: reps.lumc.partyId, title_nl: 'Verlenging', reason_nl: 'Graag' });
        assert.equal(nl.statusCode, 403);
        assert.match(nl.body, /Dit programma is afgelopen/);
        assert.match(nl.body, /start een opvolgend programma met een nieuwe overeenkomst/);
        const en = await post(reps.lumc, '/en/leiden/agreement/amendments', { confirmed: 'yes', kind: 'renewal', party: reps.lumc.partyId, title_en: 'Renewal', reason_en: 'Please' });
        assert.match(en.body, /a successor programme starts with a new agreement/);
        assert.equal((await t.database.db.select().from(agreementAmendments)).length, before);
        // The dashboard shows the archive, not a term alarm.
        assert.match((await get('/en/leiden/dashboard', coordinator)).body, /Archive: this programme has finished/);
      } finally {
        setClock(IN_TERM);
      }
    });

    test('the representative list changes are audited with who and for which party', async () => {
      const rows = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.objectType, 'agreement_party'), inArray(auditEvents.action, ['agreement.representative.add', 'agreement.representative.remove'])));
      const removed = rows.filter((r) => r.action === 'agreement.representative.remove');
      assert.equal(removed.length, 1);
      assert.deepEqual(removed[0]!.before, { userId: (removed[0]!.before as { userId: string }).userId, name: 'Rep universiteit', partyId: partyIds['universiteit-leiden'] });
      assert.equal(rows.length, 8);
    });
  });
}
