// A member's private calendar feed (RFC 5545 over a secret address): the meetings of every body
// the member may see inside, each with its agenda, for a calendar program that subscribes without
// signing in. The address holds a random token stored only as a hash; making a new one revokes the
// old, and the member can revoke it outright. Who sees which body is the meetings policy's rule.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { bodies, roleAssignments, users } from '../../db/schema.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize, can } from '../../policies.ts';
import { hashToken, isTokenShape, newToken } from '../accounts/tokens.ts';
import { bodyRef } from './queries.ts';
import { agendaItems, calendarFeeds, meetings } from './tables.ts';

/** Whether the actor has a current feed (the address itself is shown only when it is made). */
export async function hasCalendarFeed(db: Db, programmeId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: calendarFeeds.id })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.programmeId, programmeId), eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  return !!row;
}

/** Makes a new secret address for the actor, revoking the one they had; returns the token once. */
export async function renewCalendarFeed(db: Db, actor: Actor, programmeId: string): Promise<string> {
  authorize(actor, 'calendar.subscribe');
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx.update(calendarFeeds).set({ revokedAt: new Date() }).where(and(eq(calendarFeeds.programmeId, programmeId), eq(calendarFeeds.userId, actor.userId), isNull(calendarFeeds.revokedAt)));
    const [row] = await tx.insert(calendarFeeds).values({ programmeId, userId: actor.userId, tokenHash: hashToken(token) }).returning({ id: calendarFeeds.id });
    await recordAudit(tx, { actor, programmeId, action: 'calendar.renew', objectType: 'calendar_feed', objectId: row!.id });
  });
  return token;
}

export async function revokeCalendarFeed(db: Db, actor: Actor, programmeId: string): Promise<boolean> {
  authorize(actor, 'calendar.subscribe');
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.programmeId, programmeId), eq(calendarFeeds.userId, actor.userId), isNull(calendarFeeds.revokedAt)))
      .returning({ id: calendarFeeds.id });
    for (const row of revoked) await recordAudit(tx, { actor, programmeId, action: 'calendar.revoke', objectType: 'calendar_feed', objectId: row.id });
    return revoked.length > 0;
  });
}

export interface FeedMeeting {
  meeting: typeof meetings.$inferSelect;
  bodyName: LocalizedText;
  agenda: LocalizedText[];
}

/**
 * The feed behind a token: its owner as an actor of the programme (their roles today, so a member
 * who left a body no longer gets its meetings) and the meetings of the bodies they see inside.
 * Null for an unknown or revoked token, or an account that was disabled.
 */
export async function calendarFeedFor(db: Db, token: string): Promise<{ programmeId: string; meetings: FeedMeeting[] } | null> {
  if (!isTokenShape(token)) return null;
  const [feed] = await db
    .select({ programmeId: calendarFeeds.programmeId, userId: calendarFeeds.userId, displayName: users.displayName, disabledAt: users.disabledAt })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed || feed.disabledAt) return null;
  const assignments = await db
    .select({ role: roleAssignments.role, projectId: roleAssignments.projectId, organisationId: roleAssignments.organisationId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, feed.userId), eq(roleAssignments.programmeId, feed.programmeId)));
  const actor: Actor = { userId: feed.userId, displayName: feed.displayName, programmeId: feed.programmeId, assignments };
  const programmeBodies = await db.select().from(bodies).where(eq(bodies.programmeId, feed.programmeId));
  const seen = [];
  for (const body of programmeBodies) if (can(actor, 'body.viewInternal', await bodyRef(db, body))) seen.push(body);
  if (seen.length === 0) return { programmeId: feed.programmeId, meetings: [] };
  const rows = await db.select().from(meetings).where(inArray(meetings.bodyId, seen.map((b) => b.id))).orderBy(asc(meetings.startsAt));
  const items = rows.length
    ? await db
        .select({ meetingId: agendaItems.meetingId, title: agendaItems.title })
        .from(agendaItems)
        .where(and(inArray(agendaItems.meetingId, rows.map((m) => m.id)), isNull(agendaItems.withdrawnAt)))
        .orderBy(asc(agendaItems.position))
    : [];
  const nameOf = new Map(seen.map((b) => [b.id, b.name]));
  return {
    programmeId: feed.programmeId,
    meetings: rows.map((meeting) => ({ meeting, bodyName: nameOf.get(meeting.bodyId)!, agenda: items.filter((i) => i.meetingId === meeting.id).map((i) => i.title) })),
  };
}
