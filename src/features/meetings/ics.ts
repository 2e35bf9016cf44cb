// Calendars for a body's meetings (RFC 5545). Times are written in UTC ("...Z"), which every
// client converts to its own zone; no floating times and no VTIMEZONE needed. DTSTAMP is UTC too.
// UIDs are the meeting's id with a fixed domain part, so they survive a move of the site to
// another address. Feeds ask calendars to refresh every hour.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import type { Meeting } from './queries.ts';

export interface CalendarInput {
  /** Absolute base URL of the site, for links back and stable UIDs. */
  baseUrl: string;
  /** Seconds a subscribed calendar may keep the feed before fetching it again (feeds, not invitations). */
  refreshSeconds?: number;
  locale: Locale;
  programmeSlug: string;
  bodyName: LocalizedText;
  meetings: Meeting[];
  now?: Date;
  /** A member's private feed: each meeting's own body and its agenda (not in the public feeds). */
  details?: ReadonlyMap<string, { bodyName: LocalizedText; agenda: LocalizedText[] }>;
  /** The calendar's name when it is not one body's. */
  calendarName?: string;
  /** An invitation mailed to one member (RFC 5546 iTIP): same UID as the feed, so it updates the entry. */
  invitation?: { method: 'REQUEST' | 'CANCEL'; organizer: { name: string; email: string }; attendee: { name: string; email: string } };
}

export function meetingCalendar(input: CalendarInput): string {
  const bodyName = resolveText(input.bodyName, input.locale).text;
  const calendar = ical({ name: input.calendarName ?? bodyName, prodId: { company: 'Kennisstad', product: 'meetings', language: input.locale.toUpperCase() } });
  if (input.refreshSeconds) calendar.ttl(input.refreshSeconds);
  const invitation = input.invitation;
  if (invitation) calendar.method(ICalCalendarMethod[invitation.method]);
  for (const meeting of input.meetings) {
    const url = `${input.baseUrl}/${input.locale}/${input.programmeSlug}/meetings/${meeting.id}`;
    const detail = input.details?.get(meeting.id);
    const agenda = (detail?.agenda ?? []).map((title, index) => `${index + 1}. ${resolveText(title, input.locale).text}`);
    calendar.createEvent({
      id: `meeting-${meeting.id}@kennisstad`,
      sequence: meeting.sequence,
      stamp: input.now ?? meeting.updatedAt,
      start: meeting.startsAt,
      end: meeting.endsAt,
      summary: detail ? resolveText(detail.bodyName, input.locale).text : bodyName,
      location: meeting.location || meeting.onlineUrl || undefined,
      description: [meeting.onlineUrl, ...agenda, url].filter(Boolean).join('\n'),
      url,
      status: meeting.state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // The organizer is the sending address, which takes no replies: no RSVP is asked for.
      ...(invitation && { organizer: invitation.organizer, attendees: [{ ...invitation.attendee, rsvp: false }] }),
    });
  }
  return calendar.toString();
}
