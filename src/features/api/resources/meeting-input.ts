// What the API takes to plan and change a meeting, and how it reaches the same commands as the
// planning form. The API speaks UTC instants; the commands take the schedule as the form has it
// (an Amsterdam date, start and end time, a place or a link: src/features/meetings/schema.ts). An
// instant converts to that schedule when it is a whole minute and the meeting stays on one
// Amsterdam day, which is all a meeting planned on the form can be. Problems come back as the
// API's body fields.
import { Type, type Static } from 'typebox';
import { BODY_KINDS } from '../../../db/schema.ts';
import { fromAmsterdam, toAmsterdam } from '../../../domain/meeting-time.ts';
import { hasErrors, refused, done, type FieldErrors, type Outcome } from '../../../domain/outcome.ts';
import { field, LIMITS } from '../../../web/forms.ts';
import { HttpError } from '../../../web/http.ts';
import { registerMessages } from '../../../web/i18n.ts';
import type { Meeting } from '../../meetings/queries.ts';
import type { MeetingChange } from '../../meetings/schema.ts';
import { MEETING_STATES } from '../../meetings/tables.ts';
import { DateTimeSchema, Nullable, StringEnum } from '../schemas.ts';

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

// An empty location is allowed here (a PATCH clears the place of a meeting that moves online).
const location = Type.String({ maxLength: LIMITS.line, description: 'Where the meeting is held.' });
const onlineUrl = Nullable(Type.Unsafe<string>({ ...field.url(), description: 'A http(s) link to join online.' }));

export const MeetingCreate = Type.Object(
  {
    body: StringEnum(BODY_KINDS, { description: 'The body that meets.' }),
    startsAt: DateTimeSchema,
    endsAt: DateTimeSchema,
    location: Type.Optional(location),
    onlineUrl: Type.Optional(onlineUrl),
  },
  { additionalProperties: false, description: 'A place, a link or both.' },
);
export type MeetingCreate = Static<typeof MeetingCreate>;

export const MeetingPatch = Type.Object(
  {
    startsAt: Type.Optional(DateTimeSchema),
    endsAt: Type.Optional(DateTimeSchema),
    location: Type.Optional(location),
    onlineUrl: Type.Optional(onlineUrl),
    state: Type.Optional(StringEnum(MEETING_STATES)),
  },
  { additionalProperties: false, minProperties: 1, description: 'The fields to change.' },
);
export type MeetingPatch = Static<typeof MeetingPatch>;

/**
 * The schedule and state the commands take, from the API's values merged over the current meeting
 * (when changing one). Refusals name the API's fields.
 */
export function meetingChange(values: MeetingPatch, current?: Meeting): Outcome<MeetingChange> {
  const startsAt = values.startsAt !== undefined ? new Date(values.startsAt) : current!.startsAt;
  const endsAt = values.endsAt !== undefined ? new Date(values.endsAt) : current!.endsAt;
  const start = toAmsterdam(startsAt);
  const end = toAmsterdam(endsAt);
  const errors: FieldErrors = {};
  // The form knows minutes only: an instant with seconds (or in the repeated autumn hour) has no form.
  if (fromAmsterdam(start.date, start.time)?.getTime() !== startsAt.getTime()) errors.startsAt = { key: 'api.invalid.wholeMinutes' };
  if (fromAmsterdam(end.date, end.time)?.getTime() !== endsAt.getTime()) errors.endsAt = { key: 'api.invalid.wholeMinutes' };
  else if (endsAt <= startsAt) errors.endsAt = { key: 'meetings.error.endBeforeStart' };
  else if (end.date !== start.date) errors.endsAt = { key: 'api.invalid.meetingSameDay' };
  const place = (values.location ?? current?.location ?? '').trim();
  const link = (values.onlineUrl !== undefined ? values.onlineUrl : (current?.onlineUrl ?? null))?.trim() || undefined;
  if (!place && !link) errors.location = { key: 'meetings.error.placeOrLink' };
  if (hasErrors(errors)) return refused(errors);
  return done({
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    ...(place ? { location: place } : {}),
    ...(link ? { onlineUrl: link } : {}),
    state: values.state ?? current?.state ?? 'planned',
  });
}

/** Where the schedule's form fields are in the API's body. */
const BODY_FIELD: Record<string, string> = { date: 'startsAt', startTime: 'startsAt', endTime: 'endsAt' };

/** A refusal as problem+json: 400 with each problem at its body field. */
export function refuseInvalid(errors: FieldErrors): never {
  const problems = Object.entries(errors).map(([name, error]) => ({ field: `body.${BODY_FIELD[name] ?? name}`, messageKey: error.key }));
  throw new HttpError(400, 'error.badRequest', problems.map((p) => `${p.field}: ${p.messageKey}`).join('; '), problems);
}
