// Meeting invitations: the coordinator presses "send invitations" on a meeting page; every member
// of the body with an account gets a mail in their own language with the meeting's .ics attached
// (METHOD:REQUEST, or CANCEL for a cancelled meeting; the UID of the body's calendar feed, so a
// later mail updates the same calendar entry). Each send is recorded in the outbox under the
// meeting's version: pressing again sends nothing new until the meeting changes (its SEQUENCE goes up).
import { and, desc, eq, isNull, like, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bodies, people, users } from '../../db/schema.ts';
import { resolveText } from '../../domain/localized.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { formatDate, formatDateTime, translate } from '../../web/i18n.ts';
import { recordAudit } from '../../db/audit.ts';
import { done, type Outcome } from '../../domain/outcome.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize } from '../../policies.ts';
import { meetingCalendar } from '../meetings/ics.ts';
import '../meetings/messages.ts';
import { bodyMemberships, meetings } from '../meetings/tables.ts';
import { defaultFrom, mailAddress, type Mailer } from './mail.ts';
import { delivered, sendToUser } from './notify.ts';
import { mailOutbox, mailPreferences } from './tables.ts';

type Meeting = typeof meetings.$inferSelect;
type Body = typeof bodies.$inferSelect;

export interface InvitationResult {
  /** Handed over: sent by mail, or kept in the outbox when no mail server is configured. */
  sent: number;
  /** Of those sent, kept in the outbox (no SMTP_URL): not delivered yet. */
  queued: number;
  /** Members who switched invitations off, or already had this version. */
  skipped: number;
  failed: number;
  /** Members who cannot be invited (no linked account, no e-mail address, a disabled account). */
  withoutAccount: string[];
}

/** Why a member will not receive the invitation; null when they will. */
export type NotInvitedReason = 'noAccount' | 'noEmail' | 'disabled' | 'off';

type MemberRow = Awaited<ReturnType<typeof activeMembers>>[number];

/** A member who cannot be reached at all: not linked to an account (with or without an address on their record), or a disabled account. */
function unreachable(member: MemberRow): Exclude<NotInvitedReason, 'off'> | null {
  if (!member.userId) return member.personEmail ? 'noAccount' : 'noEmail';
  if (!member.email) return 'noEmail';
  if (member.disabledAt) return 'disabled';
  return null;
}

const runPrefix = (meetingId: string) => `meeting:${meetingId}:v`;

async function activeMembers(db: Db, bodyId: string) {
  return db
    .select({ personId: people.id, personName: people.name, personEmail: people.email, userId: users.id, email: users.email, name: users.displayName, locale: users.locale, disabledAt: users.disabledAt })
    .from(bodyMemberships)
    .innerJoin(people, eq(people.id, bodyMemberships.personId))
    .leftJoin(users, eq(users.id, people.userId))
    .where(and(eq(bodyMemberships.bodyId, bodyId), isNull(bodyMemberships.endsOn)));
}

export async function sendInvitations(input: {
  actor: Actor | null;
  db: Db;
  mailer: Mailer;
  meeting: Meeting;
  body: Body;
  programmeSlug: string;
  baseUrl: string;
  from?: string;
}): Promise<Outcome<InvitationResult>> {
  authorize(input.actor, 'meeting.sendInvitations');
  const { db, mailer, meeting, body, baseUrl } = input;
  const organizer = { name: 'Kennisstad', email: mailAddress(input.from ?? defaultFrom()) };
  const cancelled = meeting.state === 'cancelled';
  const result: InvitationResult = { sent: 0, queued: 0, skipped: 0, failed: 0, withoutAccount: [] };
  const seen = new Set<string>();
  for (const member of await activeMembers(db, body.id)) {
    if (unreachable(member)) {
      result.withoutAccount.push(member.personName);
      continue;
    }
    if (seen.has(member.userId!)) continue;
    seen.add(member.userId!);
    const outcome = await sendToUser(db, mailer, {
      recipient: { userId: member.userId!, email: member.email!, name: member.name!, locale: member.locale! },
      kind: 'invitations',
      programmeId: meeting.programmeId,
      baseUrl,
      runKey: `${runPrefix(meeting.id)}${meeting.sequence}`,
      compose: (l) => {
        const bodyName = resolveText(body.name, l).text;
        const title = translate(l, 'meetings.meeting.title', { body: bodyName, date: formatDate(l, toAmsterdam(meeting.startsAt).date) });
        const subjectKey = cancelled ? 'mail.invitation.cancelled' : meeting.sequence > 0 ? 'mail.invitation.update' : 'mail.invitation.subject';
        const introKey = cancelled ? 'mail.invitation.introCancelled' : meeting.sequence > 0 ? 'mail.invitation.introUpdate' : 'mail.invitation.intro';
        const ics = meetingCalendar({
          baseUrl,
          locale: l,
          programmeSlug: input.programmeSlug,
          bodyName: body.name,
          meetings: [meeting],
          now: new Date(),
          invitation: { method: cancelled ? 'CANCEL' : 'REQUEST', organizer, attendee: { name: member.name!, email: member.email! } },
        });
        return {
          subject: translate(l, subjectKey, { title }),
          lines: [
            translate(l, introKey),
            '',
            translate(l, 'mail.invitation.when', { when: `${formatDateTime(l, meeting.startsAt)} – ${toAmsterdam(meeting.endsAt).time}` }),
            ...(meeting.location ? [translate(l, 'mail.invitation.where', { where: meeting.location })] : []),
            ...(meeting.onlineUrl ? [translate(l, 'mail.invitation.online', { url: meeting.onlineUrl })] : []),
            '',
            translate(l, 'mail.invitation.page'),
            `${baseUrl}/${l}/${input.programmeSlug}/meetings/${meeting.id}`,
          ],
          calendar: { method: cancelled ? 'CANCEL' : 'REQUEST', content: ics },
        };
      },
    });
    if (outcome === 'outbox') result.queued++;
    if (delivered(outcome)) result.sent++;
    else if (outcome === 'failed') result.failed++;
    else result.skipped++;
  }
  await recordAudit(db, {
    actor: input.actor,
    programmeId: meeting.programmeId,
    action: 'meeting.invitations.send',
    objectType: 'meeting',
    objectId: meeting.id,
    after: { sequence: meeting.sequence, sent: result.sent, queued: result.queued, skipped: result.skipped, failed: result.failed, withoutAccount: result.withoutAccount.length },
  });
  return done(result);
}

export interface InvitationStatus {
  /** When invitations were last handed over, and for which version of the meeting; null = never. */
  lastSentAt: Date | null;
  sentSequence: number | null;
  recipients: number;
  /** Members who cannot be invited: no account, or a disabled one. */
  withoutAccount: string[];
  /** Every active member, and why they will not receive the next invitation (null: they will). */
  members: { personId: string; name: string; reason: NotInvitedReason | null }[];
}

/** What the meeting page shows next to the "send invitations" button. */
export async function invitationStatus(db: Db, meeting: Meeting): Promise<InvitationStatus> {
  const active = await activeMembers(db, meeting.bodyId);
  // One query for everyone's choice; no stored choice means the default (invitations on), as sendToUser reads it.
  const userIds = active.flatMap((m) => (m.userId ? [m.userId] : []));
  const optedOut = new Set(
    userIds.length === 0
      ? []
      : (await db.select({ userId: mailPreferences.userId }).from(mailPreferences).where(and(inArray(mailPreferences.userId, userIds), eq(mailPreferences.meetingInvitations, false)))).map((r) => r.userId),
  );
  const members: InvitationStatus['members'] = active.map((member) => ({
    personId: member.personId,
    name: member.personName,
    reason: unreachable(member) ?? (optedOut.has(member.userId!) ? 'off' : null),
  }));
  const withoutAccount = active.filter((m) => unreachable(m)).map((m) => m.personName);
  const rows = await db
    .select({ dedupeKey: mailOutbox.dedupeKey, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .where(and(like(mailOutbox.dedupeKey, `${runPrefix(meeting.id)}%`), inArray(mailOutbox.delivery, ['smtp', 'outbox'])))
    .orderBy(desc(mailOutbox.createdAt));
  if (rows.length === 0) return { lastSentAt: null, sentSequence: null, recipients: 0, withoutAccount, members };
  const sequenceOf = (key: string | null) => Number(/:v(\d+):/.exec(key ?? '')?.[1] ?? -1);
  const sentSequence = Math.max(...rows.map((r) => sequenceOf(r.dedupeKey)));
  const latest = rows.filter((r) => sequenceOf(r.dedupeKey) === sentSequence);
  return { lastSentAt: latest[0]!.createdAt, sentSequence, recipients: latest.length, withoutAccount, members };
}

/** The outcome of a send, carried in the address of the page the coordinator returns to. */
export type InvitationReport = Pick<InvitationResult, 'sent' | 'queued' | 'skipped' | 'failed'> & { unreachable: number };

export function reportQuery(result: InvitationResult): string {
  return `${result.sent}-${result.queued}-${result.skipped}-${result.failed}-${result.withoutAccount.length}`;
}

export function readReport(value: unknown): InvitationReport | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{1,4})-(\d{1,4})-(\d{1,4})-(\d{1,4})-(\d{1,4})$/.exec(value);
  if (!match) return null;
  const [sent, queued, skipped, failed, unreachableCount] = match.slice(1).map(Number) as [number, number, number, number, number];
  return { sent, queued, skipped, failed, unreachable: unreachableCount };
}
