// Reads for bodies, meetings and decisions. A meeting page costs a fixed number of queries,
// whatever the length of its agenda.
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { auditEvents, bodies, organisations, people, projects, type BodyKind } from '../../db/schema.ts';
import type { BodyRef } from './policy.ts';
import { agendaItemProjects, agendaItems, bodyMemberships, decisionProposals, decisions, meetingActions, meetingAttendance, meetingDocuments, meetings, minutesNotes } from './tables.ts';

export type Body = typeof bodies.$inferSelect;

/**
 * A decision that can back something (an award, an agenda's adoption) or be shown to the public:
 * confirmed by a member who attended (four eyes) and not withdrawn. Use it wherever decisions are
 * offered or accepted.
 */
export const decisionInForce = () => and(isNotNull(decisions.confirmedAt), isNull(decisions.withdrawnAt))!;
export type Meeting = typeof meetings.$inferSelect;

export async function listBodies(db: Db, programmeId: string) {
  return db.select().from(bodies).where(eq(bodies.programmeId, programmeId)).orderBy(sql`case ${bodies.kind} when 'executive' then 1 when 'support' then 2 else 3 end`);
}

export async function getBody(db: Db, programmeId: string, kind: string): Promise<Body | null> {
  if (!['executive', 'support', 'coordinator'].includes(kind)) return null;
  const [row] = await db.select().from(bodies).where(and(eq(bodies.programmeId, programmeId), eq(bodies.kind, kind as BodyKind)));
  return row ?? null;
}

/** The body with the users that hold an active seat in it, for the policy. */
export async function bodyRef(db: Db, body: Body): Promise<BodyRef> {
  const rows = await db
    .select({ userId: people.userId })
    .from(bodyMemberships)
    .innerJoin(people, eq(people.id, bodyMemberships.personId))
    .where(and(eq(bodyMemberships.bodyId, body.id), isNull(bodyMemberships.endsOn)));
  return { id: body.id, kind: body.kind, programmeId: body.programmeId, memberUserIds: rows.flatMap((r) => (r.userId ? [r.userId] : [])) };
}

export async function listMembers(db: Db, bodyId: string) {
  return db
    .select({ membership: bodyMemberships, name: people.name, organisation: organisations.name, userId: people.userId })
    .from(bodyMemberships)
    .innerJoin(people, eq(people.id, bodyMemberships.personId))
    .leftJoin(organisations, eq(organisations.id, bodyMemberships.organisationId))
    .where(eq(bodyMemberships.bodyId, bodyId))
    .orderBy(sql`${bodyMemberships.endsOn} is not null`, sql`case ${bodyMemberships.position} when 'chair' then 1 when 'secretary' then 3 else 2 end`, asc(people.name));
}

export async function listBodyMeetings(db: Db, bodyId: string) {
  return db.select().from(meetings).where(eq(meetings.bodyId, bodyId)).orderBy(asc(meetings.startsAt));
}

export async function listMeetingsInRange(db: Db, bodyId: string, from: Date, to: Date) {
  return db
    .select({ startsAt: meetings.startsAt, state: meetings.state })
    .from(meetings)
    .where(and(eq(meetings.bodyId, bodyId), gt(meetings.startsAt, from), lte(meetings.startsAt, to)));
}

export async function getMeeting(db: Db, programmeId: string, meetingId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(meetingId)) return null;
  const [row] = await db
    .select({ meeting: meetings, body: bodies })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(meetings.id, meetingId), eq(meetings.programmeId, programmeId)));
  return row ?? null;
}

const preparedIn = alias(meetings, 'prepared_in');
const decidedIn = alias(meetings, 'decided_in');

export async function loadMeetingDetail(db: Db, programmeId: string, meeting: Meeting) {
  const day = toAmsterdam(meeting.startsAt).date;
  const [items, links, documents, decisionRows, preparedHere, actions, laterExecutive, projectList, seated] = await Promise.all([
    db
      .select({ item: agendaItems, proposal: decisionProposals, preparedInId: preparedIn.id, preparedInStartsAt: preparedIn.startsAt })
      .from(agendaItems)
      .leftJoin(decisionProposals, eq(decisionProposals.id, agendaItems.proposalId))
      .leftJoin(preparedIn, eq(preparedIn.id, decisionProposals.preparedInMeetingId))
      .where(eq(agendaItems.meetingId, meeting.id))
      .orderBy(asc(agendaItems.position)),
    db
      .select({ itemId: agendaItemProjects.agendaItemId, code: projects.code, title: projects.title })
      .from(agendaItemProjects)
      .innerJoin(agendaItems, eq(agendaItems.id, agendaItemProjects.agendaItemId))
      .innerJoin(projects, eq(projects.id, agendaItemProjects.projectId))
      .where(eq(agendaItems.meetingId, meeting.id))
      .orderBy(asc(projects.position)),
    db
      .select({ doc: meetingDocuments })
      .from(meetingDocuments)
      .innerJoin(agendaItems, eq(agendaItems.id, meetingDocuments.agendaItemId))
      .where(eq(agendaItems.meetingId, meeting.id))
      .orderBy(asc(meetingDocuments.createdAt)),
    db
      .select({ decision: decisions, proposal: decisionProposals, preparedInId: preparedIn.id, preparedInStartsAt: preparedIn.startsAt })
      .from(decisions)
      .leftJoin(decisionProposals, eq(decisionProposals.id, decisions.proposalId))
      .leftJoin(preparedIn, eq(preparedIn.id, decisionProposals.preparedInMeetingId))
      .where(eq(decisions.meetingId, meeting.id))
      .orderBy(asc(decisions.createdAt)),
    db
      .select({ proposal: decisionProposals, forStartsAt: decidedIn.startsAt, decision: decisions })
      .from(decisionProposals)
      .innerJoin(decidedIn, eq(decidedIn.id, decisionProposals.forMeetingId))
      .leftJoin(decisions, eq(decisions.proposalId, decisionProposals.id))
      .where(eq(decisionProposals.preparedInMeetingId, meeting.id))
      .orderBy(asc(decisionProposals.createdAt)),
    carriedActions(db, meeting),
    db
      .select({ id: meetings.id, startsAt: meetings.startsAt })
      .from(meetings)
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(and(eq(meetings.programmeId, programmeId), eq(bodies.kind, 'executive'), gt(meetings.startsAt, meeting.startsAt), sql`${meetings.state} <> 'cancelled'`))
      .orderBy(asc(meetings.startsAt))
      .limit(20),
    db.select({ code: projects.code, title: projects.title }).from(projects).where(eq(projects.programmeId, programmeId)).orderBy(asc(projects.position)),
    // The body's members whose seat covered the meeting's day, with their recorded presence.
    db
      .select({ membershipId: bodyMemberships.id, name: people.name, position: bodyMemberships.position, userId: people.userId, presence: meetingAttendance.presence })
      .from(bodyMemberships)
      .innerJoin(people, eq(people.id, bodyMemberships.personId))
      .leftJoin(meetingAttendance, and(eq(meetingAttendance.membershipId, bodyMemberships.id), eq(meetingAttendance.meetingId, meeting.id)))
      .where(and(eq(bodyMemberships.bodyId, meeting.bodyId), lte(bodyMemberships.startsOn, day), or(isNull(bodyMemberships.endsOn), gt(bodyMemberships.endsOn, day))))
      .orderBy(sql`case ${bodyMemberships.position} when 'chair' then 1 when 'secretary' then 3 else 2 end`, asc(people.name)),
  ]);
  return {
    items: items.map((row) => ({
      ...row,
      projects: links.filter((link) => link.itemId === row.item.id),
      documents: documents.filter((d) => d.doc.agendaItemId === row.item.id).map((d) => d.doc),
    })),
    decisions: decisionRows,
    preparedHere,
    actions,
    laterExecutive,
    projects: projectList,
    attendance: seated,
    /** Users who attended as members: who may confirm a decision (with the recorder left out per decision). */
    attendedUserIds: seated.flatMap((row) => (row.presence === 'present' && row.userId ? [row.userId] : [])),
  };
}

export type MeetingDetail = Awaited<ReturnType<typeof loadMeetingDetail>>;

/**
 * The body's action list as this meeting sees it: everything raised up to this meeting that is
 * still open, plus what was closed at this meeting.
 */
async function carriedActions(db: Db, meeting: Meeting) {
  const raisedIn = alias(meetings, 'raised_in');
  return db
    .select({ action: meetingActions, raisedAt: raisedIn.startsAt })
    .from(meetingActions)
    .innerJoin(raisedIn, eq(raisedIn.id, meetingActions.raisedInMeetingId))
    .where(
      and(
        eq(meetingActions.bodyId, meeting.bodyId),
        lte(raisedIn.startsAt, meeting.startsAt),
        or(eq(meetingActions.state, 'open'), eq(meetingActions.doneInMeetingId, meeting.id)),
      ),
    )
    .orderBy(asc(raisedIn.startsAt), asc(meetingActions.createdAt));
}

/** The decision list: public decisions for everyone, all decisions of the bodies the reader may see. */
export async function listDecisions(db: Db, programmeId: string, internalBodyIds: string[]) {
  // The public sees a public decision once it is in force; the body's readers see every one, with its status.
  const publicInForce = and(eq(decisions.public, true), decisionInForce());
  const visible = internalBodyIds.length > 0 ? or(publicInForce, inArray(meetings.bodyId, internalBodyIds)) : publicInForce;
  return db
    .select({ decision: decisions, meetingId: meetings.id, startsAt: meetings.startsAt, bodyKind: bodies.kind, bodyName: bodies.name })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(decisions.programmeId, programmeId), visible))
    .orderBy(desc(meetings.startsAt), asc(decisions.createdAt))
    .limit(200);
}

/** The corrections appended to approved minutes, oldest first. */
export async function listMinutesNotes(db: Db, meetingId: string) {
  return db.select().from(minutesNotes).where(eq(minutesNotes.meetingId, meetingId)).orderBy(asc(minutesNotes.createdAt), asc(minutesNotes.id));
}

/** Who last changed a record and when (its newest audit row of these actions), for a stale save. */
export async function lastChange(db: Db, objectType: string, objectId: string, actions: string[]) {
  const [row] = await db
    .select({ actorLabel: auditEvents.actorLabel, at: auditEvents.at })
    .from(auditEvents)
    .where(and(eq(auditEvents.objectType, objectType), eq(auditEvents.objectId, objectId), inArray(auditEvents.action, actions)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row ?? null;
}

/** The start of the meeting that approved these minutes, when one did. */
export async function approvingMeeting(db: Db, meeting: Meeting) {
  if (!meeting.minutesApprovedInMeetingId) return null;
  const [row] = await db.select({ id: meetings.id, startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.id, meeting.minutesApprovedInMeetingId));
  return row ?? null;
}
