// A test world for the security tests: the Leiden programme, a second programme loaded from the
// same seed under another slug, one logged-in user per role, an API token per role, and a fixed
// set of representative objects (own, someone else's, another programme's) to put into URLs.
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import '../../src/seed/extensions.ts';
import { loadProgramme } from '../../src/seed/load.ts';
import { leiden } from '../../src/seed/leiden.ts';
import { forgetProgrammes } from '../../src/web/request-context.ts';
import { createApiToken } from '../../src/features/api/tokens/commands.ts';
import { createUser } from '../../src/features/accounts/commands.ts';
import { addRepresentative, proposeAmendment } from '../../src/features/agreement/commands.ts';
import { getAgreement } from '../../src/features/agreement/queries.ts';
import { createFund, recordContribution } from '../../src/features/fund/commands.ts';
import { submitApplication } from '../../src/features/fund/application-commands.ts';
import { addAction, confirmDecision, recordDecision } from '../../src/features/meetings/item-commands.ts';
import type { Actor as PolicyActor } from '../../src/domain/policy.ts';
import type { Outcome } from '../../src/domain/outcome.ts';
import type { Db } from '../../src/db/client.ts';
import { anonymous, loginAs, type Session, type TestApp } from '../support/app.ts';

/** A command's value; a refusal while building the world is a bug in the world. */
export function succeeded<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.errors)}`);
  return outcome.value;
}

export const ROLE_KEYS = ['anonymous', 'partner', 'lead', 'support', 'executive', 'coordinator', 'admin'] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];
export const OTHER_SLUG = 'verre-stad';

export interface Actor extends Session {
  role: RoleKey;
  userId?: string;
  apiToken?: string;
  apiTokenId?: string;
}

/** Representative objects of one programme: `own` belongs to the lead/partner, `other` does not. */
export interface ObjectSet {
  slug: string;
  programmeId: string;
  ownProject: string;
  otherProject: string;
  ownAction: string;
  otherAction: string;
  partnerOrg: string;
  otherPartnerOrg: string;
  theme: string;
  target: string;
  organisation: string;
  agenda: string;
  meeting: string;
  item: string;
  meetingAction: string;
  membership: string;
  /** The person holding that membership. */
  person: string;
  representative: string;
  application: string;
  news: string;
  newsId: string;
  event: string;
  page: string;
  agreementVersion: string;
  amendment: string;
  decision: string;
  fund: string;
}

export interface World {
  t: TestApp;
  actors: Record<RoleKey, Actor>;
  home: ObjectSet;
  away: ObjectSet;
}

export async function rows<T = Record<string, unknown>>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

async function one(db: Db, query: ReturnType<typeof sql>, fallback = '00000000-0000-4000-8000-000000000000'): Promise<string> {
  const [row] = await rows<{ v: unknown }>(db, query);
  return row?.v === undefined || row?.v === null ? fallback : String(row.v);
}

export async function objectSet(db: Db, slug: string): Promise<ObjectSet> {
  const programmeId = await one(db, sql`select id as v from programmes where slug = ${slug}`);
  // The own project: has actions and partners; the other project has neither partner in common.
  const candidates = await rows<{ id: string; code: string }>(
    db,
    sql`select p.id, p.code from projects p where p.programme_id = ${programmeId}
        and exists (select 1 from actions a where a.project_id = p.id)
        and exists (select 1 from project_partners pp where pp.project_id = p.id)
        order by p.position`,
  );
  const own = candidates[0]!;
  const ownOrgs = await rows<{ slug: string; id: string }>(
    db,
    sql`select o.slug, o.id from project_partners pp join organisations o on o.id = pp.organisation_id where pp.project_id = ${own.id} order by pp.position`,
  );
  let other = candidates[1]!;
  let partnerOrg = ownOrgs[0]!.slug;
  for (const candidate of candidates.slice(1)) {
    const theirs = await rows<{ slug: string }>(db, sql`select o.slug from project_partners pp join organisations o on o.id = pp.organisation_id where pp.project_id = ${candidate.id}`);
    const exclusive = ownOrgs.find((org) => !theirs.some((row) => row.slug === org.slug));
    if (exclusive) {
      other = candidate;
      partnerOrg = exclusive.slug;
      break;
    }
  }
  const otherPartnerOrg = await one(db, sql`select o.slug as v from project_partners pp join organisations o on o.id = pp.organisation_id where pp.project_id = ${other.id} order by pp.position limit 1`);
  // The default data holds no meeting (the agreement names none): the world holds one of the executive level, with an item.
  const hasMeeting = await rows(db, sql`select 1 from meetings m where m.programme_id = ${programmeId} and exists (select 1 from meeting_agenda_items i where i.meeting_id = m.id)`);
  if (hasMeeting.length === 0) {
    const held = await one(
      db,
      sql`insert into meetings (programme_id, body_id, starts_at, ends_at, location, state) select ${programmeId}, b.id, '2018-01-15T09:00:00Z', '2018-01-15T11:00:00Z', 'Leiden', 'held' from bodies b where b.programme_id = ${programmeId} and b.kind = 'executive' returning id as v`,
    );
    await db.execute(sql`insert into meeting_agenda_items (programme_id, meeting_id, position, kind, title) values (${programmeId}, ${held}, 1, 'decision', ${JSON.stringify({ nl: 'Wereldagendapunt', en: 'World item' })}::jsonb)`);
  }
  const meeting = await one(db, sql`select m.id as v from meetings m where m.programme_id = ${programmeId} and exists (select 1 from meeting_agenda_items i where i.meeting_id = m.id) order by m.starts_at limit 1`);
  return {
    slug,
    programmeId,
    ownProject: own.code,
    otherProject: other.code,
    ownAction: await one(db, sql`select id as v from actions where project_id = ${own.id} order by position limit 1`),
    otherAction: await one(db, sql`select id as v from actions where project_id = ${other.id} order by position limit 1`),
    partnerOrg,
    otherPartnerOrg,
    theme: await one(db, sql`select code as v from themes where programme_id = ${programmeId} order by position limit 1`),
    target: await one(db, sql`select key as v from targets where programme_id = ${programmeId} order by key limit 1`),
    organisation: await one(db, sql`select slug as v from organisations where programme_id = ${programmeId} order by slug limit 1`),
    agenda: await one(db, sql`select id as v from annual_agendas where programme_id = ${programmeId} order by start_year limit 1`),
    meeting,
    item: await one(db, sql`select id as v from meeting_agenda_items where meeting_id = ${meeting} order by position limit 1`),
    meetingAction: await one(db, sql`select id as v from meeting_actions where programme_id = ${programmeId} order by created_at limit 1`),
    membership: await one(db, sql`select id as v from body_memberships where programme_id = ${programmeId} order by created_at limit 1`),
    person: await one(db, sql`select person_id as v from body_memberships where programme_id = ${programmeId} order by created_at, id limit 1`),
    representative: await one(db, sql`select id as v from agreement_representatives where programme_id = ${programmeId} limit 1`),
    application: await one(db, sql`select id as v from fund_applications where programme_id = ${programmeId} order by created_at limit 1`),
    news: await one(db, sql`select slug as v from news_items where programme_id = ${programmeId} and status = 'published' order by slug limit 1`, 'no-news'),
    newsId: await one(db, sql`select id as v from news_items where programme_id = ${programmeId} order by slug limit 1`),
    event: await one(db, sql`select slug as v from events where programme_id = ${programmeId} and status = 'published' order by slug limit 1`, 'no-event'),
    page: await one(db, sql`select slug as v from pages where programme_id = ${programmeId} and status = 'published' order by slug limit 1`, 'no-page'),
    agreementVersion: await one(db, sql`select number as v from agreement_versions where programme_id = ${programmeId} order by number limit 1`, '1'),
    amendment: await one(db, sql`select number as v from agreement_amendments where programme_id = ${programmeId} order by number limit 1`, '1'),
    decision: await one(db, sql`select id as v from decisions where programme_id = ${programmeId} and public order by created_at desc limit 1`),
    fund: await one(db, sql`select id as v from funds where programme_id = ${programmeId} order by created_at limit 1`),
  };
}

/**
 * Real objects the seed lacks, made through the app's commands in one programme: a meeting action
 * and a public decision (confirmed by `confirmerUserId`, given a seat in the meeting's body and
 * recorded as present: four eyes), a party representative (the given user, for the partner's organisation)
 * with a proposed amendment, and a fund with a submitted application for the own project.
 */
async function addObjects(db: Db, slug: string, repUserId: string, leadUserId: string | null, confirmerUserId: string): Promise<void> {
  const programmeId = await one(db, sql`select id as v from programmes where slug = ${slug}`);
  const set = await objectSet(db, slug);
  const coordinator: PolicyActor = { userId: repUserId, displayName: 'World', programmeId, assignments: [{ role: 'coordinator' }] };
  const base = { actor: coordinator, db, programmeId };
  const [scope] = await rows<{ bodyId: string; kind: 'executive' | 'support' | 'coordinator'; startsAt: Date }>(
    db,
    sql`select m.body_id as "bodyId", b.kind, m.starts_at as "startsAt" from meetings m join bodies b on b.id = m.body_id where m.id = ${set.meeting}`,
  );
  const meeting = { meeting: { id: set.meeting, bodyId: scope!.bodyId, startsAt: new Date(scope!.startsAt) }, body: { id: scope!.bodyId, kind: scope!.kind, programmeId } };
  const action = await addAction({ ...base, ...meeting, action: { description: { nl: 'Wereldactie', en: 'World action' }, owner: 'Secretariaat' } });
  const decision = await recordDecision({ ...base, ...meeting, decision: { text: { nl: 'Wereldbesluit', en: 'World decision' }, outcome: 'adopted', public: 'yes' } });
  if (!action.ok || !decision.ok) throw new Error(`world: meeting objects refused ${JSON.stringify([action, decision])}`);
  const personId = await one(db, sql`insert into people (programme_id, name, user_id) values (${programmeId}, 'World chair', ${confirmerUserId}) returning id as v`);
  const seatId = await one(db, sql`insert into body_memberships (programme_id, body_id, person_id, position, starts_on) values (${programmeId}, ${scope!.bodyId}, ${personId}, 'chair', '2017-01-01') returning id as v`);
  await db.execute(sql`insert into meeting_attendance (programme_id, meeting_id, membership_id, presence) values (${programmeId}, ${set.meeting}, ${seatId}, 'present')`);
  const chair: PolicyActor = { userId: confirmerUserId, displayName: 'World chair', programmeId, assignments: [] };
  succeeded(await confirmDecision({ db, actor: chair, programmeId, meetingId: set.meeting, decisionId: decision.value.id }) ?? { ok: false, errors: {} });
  const agreement = (await getAgreement(db, programmeId))!;
  const partyId = await one(
    db,
    sql`select p.id as v from agreement_parties p join organisations o on o.id = p.organisation_id where p.agreement_id = ${agreement.id} and o.slug = ${set.partnerOrg}`,
    '',
  );
  const email = (await rows<{ email: string }>(db, sql`select email from users where id = ${repUserId}`))[0]!.email;
  const party = partyId || (await one(db, sql`select id as v from agreement_parties where agreement_id = ${agreement.id} order by position limit 1`));
  // A representative is a person of the party (issue 17): the representative (the partner member,
  // or another programme's stranger who has no role) gets a person record at that party.
  await db.execute(
    sql`insert into people (programme_id, name, organisation_id, user_id) select ${programmeId}, 'World representative', organisation_id, ${repUserId} from agreement_parties where id = ${party}`,
  );
  const appointed = await addRepresentative({ db, actor: coordinator, agreement, representative: { party, email } });
  if (!appointed.ok) throw new Error(`world: representative refused ${JSON.stringify(appointed.errors)} (${slug})`);
  const [section] = await rows<{ key: string }>(db, sql`select key from agreement_sections where agreement_id = ${agreement.id} order by position limit 1`);
  const rep: PolicyActor = { userId: repUserId, displayName: 'World representative', programmeId, assignments: [] };
  const proposed = await proposeAmendment({ db, actor: rep, agreement, proposal: { party, kind: 'text', title: { nl: 'Wereldwijziging', en: 'World amendment' }, reason: { nl: 'Omdat', en: 'Because' }, sections: { [section!.key]: { nl: 'Nieuwe tekst', en: 'New text' } } } });
  if (!proposed.ok) throw new Error(`world: proposal refused ${JSON.stringify(proposed)}`);
  const fund = succeeded(await createFund({ actor: coordinator, db, programmeId, fund: { kind: 'joint', name: { nl: 'Wereldfonds', en: 'World fund' } } }));
  const organisationId = await one(db, sql`select id as v from organisations where programme_id = ${programmeId} and slug = ${set.partnerOrg}`);
  succeeded(await recordContribution({ actor: coordinator, db, programmeId, contribution: { fund: fund.id, party: organisationId, year: 2018, amount: 100_000_00, hours: 100 } }));
  const projectId = await one(db, sql`select id as v from projects where programme_id = ${programmeId} and code = ${set.ownProject}`);
  const lead: PolicyActor = { userId: leadUserId ?? repUserId, displayName: 'World lead', programmeId, assignments: [{ role: 'lead', projectId }] };
  succeeded(
    await submitApplication({
      actor: lead,
      db,
      programmeId,
      application: { fund: fund.id, project: projectId, amount: 5_000_00, hours: 10, purpose: { nl: 'Wereldaanvraag', en: 'World application' }, periodStart: '2018-01-01', periodEnd: '2018-12-31' },
    }),
  );
}

/** One signed-in user per role with that role in `set`'s programme only (and an API token there). */
export async function actorsIn(t: TestApp, set: ObjectSet): Promise<Record<RoleKey, Actor>> {
  const db = t.database.db;
  const anon = await anonymous(t);
  const actors = { anonymous: { role: 'anonymous', ...anon } } as Record<RoleKey, Actor>;
  for (const role of ROLE_KEYS) {
    if (role === 'anonymous') continue;
    const spec =
      role === 'lead'
        ? { role: 'lead' as const, project: set.ownProject, programme: set.slug }
        : role === 'partner'
          ? { role: 'partner' as const, organisation: set.partnerOrg, programme: set.slug }
          : { role, programme: set.slug };
    const session = await loginAs(t, spec);
    const token = await createApiToken(db, {
      actor: { userId: session.userId, displayName: role },
      name: `matrix ${role}`,
      scope: 'read-write',
      programmeId: set.programmeId,
    });
    actors[role] = { role, ...session, apiToken: token.token, apiTokenId: token.id };
  }
  return actors;
}

/** Loads the second programme and logs in one user per role in the first. */
export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.database.db;
  await loadProgramme(db, { ...leiden, slug: OTHER_SLUG });
  forgetProgrammes(db);
  let home = await objectSet(db, 'leiden');
  const actors = await actorsIn(t, home);
  // The partner member represents their organisation in the agreement and proposed an amendment;
  // the lead applied to a fund. Another programme gets the same objects from its own people.
  // The executive member sits in the world meeting's body and attended: they confirmed its decision.
  await addObjects(db, 'leiden', actors.partner.userId!, actors.lead.userId!, actors.executive.userId!);
  const stranger = await createUser(db, { email: `stranger-${Date.now()}@example.org`, displayName: 'Verre Stad', password: 'correct horse battery staple' });
  const strangerChair = await createUser(db, { email: `stranger-chair-${Date.now()}@example.org`, displayName: 'Verre Stad voorzitter', password: 'correct horse battery staple' });
  await addObjects(db, OTHER_SLUG, stranger.id, null, strangerChair.id);
  forgetProgrammes(db);
  home = await objectSet(db, 'leiden');
  const away = await objectSet(db, OTHER_SLUG);
  return { t, actors, home, away };
}

/** Names and a checksum of every table's content, except the tables every request touches. */
export async function databaseFingerprint(db: Db, ignore: string[] = ['sessions', 'login_failures', 'jobs']): Promise<Record<string, string>> {
  const tables = await rows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (ignore.includes(name) || name.startsWith('__')) continue;
    const [row] = await rows<{ n: number; h: string | null }>(
      db,
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${name}" t`),
    );
    out[name] = `${row!.n}:${row!.h}`;
  }
  return out;
}

export function describeResponse(response: LightMyRequestResponse): string {
  const location = response.headers.location ? ` -> ${String(response.headers.location)}` : '';
  return `${response.statusCode}${location}`;
}
