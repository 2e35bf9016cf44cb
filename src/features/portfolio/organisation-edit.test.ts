// Organisations' "onderdeel van / part of": the coordinator edits it through the form (version
// checked, audited), a cycle is refused with a message and nothing stored, and a unit counts as the
// party its chain reaches (loadProgrammeParties).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../../../test/support/app.ts';
import { auditEvents, organisations, programmes } from '../../db/schema.ts';
import { loadProgrammeParties, partyOfOrganisation } from '../agreement/party-queries.ts';

for (const mode of databaseModes()) {
  describe(`organisation part of (${mode})`, () => {
    let t: TestApp;
    let coordinator: Session;
    let programmeId: string;
    const ids: Record<string, string> = {};
    before(async () => {
      t = await startTestApp(mode);
      coordinator = await loginAs(t, { role: 'coordinator' });
      const [programme] = await t.database.db.select().from(programmes).where(eq(programmes.slug, 'leiden'));
      programmeId = programme!.id;
      for (const o of await t.database.db.select().from(organisations).where(eq(organisations.programmeId, programmeId))) ids[o.slug] = o.id;
    });
    after(async () => t.close());

    const org = async (slug: string) => (await t.database.db.select().from(organisations).where(and(eq(organisations.programmeId, programmeId), eq(organisations.slug, slug))))[0]!;
    const post = (s: Session, slug: string, payload: Record<string, string>, locale = 'nl') =>
      t.app.inject({ method: 'POST', url: `/${locale}/leiden/organisations/${slug}/edit`, headers: { cookie: s.cookie }, payload: { _csrf: s.csrf, ...payload } });
    const formOf = async (slug: string) => {
      const o = await org(slug);
      return { version: String(o.version), kind: o.kind, shortName: o.shortName ?? '', website: o.website ?? '', parentId: o.parentId ?? '' };
    };
    const audits = async (id: string) => t.database.db.select().from(auditEvents).where(and(eq(auditEvents.objectType, 'organisation'), eq(auditEvents.objectId, id)));

    test('a unit counts as the party its chain reaches; an outsider as none', async () => {
      const parties = await loadProgrammeParties(t.database.db, programmeId);
      assert.equal(parties.partyOf(ids['lubec']!), ids['universiteit-leiden']);
      assert.equal(parties.partyOf(ids['faculteit-sociale-wetenschappen']!), ids['universiteit-leiden']);
      assert.equal(parties.partyOf(ids['lumc']!), ids['lumc']);
      assert.deepEqual(parties.distinctParties([ids['lubec']!, ids['iclon']!, ids['gemeente-leiden']!]), [ids['universiteit-leiden'], ids['gemeente-leiden']]);
      assert.equal(parties.belongsTo(ids['lubec']!, ids['universiteit-leiden']!), true);
      assert.equal(parties.belongsTo(ids['lubec']!, ids['lumc']!), false);
      assert.ok(parties.partyRowOf.get(ids['lumc']!));
      const outsider = Object.keys(ids).find((slug) => parties.partyOf(ids[slug]!) === null);
      assert.ok(outsider, 'the seed has organisations that are no party');
      assert.equal(await partyOfOrganisation(t.database.db, programmeId, ids[outsider]!), null);
    });

    test('the coordinator sees the part-of field and an edit link; others get no form', async () => {
      const page = await t.app.inject({ url: '/nl/leiden/organisations/lubec/edit', headers: { cookie: coordinator.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Onderdeel van/);
      assert.match(page.body, /<option value="[^"]+" selected>Faculteit (der )?Sociale Wetenschappen/i);
      const link = await t.app.inject({ url: '/en/leiden/organisations/lubec', headers: { cookie: coordinator.cookie } });
      assert.match(link.body, /Edit organisation/);
      const lead = await loginAs(t, { role: 'partner', organisation: 'lumc' });
      assert.equal((await t.app.inject({ url: '/nl/leiden/organisations/lubec/edit', headers: { cookie: lead.cookie } })).statusCode, 403);
      assert.equal((await t.app.inject({ url: '/nl/leiden/organisations/does-not-exist/edit', headers: { cookie: coordinator.cookie } })).statusCode, 404);
    });

    test('a parent that closes a cycle is refused with a message in the user language, nothing stored', async () => {
      const before = await org('universiteit-leiden');
      const nl = await post(coordinator, 'universiteit-leiden', { ...(await formOf('universiteit-leiden')), parentId: ids['lubec']! });
      assert.equal(nl.statusCode, 400);
      assert.match(nl.body, /zelf \(via andere\) onderdeel van deze organisatie/);
      const en = await post(coordinator, 'universiteit-leiden', { ...(await formOf('universiteit-leiden')), parentId: ids['faculteit-sociale-wetenschappen']! }, 'en');
      assert.equal(en.statusCode, 400);
      assert.match(en.body, /would make a circle/);
      const self = await post(coordinator, 'universiteit-leiden', { ...(await formOf('universiteit-leiden')), parentId: ids['universiteit-leiden']! }, 'en');
      assert.equal(self.statusCode, 400);
      assert.match(self.body, /cannot be part of itself/);
      const unknown = await post(coordinator, 'universiteit-leiden', { ...(await formOf('universiteit-leiden')), parentId: '00000000-0000-4000-8000-000000000000' }, 'en');
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /not part of this programme/);
      const after = await org('universiteit-leiden');
      assert.equal(after.parentId, null);
      assert.equal(after.version, before.version);
      assert.equal((await audits(before.id)).length, 0);
    });

    test('a value too long is refused, not cut', async () => {
      const response = await post(coordinator, 'iclon', { ...(await formOf('iclon')), shortName: 'x'.repeat(201) });
      assert.equal(response.statusCode, 400);
      assert.equal((await org('iclon')).shortName === 'x'.repeat(200), false);
    });

    test('moving a unit saves, is audited, and then counts as its new party; a stale form is refused', async () => {
      const form = await formOf('cml');
      const saved = await post(coordinator, 'cml', { ...form, parentId: ids['lumc']! });
      assert.equal(saved.statusCode, 303);
      const cml = await org('cml');
      assert.equal(cml.parentId, ids['lumc']);
      assert.equal(cml.version, Number(form.version) + 1);
      const [audit] = await audits(cml.id);
      assert.equal(audit!.action, 'organisation.update');
      assert.deepEqual(audit!.after, { parentId: ids['lumc'] });
      assert.equal((await loadProgrammeParties(t.database.db, programmeId)).partyOf(cml.id), ids['lumc']);
      const page = await t.app.inject({ url: '/en/leiden/organisations/cml' });
      assert.match(page.body, /Part of/);

      const stale = await post(coordinator, 'cml', { ...form, parentId: '' }, 'en');
      assert.equal(stale.statusCode, 409);
      assert.equal((await org('cml')).parentId, ids['lumc']);
      const none = await post(coordinator, 'cml', { ...(await formOf('cml')), parentId: '' });
      assert.equal(none.statusCode, 303);
      assert.equal((await org('cml')).parentId, null);
      assert.equal((await loadProgrammeParties(t.database.db, programmeId)).partyOf(cml.id), null);
    });
  });
}
