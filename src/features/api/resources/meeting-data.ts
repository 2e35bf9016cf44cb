// The API's edge onto the meetings commands. The API takes UTC instants; the commands read the
// planning form's fields (an Amsterdam date, start and end time, place and link). This converts
// one into the other, and the commands' field problems back into the API's body fields, so a
// meeting is planned and changed by the same command whichever way it comes in.
import type { FieldErrors, FormBody } from '../../meetings/forms.ts';
import { fromAmsterdam, toAmsterdam } from '../../../domain/meeting-time.ts';
import { registerMessages } from '../../../web/i18n.ts';
import { HttpError } from '../../../web/http.ts';
import type { Meeting } from '../../meetings/queries.ts';
import type { MeetingState } from '../../meetings/tables.ts';

registerMessages({
  nl: {
    'api.invalid.meetingSameDay': 'Een vergadering eindigt op de dag waarop ze begint (Amsterdamse tijd).',
    'api.invalid.wholeMinutes': 'Geef tijden in hele minuten.',
  },
  en: {
    'api.invalid.meetingSameDay': 'A meeting ends on the day it starts (Amsterdam time).',
    'api.invalid.wholeMinutes': 'Give times in whole minutes.',
  },
});

export interface MeetingInput {
  startsAt?: string;
  endsAt?: string;
  location?: string;
  onlineUrl?: string | null;
  state?: MeetingState;
}

type Problem = { field: string; messageKey: string; text: string };

function refuse(problems: Problem[]): never {
  throw new HttpError(400, 'error.badRequest', problems.map((p) => `${p.field}: ${p.text}`).join('; '), problems.map(({ field, messageKey }) => ({ field, messageKey })));
}

/** The planning form's fields for a schedule in UTC instants, merged over the current meeting. */
export function meetingForm(values: MeetingInput, current?: Meeting): FormBody {
  const startsAt = values.startsAt !== undefined ? new Date(values.startsAt) : current!.startsAt;
  const endsAt = values.endsAt !== undefined ? new Date(values.endsAt) : current!.endsAt;
  const start = toAmsterdam(startsAt);
  const end = toAmsterdam(endsAt);
  const problems: Problem[] = [];
  // The form knows minutes only: an instant with seconds (or in the repeated autumn hour) has no form.
  if (fromAmsterdam(start.date, start.time)?.getTime() !== startsAt.getTime()) problems.push({ field: 'body.startsAt', messageKey: 'api.invalid.wholeMinutes', text: 'give a whole minute' });
  if (fromAmsterdam(end.date, end.time)?.getTime() !== endsAt.getTime()) problems.push({ field: 'body.endsAt', messageKey: 'api.invalid.wholeMinutes', text: 'give a whole minute' });
  else if (endsAt <= startsAt) problems.push({ field: 'body.endsAt', messageKey: 'meetings.error.endBeforeStart', text: 'the meeting must end after it starts' });
  else if (end.date !== start.date) problems.push({ field: 'body.endsAt', messageKey: 'api.invalid.meetingSameDay', text: 'a meeting ends on the day it starts (Amsterdam time)' });
  const location = values.location ?? current?.location ?? '';
  const onlineUrl = values.onlineUrl !== undefined ? values.onlineUrl : (current?.onlineUrl ?? null);
  if (!location.trim() && !onlineUrl?.trim()) problems.push({ field: 'body.location', messageKey: 'meetings.error.placeOrLink', text: 'give a location or an online link' });
  if (problems.length > 0) refuse(problems);
  return { date: start.date, startTime: start.time, endTime: end.time, location, onlineUrl: onlineUrl ?? '', state: values.state ?? current?.state ?? 'planned' };
}

const BODY_FIELD: Record<string, string> = { date: 'body.startsAt', startTime: 'body.startsAt', endTime: 'body.endsAt', location: 'body.location', onlineUrl: 'body.onlineUrl', state: 'body.state' };

/** A command's field problems as the API's invalid body fields. */
export function refuseFieldErrors(errors: FieldErrors): never {
  refuse(Object.entries(errors).map(([name, messageKey]) => ({ field: BODY_FIELD[name] ?? `body.${name}`, messageKey, text: messageKey })));
}
