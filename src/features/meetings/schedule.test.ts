import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { setClock } from '../../clock.ts';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { auditEvents } from '../../db/schema.ts';
import { meetings } from './tables.ts';

const P = '/nl/leiden';

async function post(t: TestApp, session: Session, url: string, payload: Record<string, string | string[]>) {
  return t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { ...payload, _csrf: session.csrf } });
}

for (const mode of databaseModes()) {
  describe(`managing a meeting on its page (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session;
    let support: Session;
    before(async () => {
      t = await startTestApp(mode, {}, { leiden: 'running' });
      coordinator = await loginAs(t, { role: 'coordinator', name: 'Cora Coördinator' });
      support = await loginAs(t, { role: 'support' });
      setClock('2030-01-10T10:00:00Z');
    });
    after(async () => {
      setClock(null);
      await t.close();
    });

    async function plan(date: string): Promise<string> {
      const response = await post(t, coordinator, `${P}/bodies/support/meetings`, { date, startTime: '14:00', endTime: '16:00', location: 'Stadhuis Leiden' });
      assert.equal(response.statusCode, 303);
      return /\/meetings\/([0-9a-f-]{36})$/.exec(String(response.headers.location))![1]!;
    }
    const row = async (id: string) => (await t.database.db.select().from(meetings).where(eq(meetings.id, id)))[0]!;
    const page = async (id: string, session: Session = coordinator, locale = 'nl') => (await t.app.inject({ url: `/${locale}/leiden/meetings/${id}`, headers: { cookie: session.cookie } })).body;

    test('the secretary reschedules a planned meeting; a stale or invalid form is refused with the input kept; the save returns to the section', async () => {
      const id = await plan('2030-02-01');
      const shown = await page(id);
      assert.match(shown, /<details class="utrecht-accordion__section ks-disclosure" id="reschedule-disclosure"><summary class="ks-disclosure__summary">Vergadering verzetten<\/summary>/, 'closed until opened');
      assert.match(shown, /Er zijn nog geen uitnodigingen verstuurd: de nieuwe tijd staat in de uitnodiging/);
      assert.match(shown, /id="reschedule-date"[^>]*value="2030-02-01"|value="2030-02-01"[^>]*id="reschedule-date"/, 'the form starts from the stored schedule');

      const form = { sequence: '0', date: '2030-02-08', startTime: '15:00', endTime: '17:00', location: 'Pieterskerk' };
      const invalid = await post(t, coordinator, `${P}/meetings/${id}/reschedule`, { ...form, endTime: '14:00' });
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /id="reschedule-disclosure" open/, 'a refused form is shown open');
      assert.match(invalid.body, /De eindtijd moet na de begintijd liggen/);
      assert.match(invalid.body, /value="Pieterskerk"/);
      const stale = await post(t, coordinator, `${P}/meetings/${id}/reschedule`, { ...form, sequence: '5' });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /Iemand anders heeft deze vergadering intussen gewijzigd/);
      assert.match(stale.body, /value="Pieterskerk"/, 'the input is kept');
      assert.equal((await row(id)).sequence, 0, 'nothing stored');
      assert.equal((await post(t, support, `${P}/meetings/${id}/reschedule`, form)).statusCode, 404);

      const saved = await post(t, coordinator, `${P}/meetings/${id}/reschedule`, form);
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${P}/meetings/${id}#meeting-schedule`);
      const after = await row(id);
      assert.equal(after.startsAt.toISOString(), '2030-02-08T14:00:00.000Z');
      assert.equal(after.location, 'Pieterskerk');
      assert.equal(after.sequence, 1);
      assert.equal(after.state, 'planned');
      const [audit] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, 'meeting.update')));
      assert.ok(audit, 'the change is in the audit log');
      assert.match(await page(id), /id="meeting-schedule"[^>]*>Wanneer en waar[\s\S]*8 februari 2030/);
    });

    test('cancelling asks for a reason, then for a confirmation; the reason is shown; the state list does not cancel', async () => {
      const id = await plan('2030-03-01');
      const noReason = await post(t, coordinator, `${P}/meetings/${id}/cancel`, { sequence: '0', reason: '' });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /id="cancel-disclosure" open/);
      const viaState = await post(t, coordinator, `${P}/meetings/${id}/state`, { state: 'cancelled' });
      assert.equal(viaState.statusCode, 400);
      assert.match(viaState.body, /Annuleren gaat met het formulier/);
      assert.doesNotMatch(await page(id), /<option value="cancelled"/, 'not offered in the state list');

      const ask = await post(t, coordinator, `${P}/meetings/${id}/cancel`, { sequence: '0', reason: 'Geen agendapunten' });
      assert.equal(ask.statusCode, 200);
      assert.match(ask.body, /Vergadering annuleren: [^?]*1 maart 2030\?/);
      assert.match(ask.body, /Reden van annuleren: Geen agendapunten/);
      assert.match(ask.body, /Er zijn nog geen uitnodigingen verstuurd\./);
      assert.equal((await row(id)).state, 'planned', 'nothing before the confirmation');
      const english = await post(t, coordinator, `/en/leiden/meetings/${id}/cancel`, { sequence: '0', reason: 'No items' });
      assert.match(english.body, /Cancel the meeting: [^?]*1 March 2030\?/);

      const done = await post(t, coordinator, `${P}/meetings/${id}/cancel`, { sequence: '0', reason: 'Geen agendapunten', confirmed: 'yes' });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, `${P}/meetings/${id}#meeting-schedule`);
      const cancelled = await row(id);
      assert.equal(cancelled.state, 'cancelled');
      assert.equal(cancelled.cancelReason, 'Geen agendapunten');
      const shown = await page(id, support);
      assert.match(shown, /Vervallen — Reden van annuleren: Geen agendapunten/);
      assert.doesNotMatch(await page(id), /id="reschedule-disclosure"|id="cancel-disclosure"/, 'only a planned meeting is rescheduled or cancelled');
      const again = await post(t, coordinator, `${P}/meetings/${id}/cancel`, { sequence: '1', reason: 'Nogmaals', confirmed: 'yes' });
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /Alleen een geplande vergadering kan worden geannuleerd/);

      // Planned again through the state list: the reason goes with the cancellation.
      assert.equal((await post(t, coordinator, `${P}/meetings/${id}/state`, { state: 'planned' })).statusCode, 303);
      assert.equal((await row(id)).cancelReason, null);
    });

    test('forms open on demand and a save returns to its section; minutes keep their lines and lists, escaped', async () => {
      const id = await plan('2030-01-05');
      const shown = await page(id);
      for (const form of ['add-item', 'add-decision', 'add-action', 'save-minutes', 'save-attendance']) {
        if (shown.includes(`id="${form}"`)) assert.match(shown, new RegExp(`<details[^>]*id="${form}"><summary`), `${form} is closed`);
      }
      const item = await post(t, coordinator, `${P}/meetings/${id}/items`, { title_nl: 'Begroting', kind: 'discussion' });
      assert.equal(item.headers.location, `${P}/meetings/${id}#meeting-agenda`);
      const refused = await post(t, coordinator, `${P}/meetings/${id}/items`, { title_nl: '', kind: 'discussion' });
      assert.match(refused.body, /<details[^>]*id="add-item" open/);
      const action = await post(t, coordinator, `${P}/meetings/${id}/actions`, { description_nl: 'Rondsturen', owner: 'Secretariaat' });
      assert.equal(action.headers.location, `${P}/meetings/${id}#meeting-actions`);

      const minutes = 'Opening door de voorzitter.\nWelkom aan de nieuwe leden.\n\nBesproken:\n- begroting\n* <b>planning</b>\n\n1. eerste besluit\n2. tweede besluit';
      const saved = await post(t, coordinator, `${P}/meetings/${id}/minutes`, { minutes_nl: minutes, version: '1' });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${P}/meetings/${id}#meeting-minutes`);
      const body = await page(id);
      assert.match(body, /<p class="utrecht-paragraph">Opening door de voorzitter\.<br\/>Welkom aan de nieuwe leden\.<\/p>/);
      assert.match(body, /<p class="utrecht-paragraph">Besproken:<\/p><ul class="utrecht-unordered-list"><li class="utrecht-unordered-list__item">begroting<\/li><li class="utrecht-unordered-list__item">&lt;b>planning&lt;\/b><\/li><\/ul>/);
      assert.match(body, /<ol class="utrecht-ordered-list"><li class="utrecht-ordered-list__item">eerste besluit<\/li><li class="utrecht-ordered-list__item">tweede besluit<\/li><\/ol>/);
      assert.doesNotMatch(body, /<b>planning/, 'typed markup stays text');
    });
  });
}
