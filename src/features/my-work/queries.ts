// What waits for one person in one programme, gathered from the capabilities' own tables: a
// lead's reports, actions, measurements and fund applications; a steering-group member's
// proposals, applications, decisions to confirm, next meeting and amendments; a partner's
// projects. Each list is short (a person's own work), so each is one small query.
import { and, asc, eq, gte, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { actions, bodies, people, projectPartners, projects, targets, type BodyKind } from '../../db/schema.ts';
import type { Actor } from '../../domain/policy.ts';
import { coordinates, hasRole } from '../../domain/policy.ts';
import { agreementAmendments, agreementConsents } from '../agreement/tables.ts';
import { representedPartyIds } from '../agreement/queries.ts';
import { listApplications } from '../fund/queries.ts';
import { agendaItems, bodyMemberships, decisions, meetingAttendance, meetingDocuments, meetings } from '../meetings/tables.ts';
import { listMissingReports } from '../monitoring/queries.ts';
import { MEETING_ITEM } from '../files/owners.ts';
import { listOwnerFiles } from '../files/queries.ts';
import { admissionDecisions } from '../portfolio/tables.ts';

const NONE = ['00000000-0000-0000-0000-000000000000'];
const ids = (list: string[]) => (list.length > 0 ? list : NONE);

export interface LeadWork {
  projects: { id: string; code: string; title: Record<string, string | undefined> }[];
  reportsDue: { code: string; title: Record<string, string | undefined> }[];
  actions: { projectCode: string; description: Record<string, string | undefined>; dueOn: string | null; state: string }[];
  targets: { key: string; title: Record<string, string | undefined>; projectCode: string }[];
  applications: { id: string; projectCode: string; status: string; fundName: Record<string, string | undefined> }[];
}

/** A lead's work for the projects they lead. */
export async function leadWork(db: Db, programmeId: string, projectIds: string[], period: string): Promise<LeadWork> {
  if (projectIds.length === 0) return { projects: [], reportsDue: [], actions: [], targets: [], applications: [] };
  const [led, missing, open, projectTargets, applications] = await Promise.all([
    db.select({ id: projects.id, code: projects.code, title: projects.title }).from(projects).where(and(eq(projects.programmeId, programmeId), inArray(projects.id, projectIds))).orderBy(asc(projects.position), asc(projects.code)),
    listMissingReports(db, programmeId, period),
    db
      .select({ projectCode: projects.code, description: actions.description, dueOn: actions.dueOn, state: actions.state })
      .from(actions)
      .innerJoin(projects, eq(projects.id, actions.projectId))
      .where(and(inArray(actions.projectId, projectIds), inArray(actions.state, ['open', 'in_progress'])))
      .orderBy(sql`${actions.dueOn} nulls last`, asc(actions.position))
      .limit(50),
    db
      .select({ key: targets.key, title: targets.title, projectCode: projects.code })
      .from(targets)
      .innerJoin(projects, eq(projects.id, targets.projectId))
      .where(and(eq(targets.programmeId, programmeId), inArray(targets.projectId, projectIds)))
      .orderBy(asc(targets.key)),
    listApplications(db, programmeId, projectIds),
  ]);
  return {
    projects: led,
    reportsDue: missing.filter((m) => projectIds.includes(m.id)).map((m) => ({ code: m.code, title: m.title })),
    actions: open,
    targets: projectTargets,
    applications: applications.map((row) => ({ id: row.application.id, projectCode: row.project.code, status: row.application.status, fundName: row.fundName })),
  };
}

export interface MemberWork {
  /** Proposed projects: the support level recommends, the executive level decides. */
  proposals: { code: string; title: Record<string, string | undefined>; step: 'recommend' | 'decide' }[];
  /** Fund applications waiting for advice (support) or an award (executive). */
  applications: { id: string; projectCode: string; step: 'advise' | 'award' }[];
  /** Recorded decisions of meetings the person attended, awaiting a second member's confirmation. */
  toConfirm: { meetingId: string; startsAt: Date; text: Record<string, string | undefined>; bodyName: Record<string, string | undefined> }[];
  /** The next planned meeting of each body the person sits in (or whose level they hold), with its documents. */
  nextMeetings: {
    id: string;
    startsAt: Date;
    location: string;
    bodyName: Record<string, string | undefined>;
    /** Documents linked on the agenda, and files uploaded to its items. */
    documents: { title: Record<string, string | undefined>; url: string }[];
    files: { id: string; name: string }[];
  }[];
}

/** A steering-group member's work (support or executive level, or a seat in a body). */
export async function memberWork(db: Db, programmeId: string, actor: Actor, now: Date): Promise<MemberWork> {
  const support = hasRole(actor, 'support');
  const executive = hasRole(actor, 'executive');
  const seats = await db
    .select({ bodyId: bodyMemberships.bodyId, membershipId: bodyMemberships.id })
    .from(bodyMemberships)
    .innerJoin(people, eq(people.id, bodyMemberships.personId))
    .where(and(eq(bodyMemberships.programmeId, programmeId), eq(people.userId, actor.userId), isNull(bodyMemberships.endsOn)));
  const levels: BodyKind[] = [...(support ? (['support'] as const) : []), ...(executive ? (['executive'] as const) : [])];
  if (seats.length === 0 && levels.length === 0) return { proposals: [], applications: [], toConfirm: [], nextMeetings: [] };

  // Proposals: a proposed project without the recommendation (support) or the decision (executive) yet.
  const recommendation = alias(admissionDecisions, 'recommendation');
  const decision = alias(admissionDecisions, 'decision');
  const proposed = support || executive
    ? await db
        .select({ code: projects.code, title: projects.title, recommended: recommendation.id, decided: decision.id })
        .from(projects)
        .leftJoin(recommendation, and(eq(recommendation.projectId, projects.id), eq(recommendation.kind, 'recommendation')))
        .leftJoin(decision, and(eq(decision.projectId, projects.id), eq(decision.kind, 'decision')))
        .where(and(eq(projects.programmeId, programmeId), eq(projects.lifecycle, 'proposed')))
        .orderBy(asc(projects.code))
    : [];
  const proposals: MemberWork['proposals'] = [];
  const seenProposals = new Set<string>();
  for (const row of proposed) {
    if (seenProposals.has(row.code) || row.decided) continue;
    seenProposals.add(row.code);
    if (support && !row.recommended) proposals.push({ code: row.code, title: row.title, step: 'recommend' });
    else if (executive) proposals.push({ code: row.code, title: row.title, step: 'decide' });
  }

  const applications: MemberWork['applications'] = [];
  if (support || executive) {
    for (const row of await listApplications(db, programmeId)) {
      if (support && row.application.status === 'submitted') applications.push({ id: row.application.id, projectCode: row.project.code, step: 'advise' });
      else if (executive && (row.application.status === 'submitted' || row.application.status === 'advised')) applications.push({ id: row.application.id, projectCode: row.project.code, step: 'award' });
    }
  }

  const membershipIds = seats.map((s) => s.membershipId);
  const toConfirm = await db
    .select({ meetingId: meetings.id, startsAt: meetings.startsAt, text: decisions.text, bodyName: bodies.name })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(meetingAttendance, and(eq(meetingAttendance.meetingId, meetings.id), inArray(meetingAttendance.membershipId, ids(membershipIds)), eq(meetingAttendance.presence, 'present')))
    .where(
      and(
        eq(decisions.programmeId, programmeId),
        isNull(decisions.confirmedAt),
        isNull(decisions.withdrawnAt),
        or(isNull(decisions.recordedByUserId), ne(decisions.recordedByUserId, actor.userId)),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(50);

  const bodyRows = await db
    .select({ id: bodies.id, name: bodies.name })
    .from(bodies)
    .where(and(eq(bodies.programmeId, programmeId), or(inArray(bodies.id, ids(seats.map((s) => s.bodyId))), levels.length ? inArray(bodies.kind, levels) : sql`false`)));
  const nextMeetings: MemberWork['nextMeetings'] = [];
  for (const body of bodyRows) {
    const [next] = await db
      .select({ id: meetings.id, startsAt: meetings.startsAt, location: meetings.location })
      .from(meetings)
      .where(and(eq(meetings.bodyId, body.id), eq(meetings.state, 'planned'), gte(meetings.endsAt, now)))
      .orderBy(asc(meetings.startsAt))
      .limit(1);
    if (!next) continue;
    const documents = await db
      .select({ title: meetingDocuments.title, url: meetingDocuments.url })
      .from(meetingDocuments)
      .innerJoin(agendaItems, eq(agendaItems.id, meetingDocuments.agendaItemId))
      .where(eq(agendaItems.meetingId, next.id))
      .orderBy(asc(agendaItems.position), asc(meetingDocuments.createdAt));
    const itemIds = (await db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, next.id)).orderBy(asc(agendaItems.position))).map((row) => row.id);
    const uploaded = await listOwnerFiles(db, programmeId, MEETING_ITEM, itemIds);
    const files = itemIds.flatMap((itemId) => (uploaded.get(itemId) ?? []).map((file) => ({ id: file.id, name: file.name })));
    nextMeetings.push({ ...next, bodyName: body.name, documents, files });
  }
  nextMeetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { proposals, applications, toConfirm, nextMeetings };
}

/** Amendments not yet adopted on which a party the person represents has no standing answer. */
export async function amendmentsAwaitingConsent(db: Db, programmeId: string, userId: string) {
  const partyIds = await representedPartyIds(db, programmeId, userId);
  if (partyIds.length === 0) return [];
  const pending = await db
    .select({ id: agreementAmendments.id, number: agreementAmendments.number, title: agreementAmendments.title })
    .from(agreementAmendments)
    .where(and(eq(agreementAmendments.programmeId, programmeId), isNull(agreementAmendments.adoptedAt)))
    .orderBy(asc(agreementAmendments.number));
  if (pending.length === 0) return [];
  const answered = await db
    .select({ amendmentId: agreementConsents.amendmentId, partyId: agreementConsents.partyId })
    .from(agreementConsents)
    .where(and(inArray(agreementConsents.amendmentId, pending.map((p) => p.id)), inArray(agreementConsents.partyId, partyIds), isNull(agreementConsents.withdrawnAt)));
  return pending.filter((amendment) => partyIds.some((party) => !answered.some((a) => a.amendmentId === amendment.id && a.partyId === party)));
}

/** The projects a partner member's organisations take part in. */
export async function partnerProjects(db: Db, programmeId: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectDistinct({ code: projects.code, title: projects.title, position: projects.position, role: projectPartners.role })
    .from(projectPartners)
    .innerJoin(projects, eq(projects.id, projectPartners.projectId))
    .where(and(eq(projectPartners.programmeId, programmeId), inArray(projectPartners.organisationId, organisationIds)))
    .orderBy(asc(projects.position), asc(projects.code));
}

export function isCoordinator(actor: Actor): boolean {
  return coordinates(actor);
}
