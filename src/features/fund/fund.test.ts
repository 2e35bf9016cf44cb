import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../domain/export-cells.ts';
import { formatCents, formatHours } from '../../domain/money.ts';
import { and, eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { auditEvents, bodies, organisations, programmes, projects, type BodyKind } from '../../db/schema.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { fundApplications, funds, ledgerEntries } from './tables.ts';
import { balancesPerYear, ledgerMatchesBalance } from './queries.ts';
import { heldDecision } from '../../../test/support/decisions.ts';

const idem = () => `k${Math.random().toString(36).slice(2)}${Date.now()}xxxxxxxx`;

for (const mode of databaseModes()) {
  describe(`fund pages (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session;
    let executive: Session;
    let support: Session;
    let lead: Session;
    let otherLead: Session;
    let partner: Session;
    let jointFundId: string;
    let lumcId: string;
    let project3a: string;
    let applicationId: string;
    /** The executive level's confirmed decision the awards below rest on. */
    let awardDecision: string;

    const post = (session: Session, url: string, payload: Record<string, string>) =>
      t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { ...payload, _csrf: session.csrf } });
    const get = (session: Session | null, url: string) => t.app.inject({ url, headers: session ? { cookie: session.cookie } : {} });

    before(async () => {
      t = await startTestApp(mode, {}, { leiden: 'running' });
      coordinator = await loginAs(t, { role: 'coordinator' });
      executive = await loginAs(t, { role: 'executive' });
      support = await loginAs(t, { role: 'support' });
      lead = await loginAs(t, { role: 'lead', project: '3a' });
      otherLead = await loginAs(t, { role: 'lead', project: '1a' });
      partner = await loginAs(t, { role: 'partner', organisation: 'lumc' });
      const db = t.database.db;
      // The agreement leaves the fund's form open, so none is seeded: the coordinator sets up a joint one.
      assert.equal((await db.select({ id: funds.id }).from(funds)).length, 0, 'no fund before the steering group chooses');
      assert.match((await get(coordinator, '/nl/leiden/fund')).body, /wordt nog nader bepaald/);
      assert.equal((await post(coordinator, '/nl/leiden/fund/funds', { kind: 'joint', name_nl: 'Kennisfonds', name_en: 'Knowledge fund' })).statusCode, 303);
      [{ id: jointFundId }] = (await db.select({ id: funds.id }).from(funds).where(eq(funds.kind, 'joint'))) as [{ id: string }];
      [{ id: lumcId }] = (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, 'lumc'))) as [{ id: string }];
      [{ id: project3a }] = (await db.select({ id: projects.id }).from(projects).where(eq(projects.code, '3a'))) as [{ id: string }];
      const [{ p: programmeId }] = (await db.select({ p: funds.programmeId }).from(funds).where(eq(funds.id, jointFundId))) as [{ p: string }];
      awardDecision = (await heldDecision(db, { programmeId })).decisionId;
    });
    after(async () => t.close());

    test('the overview needs a signed-in user with a fund role', async () => {
      const anonymous = await get(null, '/nl/leiden/fund');
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /\/nl\/login\?next=/);
      const nobody = await loginAs(t, {});
      assert.equal((await get(nobody, '/nl/leiden/fund')).statusCode, 403);
      const page = await get(coordinator, '/en/leiden/fund');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Knowledge fund/);
    });

    test('coordinator sets up an earmark; invalid input answers 400 with a message', async () => {
      const bad = await post(coordinator, '/nl/leiden/fund/funds', { kind: 'earmarked', party: '', name_nl: 'Oormerk LUMC', name_en: '' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Kies een van de partijen van de overeenkomst \(of een onderdeel ervan\)\./);
      assert.match(bad.body, /value="Oormerk LUMC"/);
      const ok = await post(coordinator, '/nl/leiden/fund/funds', { kind: 'earmarked', party: lumcId, name_nl: 'Oormerk LUMC', name_en: 'LUMC earmark' });
      assert.equal(ok.statusCode, 303);
      const again = await post(coordinator, '/en/leiden/fund/funds', { kind: 'earmarked', party: lumcId, name_nl: 'x', name_en: 'x' });
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /already has an earmarked fund/);
      const denied = await post(partner, '/nl/leiden/fund/funds', { kind: 'joint', name_nl: 'x', name_en: 'x' });
      assert.equal(denied.statusCode, 403);
    });

    test('the parties and their units contribute; other organisations are neither offered nor accepted, an earmark is a party’s own', async () => {
      const db = t.database.db;
      const idOf = async (slug: string) => (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)))[0]!.id;
      const [marketing, faculty] = [await idOf('leiden-marketing'), await idOf('faculteit-sociale-wetenschappen')];
      const form = (await get(coordinator, '/nl/leiden/fund/contributions')).body;
      const offered = [...(form.match(/<select[^>]*name="party"[\s\S]*?<\/select>/)?.[0] ?? '').matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(offered.includes(lumcId) && offered.includes(faculty), 'parties and their units are offered');
      assert.ok(!offered.includes(marketing), 'an organisation that is not a party is not offered');
      const before = (await db.select().from(ledgerEntries)).length;
      const refused = await post(coordinator, '/en/leiden/fund/contributions', { fund: jointFundId, party: marketing, year: '2018', amount: '10', idem: idem() });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Choose one of the agreement’s parties \(or one of its units\)\./);
      assert.equal((await db.select().from(ledgerEntries)).length, before, 'nothing stored');
      const unitEarmark = await post(coordinator, '/en/leiden/fund/funds', { kind: 'earmarked', party: faculty, name_nl: 'Oormerk FSW', name_en: 'FSW earmark' });
      assert.equal(unitEarmark.statusCode, 400);
      assert.match(unitEarmark.body, /An earmark belongs to a party of the agreement itself/);
      assert.equal((await db.select().from(funds).where(eq(funds.organisationId, faculty))).length, 0);
    });

    test('money input errors are shown in Dutch and English and keep what was typed', async () => {
      const cases: [string, 'nl' | 'en', RegExp][] = [
        ['-5', 'nl', /Een bedrag kan niet negatief zijn\./],
        ['veel geld', 'nl', /Dit is geen bedrag\./],
        ['1,505', 'nl', /hooguit twee cijfers achter de komma/],
        ['999999999999', 'en', /implausibly large/],
        ['abc', 'en', /This is not an amount\./],
      ];
      for (const [amount, locale, message] of cases) {
        const response = await post(coordinator, `/${locale}/leiden/fund/contributions`, { fund: jointFundId, party: lumcId, year: '2018', amount, hours: '', note: '', idem: idem() });
        assert.equal(response.statusCode, 400, amount);
        assert.match(response.body, message, amount);
        assert.ok(response.body.includes(`value="${amount}"`), `keeps ${amount}`);
        assert.match(response.body, /aria-invalid="true"/);
      }
      const hours = await post(coordinator, '/nl/leiden/fund/contributions', { fund: jointFundId, party: lumcId, year: '2018', amount: '10', hours: '2,5', idem: idem() });
      assert.equal(hours.statusCode, 400);
      assert.match(hours.body, /Vul hele uren in\./);
      const year = await post(coordinator, '/nl/leiden/fund/contributions', { fund: jointFundId, party: lumcId, year: '18', amount: '10', idem: idem() });
      assert.equal(year.statusCode, 400);
      // A note over its limit is refused, never stored cut; the field says its limit.
      const longNote = await post(coordinator, '/en/leiden/fund/contributions', { fund: jointFundId, party: lumcId, year: '2018', amount: '10', note: 'n'.repeat(501), idem: idem() });
      assert.equal(longNote.statusCode, 400);
      assert.match(longNote.body, /at most 500 characters/);
      assert.match(longNote.body, /id="contribution-note"[^>]*maxlength="500"/);
      const nothing = await post(coordinator, '/en/leiden/fund/contributions', { fund: jointFundId, party: lumcId, year: '2018', amount: '', hours: '', idem: idem() });
      assert.equal(nothing.statusCode, 400);
      assert.match(nothing.body, /Enter an amount or a number of hours\./);
      const entries = await t.database.db.select().from(ledgerEntries);
      assert.equal(entries.length, 0, 'nothing stored');
    });

    test('contributions in money and hours show with FTE; a repeated submission has one effect', async () => {
      const key = idem();
      const payload = { fund: jointFundId, party: lumcId, year: '2018', amount: '€ 1.500', hours: '800', note: 'Eerste storting', idem: key };
      assert.equal((await post(coordinator, '/nl/leiden/fund/contributions', payload)).statusCode, 303);
      assert.equal((await post(coordinator, '/nl/leiden/fund/contributions', payload)).statusCode, 303);
      const entries = await t.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.fundId, jointFundId));
      assert.equal(entries.length, 1);
      assert.equal(entries[0]!.amountCents, 150000);
      const page = await get(coordinator, '/nl/leiden/fund');
      assert.match(page.body, /€\s1\.500,00/);
      assert.match(page.body, /800 uur \(0,50 fte\)/);
      const en = await get(coordinator, '/en/leiden/fund');
      assert.match(en.body, /€1,500\.00/);
      assert.match(en.body, /800 hours \(0\.50 FTE\)/);
      const list = await get(coordinator, '/nl/leiden/fund/contributions');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Eerste storting/);
      assert.equal((await get(executive, '/nl/leiden/fund/contributions')).statusCode, 403);
    });

    test('a lead applies for their own project only', async () => {
      assert.equal((await get(lead, '/nl/leiden/fund/applications/new')).statusCode, 200);
      assert.equal((await get(partner, '/nl/leiden/fund/applications/new')).statusCode, 403);
      const base = { fund: jointFundId, amount: '1.000', hours: '160', purpose_nl: 'Startbudget voor de pilot', purpose_en: 'Start budget for the pilot', periodStart: '2018-01-01', periodEnd: '2018-12-31', budgetLines: 'Onderzoeksassistent; 800\nMaterialen; 200' };
      const notOwn = await post(otherLead, '/nl/leiden/fund/applications', { ...base, project: project3a, idem: idem() });
      assert.equal(notOwn.statusCode, 400);
      assert.match(notOwn.body, /Kies een van uw projecten/);
      const badLines = await post(lead, '/en/leiden/fund/applications', { ...base, project: project3a, budgetLines: 'no amount here', idem: idem() });
      assert.equal(badLines.statusCode, 400);
      assert.match(badLines.body, /description; amount/);
      const badPeriod = await post(lead, '/en/leiden/fund/applications', { ...base, project: project3a, periodEnd: '2017-01-01', idem: idem() });
      assert.equal(badPeriod.statusCode, 400);
      assert.match(badPeriod.body, /The end is before the start/);
      const ok = await post(lead, '/nl/leiden/fund/applications', { ...base, project: project3a, idem: idem() });
      assert.equal(ok.statusCode, 303);
      applicationId = /applications\/([0-9a-f-]{36})/.exec(String(ok.headers.location))![1]!;
      // Lines that do not add up are kept, with a warning on the application.
      const uneven = await post(lead, '/nl/leiden/fund/applications', { ...base, project: project3a, budgetLines: 'Onderzoeksassistent; 800', idem: idem() });
      assert.equal(uneven.statusCode, 303);
      const unevenPage = await get(lead, String(uneven.headers.location));
      assert.match(unevenPage.body, /id="budget-mismatch">Let op: de begrotingsregels tellen op tot €\s800,00, het gevraagde bedrag is €\s1\.000,00\./);
      await t.database.db.delete(fundApplications).where(eq(fundApplications.id, /applications\/([0-9a-f-]{36})/.exec(String(uneven.headers.location))![1]!));
      const page = await get(lead, `/nl/leiden/fund/applications/${applicationId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Startbudget voor de pilot/);
      assert.ok(!page.body.includes('id="budget-mismatch"'), 'lines of € 800 and € 200 add up to the € 1.000 asked');
      assert.match(page.body, /Fase/);
      for (const letter of 'abcdef') assert.ok(page.body.includes(`id="criterion-${letter}"`), `criterion ${letter} is shown`);
      assert.match(page.body, /Criteria a tot en met f/);
      assert.match(page.body, /c\. (Vervuld|Niet vervuld|Nog te beoordelen|Toegelaten bij de overeenkomst)/, "3a is an annex project: admitted by the agreement");
      assert.equal((await get(otherLead, `/nl/leiden/fund/applications/${applicationId}`)).statusCode, 404);
      assert.equal((await get(partner, `/nl/leiden/fund/applications/${applicationId}`)).statusCode, 404);
      assert.equal((await get(coordinator, '/nl/leiden/fund/applications/00000000-0000-0000-0000-000000000000')).statusCode, 404);
      const mine = await get(lead, '/nl/leiden/fund/applications');
      assert.ok(mine.body.includes(applicationId));
      const theirs = await get(otherLead, '/nl/leiden/fund/applications');
      assert.ok(!theirs.body.includes(applicationId));
    });

    test('support advises; only support may', async () => {
      assert.equal((await post(executive, `/nl/leiden/fund/applications/${applicationId}/advice`, { advice: 'support', note: '' })).statusCode, 403);
      const bad = await post(support, `/nl/leiden/fund/applications/${applicationId}/advice`, { advice: 'maybe' });
      assert.equal(bad.statusCode, 400);
      const ok = await post(support, `/nl/leiden/fund/applications/${applicationId}/advice`, { advice: 'support_partly', note: 'Goed plan' });
      assert.equal(ok.statusCode, 303);
      const page = await get(lead, `/en/leiden/fund/applications/${applicationId}`);
      assert.match(page.body, /Partly in favour/);
    });

    test('an award by a lead, a coordinator or a partner is refused and stores nothing', async () => {
      const admin = await loginAs(t, { role: 'admin' });
      for (const [who, session, status] of [['lead', lead, 403], ['coordinator', coordinator, 403], ['partner', partner, 404], ['support', support, 403], ['admin', admin, 403]] as const) {
        const response = await post(session, `/nl/leiden/fund/applications/${applicationId}/award`, { confirmed: 'yes', decisionId: awardDecision, decision: 'full', idem: idem() });
        assert.equal(response.statusCode, status, who);
      }
      const [application] = await t.database.db.select().from(fundApplications).where(eq(fundApplications.id, applicationId));
      assert.equal(application!.status, 'advised');
      assert.equal(application!.decision, null);
      const commitments = await t.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.kind, 'commitment'));
      assert.equal(commitments.length, 0);
    });

    test('the executive awards in part; a partial above the request is refused', async () => {
      const tooMuch = await post(executive, `/nl/leiden/fund/applications/${applicationId}/award`, { confirmed: 'yes', decisionId: awardDecision, decision: 'partial', amount: '2.000', hours: '', idem: idem() });
      assert.equal(tooMuch.statusCode, 400);
      assert.match(tooMuch.body, /minder dan gevraagd/);
      const key = idem();
      // First the check: what is committed, from which fund, on which decision; nothing recorded yet.
      const asked = await post(executive, `/nl/leiden/fund/applications/${applicationId}/award`, { decisionId: awardDecision, decision: 'partial', amount: '600', hours: '100', note: 'Besluit 12', idem: key });
      assert.equal(asked.statusCode, 200);
      assert.match(asked.body, /600,00 en 100 uur uit [^<]+ worden vastgelegd voor 3a/);
      assert.match(asked.body, /<input type="hidden" name="confirmed" value="yes"/);
      assert.match(asked.body, new RegExp(`<input type="hidden" name="idem" value="${key}"`));
      assert.doesNotMatch((await get(lead, `/nl/leiden/fund/applications/${applicationId}`)).body, /Gedeeltelijk toegekend/);
      const ok = await post(executive, `/nl/leiden/fund/applications/${applicationId}/award`, { confirmed: 'yes', decisionId: awardDecision, decision: 'partial', amount: '600', hours: '100', note: 'Besluit 12', idem: key });
      assert.equal(ok.statusCode, 303);
      const repeat = await post(executive, `/nl/leiden/fund/applications/${applicationId}/award`, { confirmed: 'yes', decisionId: awardDecision, decision: 'partial', amount: '600', hours: '100', idem: key });
      assert.equal(repeat.statusCode, 303, 'a repeated submission answers like the first');
      const again = await post(executive, `/nl/leiden/fund/applications/${applicationId}/award`, { confirmed: 'yes', decisionId: awardDecision, decision: 'full', idem: idem() });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /al besloten/);
      const page = await get(lead, `/nl/leiden/fund/applications/${applicationId}`);
      assert.match(page.body, /Gedeeltelijk toegekend/);
      assert.match(page.body, /€\s600,00/);
      const check = await ledgerMatchesBalance(t.database.db, jointFundId);
      assert.ok(check.equal);
      assert.equal(check.fromRow.committed.cents, 60000);
      assert.equal(check.fromRow.committed.hours, 100);
    });

    test('an award larger than what is available is refused with a message', async () => {
      const db = t.database.db;
      const [big] = await db
        .insert(fundApplications)
        .values({ programmeId: (await db.select({ p: funds.programmeId }).from(funds).where(eq(funds.id, jointFundId)))[0]!.p, fundId: jointFundId, projectId: project3a, requestedCents: 5_000_00, purpose: { nl: 'Groot' }, periodStart: '2019-01-01', periodEnd: '2019-12-31' })
        .returning();
      const response = await post(executive, `/en/leiden/fund/applications/${big!.id}/award`, { confirmed: 'yes', decisionId: awardDecision, decision: 'full', idem: idem() });
      assert.equal(response.statusCode, 409);
      // The refusal says what is left, so a partial award can be decided instead.
      const { fromRow } = await ledgerMatchesBalance(db, jointFundId);
      const left = { cents: fromRow.contributed.cents - fromRow.committed.cents, hours: fromRow.contributed.hours - fromRow.committed.hours };
      assert.ok(left.cents > 0 && left.cents < 5_000_00, `something but not enough is left: ${left.cents}`);
      assert.ok(response.body.includes(`Not enough is available in this fund for this award: ${formatCents('en', left.cents)} and ${formatHours('en', left.hours)} hours are still available.`), response.body.match(/Not enough[^<]*/)?.[0]);
      const [still] = await db.select().from(fundApplications).where(eq(fundApplications.id, big!.id));
      assert.equal(still!.status, 'submitted');
    });

    test('payments and releases are new entries, limited to what is open', async () => {
      const url = `/nl/leiden/fund/applications/${applicationId}/movements`;
      assert.equal((await post(lead, url, { movement: 'payment', amount: '100', idem: idem() })).statusCode, 403);
      const tooMuch = await post(coordinator, url, { movement: 'payment', amount: '700', hours: '', idem: idem() });
      assert.equal(tooMuch.statusCode, 400);
      assert.match(tooMuch.body, /meer dan er voor deze aanvraag nog open staat/);
      assert.equal((await post(coordinator, url, { movement: 'payment', amount: '400', hours: '60', note: 'Eerste termijn', idem: idem() })).statusCode, 303);
      assert.equal((await post(coordinator, url, { movement: 'release', amount: '50', hours: '', idem: idem() })).statusCode, 303);
      const page = await get(coordinator, `/nl/leiden/fund/applications/${applicationId}`);
      assert.match(page.body, /Nog open: €\s150,00, 40 uur/);
      const check = await ledgerMatchesBalance(t.database.db, jointFundId);
      assert.ok(check.equal);
      assert.deepEqual(check.fromRow, { contributed: { cents: 150000, hours: 800 }, committed: { cents: 55000, hours: 100 }, paid: { cents: 40000, hours: 60 } });
      // The release reduces the award in the award's year; the payment counts in the year it is made.
      const years = await balancesPerYear(t.database.db, (await t.database.db.select({ p: funds.programmeId }).from(funds).where(eq(funds.id, jointFundId)))[0]!.p);
      assert.ok(years.every(({ balance }) => balance.committed.cents >= 0), JSON.stringify(years));
      assert.deepEqual(years.find((y) => y.year === 2018)?.balance.committed, { cents: 55000, hours: 100 });
      assert.equal(years.find((y) => y.year === new Date().getUTCFullYear())?.balance.paid.cents, 40000);
      // On the overview each year starts with what the years before left (€ 1.500 − € 550 from 2018).
      const overview = (await get(coordinator, '/nl/leiden/fund')).body;
      const table = overview.match(/<caption[^>]*>Per jaar<\/caption>[\s\S]*?<\/table>/)?.[0] ?? '';
      assert.match(table, /Uit eerdere jaren[\s\S]*Over aan het eind van het jaar/);
      assert.match(table, new RegExp(`>${new Date().getUTCFullYear()}</th>\\s*<td[^>]*>€\\s950,00`), 'the later year brings the 2018 rest forward');
      assert.doesNotMatch(table, /€\s-|-€/, 'no negative amount');
    });

    test('a correction is a new entry and cannot take the fund below what is awarded', async () => {
      const refused = await post(coordinator, '/en/leiden/fund/corrections', { fund: jointFundId, party: lumcId, year: '2018', direction: 'down', amount: '1,000', hours: '', reason: 'Typo', idem: idem() });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /would award more than was contributed/);
      const noReason = await post(coordinator, '/nl/leiden/fund/corrections', { fund: jointFundId, year: '2018', direction: 'down', amount: '100', reason: '', idem: idem() });
      assert.equal(noReason.statusCode, 400);
      const ok = await post(coordinator, '/nl/leiden/fund/corrections', { fund: jointFundId, party: lumcId, year: '2018', direction: 'down', amount: '500', hours: '', reason: 'Dubbel geboekt', idem: idem() });
      assert.equal(ok.statusCode, 303);
      const check = await ledgerMatchesBalance(t.database.db, jointFundId);
      assert.ok(check.equal);
      assert.equal(check.fromRow.contributed.cents, 100000);
      const corrections = await t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.kind, 'correction'), eq(ledgerEntries.fundId, jointFundId)));
      assert.equal(corrections.length, 1);
      assert.equal(corrections[0]!.amountCents, -50000);
    });

    test('partners see the joint fund and their own earmark, not the reports', async () => {
      const page = await get(partner, '/nl/leiden/fund');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Oormerk LUMC/);
      assert.match(page.body, /id="fund-partner-help">Als contactpersoon van een partnerorganisatie ziet u hier/, 'the page says what a partner can do there');
      assert.ok(!(await get(coordinator, '/nl/leiden/fund')).body.includes('id="fund-partner-help"'), 'not for the coordinator');
      const other = await loginAs(t, { role: 'partner', organisation: 'hogeschool-leiden' });
      const theirs = await get(other, '/nl/leiden/fund');
      assert.equal(theirs.statusCode, 200);
      assert.ok(!theirs.body.includes('Oormerk LUMC'));
      assert.equal((await get(partner, '/nl/leiden/fund/reports')).statusCode, 403);
      assert.equal((await get(partner, '/nl/leiden/fund/reports/parties.csv')).statusCode, 403);
    });

    test('reports per party and per project, with CSV exports', async () => {
      const page = await get(executive, '/en/leiden/fund/reports');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Per party/);
      const parties = await get(coordinator, '/nl/leiden/fund/reports/parties.csv');
      assert.equal(parties.statusCode, 200);
      assert.match(String(parties.headers['content-type']), /text\/csv/);
      // Dutch Excel's CSV: semicolons, a byte-order mark, readable Dutch headers.
      const partyRows = parseCsv(parties.body, 'nl');
      assert.ok(parties.body.startsWith('\uFEFF'));
      assert.deepEqual(partyRows[0], ['Partij', 'Ingebracht (€)', 'Ingebracht (uren)', 'Project', 'Toegekend (€)', 'Betaald (€)']);
      assert.deepEqual(partyRows.find((r) => r[0] === 'Leids Universitair Medisch Centrum')?.slice(1, 3), ['1000', '800']);
      // A party's name (here a unit's, which contributes for its party) that a spreadsheet would run as a formula is neutralised.
      const [programme] = await t.database.db.select({ id: funds.programmeId }).from(funds).where(eq(funds.id, jointFundId));
      const [evil] = await t.database.db.insert(organisations).values({ programmeId: programme!.id, slug: 'evil', name: { nl: '=HYPERLINK("x")', en: '=HYPERLINK("x")' }, kind: 'other', parentId: lumcId }).returning();
      assert.equal((await post(coordinator, '/nl/leiden/fund/contributions', { fund: jointFundId, party: evil!.id, year: '2019', amount: '1', idem: idem() })).statusCode, 303);
      const again = await get(coordinator, '/nl/leiden/fund/reports/parties.csv');
      assert.ok(again.body.includes(`"'=HYPERLINK(""x"")";1;0;`), again.body);
      const projectsCsv = await get(coordinator, '/en/leiden/fund/reports/projects.csv');
      assert.match(projectsCsv.body, /\r\n3a,[^\r]*,550,400,150,100,60\r\n/);
      assert.deepEqual(parseCsv(projectsCsv.body, 'en')[0], ['Project code', 'Title', 'Awarded (€)', 'Paid (€)', 'Outstanding (€)', 'Awarded (hours)', 'Delivered (hours)']);
    });

    test('the reports download as XLSX: euros from integer cents, formulas neutralised, only for who sees the reports', async () => {
      const workbookOf = async (url: string) => {
        const response = await get(coordinator, url);
        assert.equal(response.statusCode, 200, url);
        assert.equal(response.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        assert.match(String(response.headers['content-disposition']), /^attachment; filename="fund-(parties|projects)\.xlsx"$/);
        assert.equal(response.headers['cache-control'], 'no-store');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
        const sheet = workbook.worksheets[0]!;
        const rows: ExcelJS.CellValue[][] = [];
        sheet.eachRow((row) => {
          row.eachCell((cell) => assert.notEqual(cell.type, ExcelJS.ValueType.Formula));
          rows.push((row.values as ExcelJS.CellValue[]).slice(1));
        });
        return { sheet, rows };
      };
      const parties = await workbookOf('/nl/leiden/fund/reports/parties.xlsx');
      assert.deepEqual(parties.rows[0], ['Partij', 'Ingebracht (€)', 'Ingebracht (uren)', 'Project', 'Toegekend (€)', 'Betaald (€)']);
      assert.equal(parties.sheet.name, 'Per partij ingebracht en waar', 'the sheet name is cut between words');
      const lumc = parties.rows.find((r) => r[0] === 'Leids Universitair Medisch Centrum');
      assert.deepEqual(lumc?.slice(1, 3), [1000, 800], 'contributed €1,000.00 (100000 cents) and 800 hours');
      const evil = parties.rows.find((r) => String(r[0]).includes('HYPERLINK'));
      assert.equal(evil?.[0], '=HYPERLINK("x")', 'a cell starting with = is a text cell, as typed (never a formula)');
      assert.equal(evil?.[1], 1);
      assert.equal(parties.sheet.getColumn(2).numFmt, '"€" #,##0.00', 'money is formatted as euros');
      const projects = await workbookOf('/en/leiden/fund/reports/projects.xlsx');
      assert.deepEqual(projects.rows[0], ['Project code', 'Title', 'Awarded (€)', 'Paid (€)', 'Outstanding (€)', 'Awarded (hours)', 'Delivered (hours)']);
      const row3a = projects.rows.find((r) => r[0] === '3a');
      assert.deepEqual(row3a?.slice(2), [550, 400, 150, 100, 60]);
      assert.equal(projects.sheet.getRow(2).getCell(3).numFmt, '"€" #,##0.00');
      assert.equal((await get(partner, '/nl/leiden/fund/reports/projects.xlsx')).statusCode, 403);
      assert.equal((await get(lead, '/en/leiden/fund/reports/parties.xlsx')).statusCode, 403);
      const page = await get(coordinator, '/nl/leiden/fund/reports');
      assert.match(page.body, /href="\/nl\/leiden\/fund\/reports\/parties\.xlsx"/);
    });

    test('the coordinator dashboard shows the fund summary', async () => {
      const page = await get(coordinator, '/nl/leiden/dashboard');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Ingebracht €\s1\.001,00, toegekend €\s550,00, betaald €\s400,00/);
      assert.match(page.body, /1 aanvraag wacht op een besluit/);
    });

    test('the coordinator sets the hours per FTE of the programme; every FTE figure follows', async () => {
      for (const bad of ['12', 'veel', '1600,5', '99999']) {
        const refused = await post(coordinator, '/nl/leiden/fund/hours-per-fte', { hoursPerFte: bad });
        assert.equal(refused.statusCode, 400, bad);
        assert.match(refused.body, /Vul een heel aantal uren in, van 1000 tot en met 2200\./);
        assert.ok(refused.body.includes(`value="${bad}"`));
      }
      assert.equal((await post(executive, '/nl/leiden/fund/hours-per-fte', { hoursPerFte: '2000' })).statusCode, 403);
      assert.equal((await post(lead, '/nl/leiden/fund/hours-per-fte', { hoursPerFte: '2000' })).statusCode, 403);
      const before = await get(coordinator, '/nl/leiden/fund');
      assert.match(before.body, /800 uur \(0,50 fte\)/);
      const ok = await post(coordinator, '/nl/leiden/fund/hours-per-fte', { hoursPerFte: '2000' });
      assert.equal(ok.statusCode, 303);
      const after = await get(coordinator, '/nl/leiden/fund');
      assert.match(after.body, /800 uur \(0,40 fte\)/);
      assert.match(after.body, /Uren omgerekend met 2\.000 uur per fte/);
      assert.match(after.body, /id="fte-hoursPerFte"[^>]*value="2000"|value="2000"[^>]*id="fte-hoursPerFte"/);
      const en = await get(coordinator, '/en/leiden/fund');
      assert.match(en.body, /40 hours \(0\.02 FTE\)/, 'the per-project table shows open hours with FTE too');
    });

    test("an award can rest on the executive level's confirmed decision; one awaiting confirmation, another programme's or a non-executive decision is refused", async () => {
      const db = t.database.db;
      const [{ p: programmeId }] = (await db.select({ p: funds.programmeId }).from(funds).where(eq(funds.id, jointFundId))) as [{ p: string }];
      const bodyOf = async (pid: string, kind: BodyKind) => (await db.select({ id: bodies.id }).from(bodies).where(and(eq(bodies.programmeId, pid), eq(bodies.kind, kind))))[0]!.id;
      const recorded = async (pid: string, bodyId: string, startsAt: string, text: { nl: string; en: string }, confirmed = true) => {
        const start = new Date(startsAt);
        const [meeting] = await db.insert(meetings).values({ programmeId: pid, bodyId, startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), state: 'held' }).returning();
        // Confirmed by a member who attended (four eyes), unless the test wants one awaiting confirmation.
        const confirmation = confirmed ? { confirmedAt: new Date(start.getTime() + 7_200_000), confirmedByName: 'Voorzitter' } : {};
        const [decision] = await db.insert(decisions).values({ programmeId: pid, meetingId: meeting!.id, text, outcome: 'adopted', ...confirmation }).returning();
        return { meetingId: meeting!.id, decisionId: decision!.id };
      };
      const longNl = 'Het uitvoerend niveau kent de aanvraag voor project 3a toe uit het gezamenlijke fonds, onder voorwaarde van een tussenrapportage.';
      const longEn = 'The executive level awards the application for project 3a from the joint fund, on condition of an interim report.';
      const executiveDecision = await recorded(programmeId, await bodyOf(programmeId, 'executive'), '2031-05-12T12:00:00Z', { nl: longNl, en: longEn });
      const awaiting = await recorded(programmeId, await bodyOf(programmeId, 'executive'), '2031-05-13T12:00:00Z', { nl: 'Nog niet bevestigd besluit', en: 'Decision awaiting confirmation' }, false);
      const supportDecision = await recorded(programmeId, await bodyOf(programmeId, 'support'), '2031-05-20T12:00:00Z', { nl: 'Ambtelijk besluit over 3a', en: 'Support decision on 3a' });
      const [other] = await db.insert(programmes).values({ slug: 'fonds-elders', name: { nl: 'Elders' }, city: 'Delft', periodStart: '2020-01-01', periodEnd: '2030-12-31' }).returning();
      const [otherBody] = await db.insert(bodies).values({ programmeId: other!.id, kind: 'executive', name: { nl: 'Bestuur Elders' }, tasks: {} }).returning();
      const foreignDecision = await recorded(other!.id, otherBody!.id, '2031-05-25T12:00:00Z', { nl: 'Besluit van elders', en: 'Decision elsewhere' });
      const newApplication = async () =>
        (await db.insert(fundApplications).values({ programmeId, fundId: jointFundId, projectId: project3a, requestedCents: 100_00, purpose: { nl: 'Met besluit' }, periodStart: '2018-01-01', periodEnd: '2018-12-31' }).returning())[0]!.id;
      const linked = await newApplication();
      const url = `/leiden/fund/applications/${linked}`;

      // The select lists the executive level's decisions of this programme only, with date and a cut text.
      const form = await get(executive, `/nl${url}`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Besluit in de notulen/);
      const option = new RegExp(`<option value="${executiveDecision.decisionId}">12 mei 2031 — (Het uitvoerend niveau kent [^<]*)…</option>`).exec(form.body);
      assert.ok(option, 'the executive decision is an option');
      assert.ok(option![1]!.length < 80 && longNl.startsWith(option![1]!), option![1]);
      assert.ok(!form.body.includes(supportDecision.decisionId), 'a support decision is not offered');
      assert.ok(!form.body.includes(awaiting.decisionId), 'a decision awaiting confirmation is not offered');
      assert.ok(!form.body.includes(foreignDecision.decisionId), 'another programme\'s decision is not offered');
      const formEn = await get(executive, `/en${url}`);
      assert.match(formEn.body, /Decision in the minutes/);
      assert.match(formEn.body, new RegExp(`<option value="${executiveDecision.decisionId}">12 May 2031 — The executive level awards`));

      // Refused: a support decision, another programme's, one that does not exist, and garbage.
      for (const [why, decisionId] of [
        ['support', supportDecision.decisionId],
        ['awaiting confirmation', awaiting.decisionId],
        ['foreign', foreignDecision.decisionId],
        ['missing', '00000000-0000-4000-8000-000000000000'],
        ['garbage', 'not-a-uuid'],
      ] as const) {
        const refused = await post(executive, `/nl${url}/award`, { confirmed: 'yes', decision: 'full', note: 'Volgens besluit', decisionId: decisionId, idem: idem() });
        assert.equal(refused.statusCode, 400, why);
        assert.match(refused.body, /Kies een bevestigd besluit van een vergadering van het bestuurlijk niveau van dit programma\./, why);
        assert.match(refused.body, /<select[^>]*id="award-decisionId"[^>]*aria-invalid="true"/, why);
        assert.ok(refused.body.includes('value="Volgens besluit"'), `${why}: keeps the note`);
        assert.match(refused.body, /<option value="full" selected>/, `${why}: keeps the choice`);
      }
      const refusedEn = await post(executive, `/en${url}/award`, { confirmed: 'yes', decision: 'full', decisionId: supportDecision.decisionId, idem: idem() });
      assert.equal(refusedEn.statusCode, 400);
      assert.match(refusedEn.body, /Choose a confirmed decision of a meeting of this programme’s executive level\./);
      assert.ok(refusedEn.body.includes(`<option value="${executiveDecision.decisionId}"`), 'the options are shown again');
      let [row] = await db.select().from(fundApplications).where(eq(fundApplications.id, linked));
      assert.equal(row!.status, 'submitted', 'nothing awarded');
      assert.equal(row!.decisionId, null);
      assert.equal((await db.select().from(ledgerEntries).where(eq(ledgerEntries.applicationId, linked))).length, 0, 'nothing committed');

      // Accepted: the award refers to the decision, in the row, the audit trail and on the page.
      const ok = await post(executive, `/nl${url}/award`, { confirmed: 'yes', decision: 'full', note: 'Volgens besluit', decisionId: executiveDecision.decisionId, idem: idem() });
      assert.equal(ok.statusCode, 303);
      [row] = await db.select().from(fundApplications).where(eq(fundApplications.id, linked));
      assert.equal(row!.status, 'awarded');
      assert.equal(row!.decisionId, executiveDecision.decisionId);
      const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'fund.award'), eq(auditEvents.objectId, linked)));
      assert.equal((audit!.after as { decisionId?: string }).decisionId, executiveDecision.decisionId);
      const shown = await get(executive, `/nl${url}`);
      assert.match(shown.body, new RegExp(`id="decision-minutes">Besluit in de notulen: <a class="utrecht-link" href="/nl/leiden/meetings/${executiveDecision.meetingId}">12 mei 2031</a> — <span>${longNl}</span>`));
      // The lead cannot open the executive meeting: the link goes to the decisions list instead.
      const forLead = await get(lead, `/en${url}`);
      assert.equal(forLead.statusCode, 200);
      assert.match(forLead.body, new RegExp(`id="decision-minutes">Decision in the minutes: <a class="utrecht-link" href="/en/leiden/decisions">12 May 2031</a> — <span>${longEn}</span>`));
      assert.ok(!forLead.body.includes(`/meetings/${executiveDecision.meetingId}`));

      // Without a decision nothing is decided, not even a refusal: the form says which decision is needed.
      const plain = await newApplication();
      const without = await post(executive, `/en/leiden/fund/applications/${plain}/award`, { confirmed: 'yes', decision: 'none', note: '', decisionId: '', idem: idem() });
      assert.equal(without.statusCode, 400);
      assert.match(without.body, /Choose a confirmed decision of a meeting of this programme’s executive level\./);
      assert.match(without.body, /<select[^>]*id="award-decisionId"[^>]*aria-invalid="true"/);
      const [plainRow] = await db.select().from(fundApplications).where(eq(fundApplications.id, plain));
      assert.equal(plainRow!.status, 'submitted', 'nothing decided');
      assert.equal((await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'fund.award'), eq(auditEvents.objectId, plain)))).length, 0);

      // The agreement leaves the fund's decision rules open: a programme setting, shown as such.
      const setting = await get(coordinator, '/nl/leiden/fund');
      assert.match(setting.body, /Niet in de overeenkomst/);
      assert.match(setting.body, /wordt nog nader bepaald/);
      assert.match(setting.body, /id="award-rule-current">Een toekenning berust op een bevestigd besluit van het bestuurlijk niveau\./);
      const awardPage = await get(executive, `/en/leiden/fund/applications/${await newApplication()}`);
      assert.match(awardPage.body, /Not in the agreement: An award rests on a confirmed decision of the executive level\./);
      // Only the coordinator changes it; a bad value is refused; nothing stored either way.
      assert.equal((await post(executive, '/nl/leiden/fund/award-rule', { rule: 'either' })).statusCode, 403);
      const bad = await post(coordinator, '/en/leiden/fund/award-rule', { rule: 'anyone' });
      assert.equal(bad.statusCode, 400);
      assert.equal((await db.select({ rule: programmes.fundAwardDecision }).from(programmes).where(eq(programmes.id, programmeId)))[0]!.rule, 'executive');
      assert.equal((await post(coordinator, '/nl/leiden/fund/award-rule', { rule: 'either' })).statusCode, 303);
      const [changed] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'fund.awardDecision'));
      assert.deepEqual(changed!.after, { rule: 'either' });
      // Now a confirmed decision of the support level backs an award; one awaiting confirmation still does not.
      const viaSupport = await newApplication();
      const offered = await get(executive, `/nl/leiden/fund/applications/${viaSupport}`);
      assert.ok(offered.body.includes(`<option value="${supportDecision.decisionId}"`), 'the support decision is offered');
      assert.ok(!offered.body.includes(awaiting.decisionId));
      const stillRefused = await post(executive, `/en/leiden/fund/applications/${viaSupport}/award`, { confirmed: 'yes', decision: 'full', decisionId: awaiting.decisionId, idem: idem() });
      assert.equal(stillRefused.statusCode, 400);
      assert.match(stillRefused.body, /Choose a confirmed decision of a meeting of this programme’s executive or support level\./);
      const supported = await post(executive, `/nl/leiden/fund/applications/${viaSupport}/award`, { confirmed: 'yes', decision: 'none', decisionId: supportDecision.decisionId, idem: idem() });
      assert.equal(supported.statusCode, 303);
      assert.equal((await db.select().from(fundApplications).where(eq(fundApplications.id, viaSupport)))[0]!.decisionId, supportDecision.decisionId);
      assert.equal((await post(coordinator, '/nl/leiden/fund/award-rule', { rule: 'executive' })).statusCode, 303);
    });
  });
}
