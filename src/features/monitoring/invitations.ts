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
import { mailOutbox } from './tables.ts';

type Meeting = typeof meetings.$inferSelect;
type Body = typeof bodies.$inferSelect;

export interface InvitationResult {
  sent: number;
  /** Members who switched invitations off, or already had this version. */
  skipped: number;
  failed: number;
  /** Members without an account (no address or language to send to). */
  withoutAccount: string[];
}

const runPrefix = (meetingId: string) => `meeting:${meetingId}:v`;

async function activeMembers(db: Db, bodyId: string) {
  return db
    .select({ personName: people.name, userId: users.id, email: users.email, name: users.displayName, locale: users.locale, disabledAt: users.disabledAt })
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
  const result: InvitationResult = { sent: 0, skipped: 0, failed: 0, withoutAccount: [] };
  const seen = new Set<string>();
  for (const member of await activeMembers(db, body.id)) {
    if (!invitable(member)) {
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
    after: { sequence: meeting.sequence, sent: result.sent, skipped: result.skipped, failed: result.failed, withoutAccount: result.withoutAccount.length },
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
}

const invitable = (member: { userId: string | null; email: string | null; disabledAt: Date | null }) => !!member.userId && !!member.email && !member.disabledAt;

/** What the meeting page shows next to the "send invitations" button. */
export async function invitationStatus(db: Db, meeting: Meeting): Promise<InvitationStatus> {
  const withoutAccount = (await activeMembers(db, meeting.bodyId)).filter((m) => !invitable(m)).map((m) => m.personName);
  const rows = await db
    .select({ dedupeKey: mailOutbox.dedupeKey, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .where(and(like(mailOutbox.dedupeKey, `${runPrefix(meeting.id)}%`), inArray(mailOutbox.delivery, ['smtp', 'outbox'])))
    .orderBy(desc(mailOutbox.createdAt));
  if (rows.length === 0) return { lastSentAt: null, sentSequence: null, recipients: 0, withoutAccount };
  const sequenceOf = (key: string | null) => Number(/:v(\d+):/.exec(key ?? '')?.[1] ?? -1);
  const sentSequence = Math.max(...rows.map((r) => sequenceOf(r.dedupeKey)));
  const latest = rows.filter((r) => sequenceOf(r.dedupeKey) === sentSequence);
  return { lastSentAt: latest[0]!.createdAt, sentSequence, recipients: latest.length, withoutAccount };
}
