// Correcting a meeting's record until its minutes are approved, and approving them at the body's
// next meeting (or, with the programme setting off, by the secretary); afterwards the record is
// frozen and corrections are notes. Every refusal has its message and stores nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { setClock } from '../../clock.ts';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { auditEvents, programmes } from '../../db/schema.ts';
import { LIMITS } from '../../web/forms.ts';
import { annualAgendas } from '../agenda/tables.ts';
import { agendaItems, decisions, meetings, minutesNotes } from './tables.ts';

const P = '/nl/leiden';

async function post(t: TestApp, session: Session, url: string, payload: Record<string, string | string[]>) {
  return t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { ...payload, _csrf: session.csrf } });
}

const page = async (t: TestApp, session: Session, url: string) => (await t.app.inject({ url, headers: { cookie: session.cookie } })).body;

async function plan(t: TestApp, coordinator: Session, kind: 'executive' | 'support', date: string): Promise<string> {
  const response = await post(t, coordinator, `${P}/bodies/${kind}/meetings`, { date, startTime: '14:00', endTime: '16:00', location: 'Stadhuis Leiden' });
  assert.equal(response.statusCode, 303, response.body.slice(0, 300));
  return /\/meetings\/([0-9a-f-]{36})$/.exec(String(response.headers.location))![1]!;
}

for (const mode of databaseModes()) {
  describe(`meeting record corrections and minutes approval (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session & { userId: string };
    let support: Session;
    let programmeId: string;
    before(async () => {
      t = await startTestApp(mode);
      coordinator = await loginAs(t, { role: 'coordinator', name: 'Sanne Secretaris' });
      support = await loginAs(t, { role: 'support' });
      programmeId = (await t.database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden')))[0]!.id;
    });
    after(async () => {
      setClock(null);
      await t.close();
    });

    const itemsOf = async (meetingId: string) => t.database.db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(agendaItems.position);
    const decisionsOf = async (meetingId: string) => t.database.db.select().from(decisions).where(eq(decisions.meetingId, meetingId)).orderBy(decisions.createdAt);
    const auditOf = async (action: string, objectId: string) => t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.objectId, objectId)));

    test('an agenda item is edited with the version check: a stale save shows what changed, who and when, keeps the input and stores nothing', async () => {
      setClock('2019-02-01T10:00:00Z', { frozen: true });
      const id = await plan(t, coordinator, 'support', '2019-03-01');
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/items`, { title_nl: 'Voortgang', title_en: 'Progress', kind: 'information' })).statusCode, 303);
      const [item] = await itemsOf(id);
      const editUrl = `${P}/meetings/${id}/items/${item!.id}/edit`;
      const meetingPage = await page(t, coordinator, `${P}/meetings/${id}`);
      assert.ok(meetingPage.includes(`href="${editUrl}"`), 'the meeting page links the edit page');
      assert.equal((await t.app.inject({ url: editUrl, headers: { cookie: support.cookie } })).statusCode, 404, 'a member may not');
      const form = await page(t, coordinator, editUrl);
      assert.match(form, /name="version" value="1"/);
      assert.match(form, /value="Voortgang"/);

      const invalid = await post(t, coordinator, editUrl, { version: '1', title_nl: '', title_en: '', kind: 'gossip' });
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /Vul dit veld in/);
      assert.match(invalid.body, /Kies een van de mogelijkheden/);
      const tooLong = await post(t, coordinator, editUrl, { version: '1', title_nl: 'x'.repeat(LIMITS.line + 1), kind: 'information' });
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, /Dit is te lang: maximaal 500 tekens/);

      const saved = await post(t, coordinator, editUrl, { version: '1', title_nl: 'Voortgang projecten', title_en: 'Project progress', kind: 'discussion', notes_nl: 'Met de trekkers.' });
      assert.equal(saved.statusCode, 303);
      let [row] = await itemsOf(id);
      assert.deepEqual(row!.title, { nl: 'Voortgang projecten', en: 'Project progress' });
      assert.equal(row!.kind, 'discussion');
      assert.equal(row!.version, 2);
      const audit = await auditOf('meeting.item.edit', item!.id);
      assert.equal(audit.length, 1);
      assert.deepEqual(audit[0]!.before, { title: { nl: 'Voortgang', en: 'Progress' }, kind: 'information', notes: {} });

      // Someone saved meanwhile: the form opened at version 1 is stale.
      const stale = await post(t, coordinator, editUrl, { version: '1', title_nl: 'Mijn titel', kind: 'decision' });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /Sanne Secretaris/, 'who saved');
      assert.match(stale.body, /Voortgang projecten/, 'what is saved now');
      assert.match(stale.body, /Ter bespreking/, 'the saved kind, by its label');
      assert.match(stale.body, /value="Mijn titel"/, 'the input is kept');
      assert.match(stale.body, /name="version" value="2"/, 'the form now saves against the current version');
      [row] = await itemsOf(id);
      assert.equal(row!.title.nl, 'Voortgang projecten', 'nothing stored');
      assert.equal((await auditOf('meeting.item.edit', item!.id)).length, 1);
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/items/00000000-0000-4000-8000-000000000000/edit`, { version: '1', title_nl: 'x', kind: 'information' })).statusCode, 404);
    });

    test('an agenda item is withdrawn after a confirmation step, with a reason; refused while a decision rests on it, and twice', async () => {
      setClock('2019-04-10T10:00:00Z', { frozen: true });
      const id = await plan(t, coordinator, 'support', '2019-04-01');
      for (const title of ['Begroting', 'Rondvraag']) assert.equal((await post(t, coordinator, `${P}/meetings/${id}/items`, { title_nl: title, kind: 'decision' })).statusCode, 303);
      const [budget, other] = await itemsOf(id);
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/decisions`, { item: budget!.id, text_nl: 'Begroting vastgesteld', outcome: 'adopted' })).statusCode, 303);
      const withdraw = (itemId: string) => `${P}/meetings/${id}/items/${itemId}/withdraw`;

      const noReason = await post(t, coordinator, withdraw(other!.id), { confirmed: 'yes' });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /Vul dit veld in/);
      const ask = await post(t, coordinator, withdraw(other!.id), { reason: 'Dubbel geagendeerd' });
      assert.equal(ask.statusCode, 200);
      assert.match(ask.body, /Dit agendapunt intrekken\?/);
      assert.match(ask.body, /Dubbel geagendeerd/);
      assert.equal((await itemsOf(id))[1]!.withdrawnAt, null, 'nothing before the confirmation');
      assert.equal((await post(t, coordinator, withdraw(other!.id), { reason: 'Dubbel geagendeerd', confirmed: 'yes' })).statusCode, 303);
      assert.ok((await itemsOf(id))[1]!.withdrawnAt);
      const audit = await auditOf('meeting.item.withdraw', other!.id);
      assert.equal(audit.length, 1);
      assert.equal((audit[0]!.after as { reason: string }).reason, 'Dubbel geagendeerd');
      const shown = await page(t, coordinator, `${P}/meetings/${id}`);
      assert.match(shown, /Rondvraag<\/span><\/strong> <span class="ks-muted">\(Ter besluitvorming\)<\/span> <strong>Ingetrokken<\/strong>/);
      assert.doesNotMatch(shown, new RegExp(`items/${other!.id}/(edit|withdraw|move)`), 'no tools for a withdrawn item');
      assert.doesNotMatch(shown, new RegExp(`<option value="${other!.id}"`), 'not offered for a decision');

      const twice = await post(t, coordinator, withdraw(other!.id), { reason: 'Nogmaals', confirmed: 'yes' });
      assert.equal(twice.statusCode, 400);
      assert.match(twice.body, /Dit agendapunt is ingetrokken en kan niet meer worden gewijzigd/);
      const edit = await post(t, coordinator, `${P}/meetings/${id}/items/${other!.id}/edit`, { version: '2', title_nl: 'Terug', kind: 'information' });
      assert.equal(edit.statusCode, 400);
      assert.match(edit.body, /Dit agendapunt is ingetrokken/);
      const decided = await post(t, coordinator, withdraw(budget!.id), { reason: 'Vergissing', confirmed: 'yes' });
      assert.equal(decided.statusCode, 400);
      assert.match(decided.body, /Over dit agendapunt is een besluit vastgelegd: trek eerst dat besluit in/);
      assert.equal((await itemsOf(id))[0]!.withdrawnAt, null);
      const english = await t.app.inject({ method: 'POST', url: `/en/leiden/meetings/${id}/items/${budget!.id}/withdraw`, headers: { cookie: coordinator.cookie }, payload: { reason: 'Mistake', confirmed: 'yes', _csrf: coordinator.csrf } });
      assert.equal(english.statusCode, 400);
      assert.match(english.body, /A decision was recorded on this agenda item: withdraw that decision first/);
    });

    test('a decision is edited with the version check; a confirmed one awaits confirmation again; one backing an annual agenda or withdrawn is refused', async () => {
      setClock('2019-05-10T10:00:00Z', { frozen: true });
      const id = await plan(t, coordinator, 'executive', '2019-05-01');
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/decisions`, { text_nl: 'Jaaragenda 2019 vastgesteld', outcome: 'adopted', public: 'yes' })).statusCode, 303);
      const [decision] = await decisionsOf(id);
      await t.database.db.update(decisions).set({ confirmedAt: new Date('2019-05-02T10:00:00Z'), confirmedByName: 'Voorzitter' }).where(eq(decisions.id, decision!.id));
      const editUrl = `${P}/meetings/${id}/decisions/${decision!.id}/edit`;
      assert.ok((await page(t, coordinator, `${P}/meetings/${id}`)).includes(`href="${editUrl}"`));
      assert.ok((await page(t, coordinator, `${P}/meetings/${id}`)).includes(`href="/nl/leiden/decisions/${decision!.id}"`), 'a public decision in force links its public page');
      assert.ok((await page(t, coordinator, `${P}/decisions`)).includes(`href="/nl/leiden/decisions/${decision!.id}"`), 'so does the decision list');
      assert.equal((await t.app.inject({ url: editUrl, headers: { cookie: support.cookie } })).statusCode, 404);
      const bad = await post(t, coordinator, editUrl, { version: '1', text_nl: '', outcome: 'maybe' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Vul dit veld in/);

      assert.equal((await post(t, coordinator, editUrl, { version: '1', text_nl: 'Jaaragenda 2019 vastgesteld, met wijzigingen', outcome: 'adopted', public: 'yes' })).statusCode, 303);
      let [row] = await decisionsOf(id);
      assert.equal(row!.text.nl, 'Jaaragenda 2019 vastgesteld, met wijzigingen');
      assert.equal(row!.confirmedAt, null, 'what it now says needs confirming again');
      assert.equal((await auditOf('decision.edit', decision!.id)).length, 1);
      assert.equal((await auditOf('decision.unconfirm', decision!.id)).length, 1);
      assert.doesNotMatch((await t.app.inject({ url: `${P}/decisions` })).body, /met wijzigingen/, 'no longer public until confirmed again');

      const stale = await post(t, coordinator, editUrl, { version: '1', text_nl: 'Oude versie', outcome: 'rejected', public: 'no' });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /met wijzigingen/);
      assert.match(stale.body, /Aangenomen/);
      assert.match(stale.body, /Oude versie/, 'the input is kept');
      assert.equal((await decisionsOf(id))[0]!.outcome, 'adopted', 'nothing stored');

      // An adopted annual agenda rests on it: no change.
      const [agenda] = await t.database.db.insert(annualAgendas).values({ programmeId, startYear: 2019, endYear: 2019, state: 'adopted', adoptedByDecisionId: decision!.id }).returning();
      const inUse = await post(t, coordinator, editUrl, { version: '2', text_nl: 'Anders', outcome: 'adopted' });
      assert.equal(inUse.statusCode, 400);
      assert.match(inUse.body, /Op dit besluit rust al een vastgestelde jaaragenda of een toekenning uit het fonds; het kan niet meer worden gewijzigd/);
      await t.database.db.delete(annualAgendas).where(eq(annualAgendas.id, agenda!.id));
      await t.database.db.update(decisions).set({ withdrawnAt: new Date('2019-05-03T10:00:00Z') }).where(eq(decisions.id, decision!.id));
      const withdrawn = await post(t, coordinator, editUrl, { version: '2', text_nl: 'Anders', outcome: 'adopted' });
      assert.equal(withdrawn.statusCode, 400);
      assert.match(withdrawn.body, /Dit besluit is ingetrokken en kan niet meer worden gewijzigd/);
      [row] = await decisionsOf(id);
      assert.equal(row!.version, 2);
    });

    test('the next meeting of the body approves the minutes; then minutes, agenda and decisions are frozen and corrections are notes', async () => {
      setClock('2020-01-15T10:00:00Z', { frozen: true });
      const first = await plan(t, coordinator, 'support', '2020-01-10');
      const second = await plan(t, coordinator, 'support', '2020-03-10');
      assert.equal((await post(t, coordinator, `${P}/meetings/${first}/items`, { title_nl: 'Opening', kind: 'information' })).statusCode, 303);
      assert.equal((await post(t, coordinator, `${P}/meetings/${first}/decisions`, { text_nl: 'Werkgroep ingesteld', outcome: 'adopted' })).statusCode, 303);
      const approve = `${P}/meetings/${second}/minutes/approve-previous`;

      // The later meeting has not started: nothing can be recorded in it yet.
      let refused = await post(t, coordinator, approve, { confirmed: 'yes' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Deze vergadering is nog niet begonnen/);
      setClock('2020-03-10T14:30:00Z', { frozen: true });
      let shown = await page(t, coordinator, `${P}/meetings/${second}`);
      assert.match(shown, /De notulen van de vergadering van 10 januari 2020 zijn nog niet vastgesteld/);
      assert.ok(shown.includes(`action="${approve}"`), 'the secretary is offered the approval');
      refused = await post(t, coordinator, approve, { confirmed: 'yes' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Er zijn nog geen notulen om vast te stellen; er is niets opgeslagen/);
      assert.equal((await post(t, coordinator, `${P}/meetings/${first}/minutes`, { minutes_nl: 'Besproken: de werkgroep.', version: '1' })).statusCode, 303);
      assert.equal((await post(t, support, approve, { confirmed: 'yes' })).statusCode, 404, 'a member may not record it');
      // A decision in them still awaits confirmation: approving would freeze it without effect.
      const awaiting = await post(t, coordinator, approve, { confirmed: 'yes' });
      assert.equal(awaiting.statusCode, 400);
      assert.match(awaiting.body, /Een besluit in deze notulen wacht nog op bevestiging/);
      assert.equal((await t.database.db.select().from(meetings).where(eq(meetings.id, first)))[0]!.minutesApprovedAt, null, 'nothing approved while a decision awaits confirmation');
      // (How a member confirms is the four-eyes test's subject; here it is confirmed directly.)
      await t.database.db.update(decisions).set({ confirmedAt: new Date('2020-01-10T16:00:00Z'), confirmedByName: 'Voorzitter' }).where(eq(decisions.meetingId, first));
      const ask = await post(t, coordinator, approve, {});
      assert.equal(ask.statusCode, 200);
      assert.match(ask.body, /De notulen van de vergadering van 10 januari 2020 vaststellen\?/);
      assert.equal((await t.database.db.select().from(meetings).where(eq(meetings.id, first)))[0]!.minutesApprovedAt, null, 'nothing before the confirmation');
      assert.equal((await post(t, coordinator, approve, { confirmed: 'yes' })).statusCode, 303);
      const [approved] = await t.database.db.select().from(meetings).where(eq(meetings.id, first));
      assert.equal(approved!.minutesApprovedAt!.toISOString(), '2020-03-10T14:30:00.000Z', 'on the programme clock');
      assert.equal(approved!.minutesApprovedInMeetingId, second);
      assert.equal((await auditOf('meeting.minutes.approve', first)).length, 1);
      const again = await post(t, coordinator, approve, { confirmed: 'yes' });
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /De notulen van de vorige vergadering zijn al vastgesteld/);

      // The earlier meeting is frozen.
      shown = await page(t, coordinator, `${P}/meetings/${first}`);
      assert.ok(shown.includes(`href="/nl/leiden/meetings/${second}">Vastgesteld in de vergadering van 10 maart 2020.`));
      assert.match(shown, /Het verslag \(notulen, agenda en besluiten\) is bevroren/);
      assert.doesNotMatch(shown, /action="[^"]*\/(minutes|items|decisions|attendance)"/, 'no forms that change the record');
      assert.doesNotMatch(shown, /\/(edit|withdraw)"/);
      const [item] = await itemsOf(first);
      const [decision] = await decisionsOf(first);
      const frozen = [
        await post(t, coordinator, `${P}/meetings/${first}/minutes`, { minutes_nl: 'Later herschreven.', version: '2' }),
        await post(t, coordinator, `${P}/meetings/${first}/items`, { title_nl: 'Nagekomen', kind: 'information' }),
        await post(t, coordinator, `${P}/meetings/${first}/items/${item!.id}/edit`, { version: '1', title_nl: 'Anders', kind: 'information' }),
        await post(t, coordinator, `${P}/meetings/${first}/items/${item!.id}/withdraw`, { reason: 'Te laat', confirmed: 'yes' }),
        await post(t, coordinator, `${P}/meetings/${first}/decisions`, { text_nl: 'Nagekomen besluit', outcome: 'adopted' }),
        await post(t, coordinator, `${P}/meetings/${first}/decisions/${decision!.id}/edit`, { version: '1', text_nl: 'Anders', outcome: 'adopted' }),
        await post(t, coordinator, `${P}/meetings/${first}/decisions/${decision!.id}/withdraw`, { reason: 'Te laat', confirmed: 'yes' }),
        await post(t, coordinator, `${P}/meetings/${first}/items/${item!.id}/move`, { direction: 'down' }),
        await post(t, coordinator, `${P}/meetings/${first}/items/${item!.id}/documents`, { docTitle_nl: 'Nagekomen stuk', url: 'https://example.org/stuk.pdf' }),
      ];
      for (const response of frozen) {
        assert.equal(response.statusCode, 400);
        assert.match(response.body, /De notulen van deze vergadering zijn vastgesteld: het verslag is bevroren\. Een correctie legt u vast als nieuwe notitie\./);
      }
      assert.equal((await t.database.db.select().from(meetings).where(eq(meetings.id, first)))[0]!.minutes.nl, 'Besproken: de werkgroep.');
      assert.equal((await itemsOf(first)).length, 1);
      assert.equal((await itemsOf(first))[0]!.title.nl, 'Opening');
      assert.equal((await decisionsOf(first)).length, 1);
      assert.equal((await decisionsOf(first))[0]!.withdrawnAt, null);

      // A correction is a note, appended with who and when; not before approval.
      const early = await post(t, coordinator, `${P}/meetings/${second}/notes`, { note_nl: 'Te vroeg' });
      assert.equal(early.statusCode, 400);
      assert.match(early.body, /De notulen zijn nog niet vastgesteld: pas de notulen zelf aan/);
      assert.equal((await post(t, coordinator, `${P}/meetings/${first}/notes`, { note_nl: '' })).statusCode, 400);
      assert.equal((await post(t, coordinator, `${P}/meetings/${first}/notes`, { note_nl: 'Correctie: de werkgroep telt vijf leden.', note_en: 'Correction: the working group has five members.' })).statusCode, 303);
      const notes = await t.database.db.select().from(minutesNotes).where(eq(minutesNotes.meetingId, first));
      assert.equal(notes.length, 1);
      assert.equal(notes[0]!.authorName, 'Sanne Secretaris');
      assert.equal((await auditOf('meeting.minutes.note', first)).length, 1);
      shown = await page(t, support, `/en/leiden/meetings/${first}`);
      assert.match(shown, /Discussed|Besproken: de werkgroep\./);
      assert.match(shown, /Corrections[\s\S]*Correction: the working group has five members\.[\s\S]*Sanne Secretaris, 10 March 2020/);

      // With the setting on, the secretary does not make minutes final themselves.
      const final = await post(t, coordinator, `${P}/meetings/${second}/minutes/final`, { confirmed: 'yes' });
      assert.equal(final.statusCode, 400);
      assert.match(final.body, /In dit programma worden notulen in de volgende vergadering vastgesteld, niet door de secretaris/);
    });

    test('the setting is the coordinator’s, marked "not in the agreement"; off, the secretary makes the minutes final', async () => {
      setClock('2021-02-15T10:00:00Z', { frozen: true });
      const settings = `${P}/meetings/settings`;
      assert.equal((await t.app.inject({ url: settings, headers: { cookie: support.cookie } })).statusCode, 403);
      assert.ok((await page(t, coordinator, `${P}/bodies/support`)).includes(`href="${settings}"`), 'linked from the body page');
      let shown = await page(t, coordinator, settings);
      assert.match(shown, /Niet in de overeenkomst/);
      assert.match(shown, /De samenwerkingsovereenkomst zegt niet hoe notulen worden vastgesteld/);
      assert.match(shown, /value="nextMeeting"[^>]*checked/, 'on by default');
      assert.match(await page(t, coordinator, '/en/leiden/meetings/settings'), /Not in the agreement/);
      const bad = await post(t, coordinator, settings, { approval: 'never' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Kies een van de mogelijkheden/);
      assert.equal((await post(t, support, settings, { approval: 'secretary' })).statusCode, 403);
      assert.equal((await post(t, coordinator, settings, { approval: 'secretary' })).statusCode, 303);
      assert.equal((await t.database.db.select().from(programmes).where(eq(programmes.id, programmeId)))[0]!.minutesApprovedAtNextMeeting, false);
      assert.equal((await auditOf('programme.minutesApproval', programmeId)).length, 1);
      shown = await page(t, coordinator, settings);
      assert.match(shown, /value="secretary"[^>]*checked/);

      const first = await plan(t, coordinator, 'support', '2021-02-01');
      const second = await plan(t, coordinator, 'support', '2021-02-10');
      const previous = await post(t, coordinator, `${P}/meetings/${second}/minutes/approve-previous`, { confirmed: 'yes' });
      assert.equal(previous.statusCode, 400);
      assert.match(previous.body, /In dit programma maakt de secretaris de notulen definitief/);
      const finalUrl = `${P}/meetings/${first}/minutes/final`;
      const empty = await post(t, coordinator, finalUrl, { confirmed: 'yes' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Er zijn nog geen notulen om vast te stellen/);
      assert.equal((await post(t, coordinator, `${P}/meetings/${first}/minutes`, { minutes_nl: 'Besproken: het fonds.', version: '1' })).statusCode, 303);
      shown = await page(t, coordinator, `${P}/meetings/${first}`);
      assert.match(shown, /De notulen zijn nog niet definitief; de secretaris maakt ze definitief/);
      assert.ok(shown.includes(`action="${finalUrl}"`));
      const ask = await post(t, coordinator, finalUrl, {});
      assert.equal(ask.statusCode, 200);
      assert.match(ask.body, /De notulen van deze vergadering definitief maken\?/);
      assert.equal((await post(t, coordinator, finalUrl, { confirmed: 'yes' })).statusCode, 303);
      const [row] = await t.database.db.select().from(meetings).where(eq(meetings.id, first));
      assert.equal(row!.minutesApprovedAt!.toISOString(), '2021-02-15T10:00:00.000Z');
      assert.equal(row!.minutesApprovedInMeetingId, null);
      assert.match(await page(t, coordinator, `${P}/meetings/${first}`), /Definitief gemaakt door de secretaris op 15 februari 2021\./);
      const twice = await post(t, coordinator, finalUrl, { confirmed: 'yes' });
      assert.equal(twice.statusCode, 400);
      assert.match(twice.body, /De notulen van deze vergadering zijn al vastgesteld/);
      const rewrite = await post(t, coordinator, `${P}/meetings/${first}/minutes`, { minutes_nl: 'Herschreven.', version: '2' });
      assert.equal(rewrite.statusCode, 400);
      assert.match(rewrite.body, /het verslag is bevroren/);
      assert.equal((await post(t, coordinator, settings, { approval: 'nextMeeting' })).statusCode, 303);
    });
  });
}
