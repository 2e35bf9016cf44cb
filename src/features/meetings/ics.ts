// Calendars for a body's meetings (RFC 5545). Times are written in UTC ("...Z"), which every
// client converts to its own zone; no floating times and no VTIMEZONE needed. DTSTAMP is UTC too.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import type { Meeting } from './queries.ts';

export interface CalendarInput {
  /** Absolute base URL of the site, for links back and stable UIDs. */
  baseUrl: string;
  locale: Locale;
  programmeSlug: string;
  bodyName: LocalizedText;
  meetings: Meeting[];
  now?: Date;
  /** An invitation mailed to one member (RFC 5546 iTIP): same UID as the feed, so it updates the entry. */
  invitation?: { method: 'REQUEST' | 'CANCEL'; organizer: { name: string; email: string }; attendee: { name: string; email: string } };
}

export function meetingCalendar(input: CalendarInput): string {
  const bodyName = resolveText(input.bodyName, input.locale).text;
  const host = new URL(input.baseUrl).hostname || 'kennisstad';
  const calendar = ical({ name: bodyName, prodId: { company: 'Kennisstad', product: 'meetings', language: input.locale.toUpperCase() } });
  const invitation = input.invitation;
  if (invitation) calendar.method(ICalCalendarMethod[invitation.method]);
  for (const meeting of input.meetings) {
    const url = `${input.baseUrl}/${input.locale}/${input.programmeSlug}/meetings/${meeting.id}`;
    calendar.createEvent({
      id: `meeting-${meeting.id}@${host}`,
      sequence: meeting.sequence,
      stamp: input.now ?? meeting.updatedAt,
      start: meeting.startsAt,
      end: meeting.endsAt,
      summary: bodyName,
      location: meeting.location || meeting.onlineUrl || undefined,
      description: [meeting.onlineUrl, url].filter(Boolean).join('\n'),
      url,
      status: meeting.state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(invitation && { organizer: invitation.organizer, attendees: [{ ...invitation.attendee, rsvp: true }] }),
    });
  }
  return calendar.toString();
}
