// What the meetings forms and the API take, declared once (src/web/forms.ts): the limits here are
// the pages' maxlength, the checks on a posted form or JSON body, and the API's schema.
import { field, LIMITS, Type, type Static } from '../../web/forms.ts';
import { AGENDA_ITEM_KINDS, DECISION_OUTCOMES, MEETING_STATES, MEMBER_POSITIONS } from './tables.ts';

export const MemberInput = Type.Object({
  name: field.text(LIMITS.name),
  /** The organisation's slug; empty for someone without one. */
  organisation: Type.Optional(field.text(LIMITS.name)),
  position: field.choice(MEMBER_POSITIONS),
  startsOn: field.date(),
  /** The membership this one takes over (its seat ends on startsOn). */
  replaces: Type.Optional(field.uuid()),
});
export type MemberInput = Static<typeof MemberInput>;

export const LeaveInput = Type.Object({ endsOn: field.date() });
export type LeaveInput = Static<typeof LeaveInput>;

/** A meeting's schedule as the planning form has it: a day and times in Amsterdam, a place or a link. */
export const ScheduleInput = Type.Object({
  date: field.date(),
  startTime: field.time(),
  endTime: field.time(),
  location: Type.Optional(field.text(LIMITS.line)),
  onlineUrl: Type.Optional(field.url()),
});
export type ScheduleInput = Static<typeof ScheduleInput>;

export const MeetingStateInput = Type.Object({ state: field.choice(MEETING_STATES) });
export type MeetingStateInput = Static<typeof MeetingStateInput>;

/** Rescheduling on the meeting's page: the new schedule, from the sequence the page showed. */
export const RescheduleInput = Type.Object({ sequence: field.integer(), ...ScheduleInput.properties });
export type RescheduleInput = Static<typeof RescheduleInput>;

/** Cancelling on the meeting's page: always with a reason, from the sequence the page showed. */
export const CancelInput = Type.Object({ sequence: field.integer(), reason: field.text(LIMITS.line) });
export type CancelInput = Static<typeof CancelInput>;

/** A schedule with its state: what the API's PATCH changes. */
export type MeetingChange = ScheduleInput & MeetingStateInput;

/** The minutes and the version of them the form was opened at (a stale save is refused, nothing lost). */
export const MinutesInput = Type.Object({ minutes: field.localized(LIMITS.minutes, { required: true, multiline: true }), version: field.version() });
export type MinutesInput = Static<typeof MinutesInput>;

export const AgendaItemInput = Type.Object({
  title: field.localized(LIMITS.line, { required: true }),
  kind: field.choice(AGENDA_ITEM_KINDS),
  notes: Type.Optional(field.localized(LIMITS.text, { multiline: true })),
  /** Codes of the projects the item is about. */
  projects: Type.Optional(field.list(field.text(LIMITS.name), 50)),
});
export type AgendaItemInput = Static<typeof AgendaItemInput>;

/** Moving an item one place; without a direction it moves up (the page's first button). */
export const MoveInput = Type.Object({ direction: Type.Optional(field.choice(['up', 'down'] as const)) });
export type MoveInput = Static<typeof MoveInput>;

export const DocumentInput = Type.Object({
  docTitle: field.localized(LIMITS.line, { required: true }),
  url: field.url(),
});
export type DocumentInput = Static<typeof DocumentInput>;

export const ProposalInput = Type.Object({
  title: field.localized(LIMITS.line, { required: true }),
  text: field.localized(LIMITS.text, { required: true, multiline: true }),
  /** The later executive meeting that decides. */
  forMeeting: field.uuid(),
});
export type ProposalInput = Static<typeof ProposalInput>;

export const DecisionInput = Type.Object({
  /** The agenda item decided on, if any. */
  item: Type.Optional(field.uuid()),
  text: field.localized(LIMITS.text, { required: true, multiline: true }),
  outcome: field.choice(DECISION_OUTCOMES),
  public: Type.Optional(field.choice(['yes', 'no'] as const)),
});
export type DecisionInput = Static<typeof DecisionInput>;

/** Who of the body's members attended (membership ids) and who sent apologies. */
export const AttendanceInput = Type.Object({
  present: Type.Optional(field.list(field.uuid(), 100)),
  apologies: Type.Optional(field.list(field.uuid(), 100)),
});
export type AttendanceInput = Static<typeof AttendanceInput>;

/** Why a decision is withdrawn (kept in the audit log). */
export const WithdrawInput = Type.Object({ reason: field.text(LIMITS.line) });
export type WithdrawInput = Static<typeof WithdrawInput>;

export const ActionInput = Type.Object({
  description: field.localized(LIMITS.text, { required: true }),
  owner: field.text(LIMITS.name),
  dueOn: Type.Optional(field.date()),
});
export type ActionInput = Static<typeof ActionInput>;

/** A change to an agenda item, from the version the form was opened at (its linked projects stay). */
export const AgendaItemEdit = Type.Object({
  version: field.version(),
  title: field.localized(LIMITS.line, { required: true }),
  kind: field.choice(AGENDA_ITEM_KINDS),
  notes: Type.Optional(field.localized(LIMITS.text, { multiline: true })),
});
export type AgendaItemEdit = Static<typeof AgendaItemEdit>;

/** A change to a recorded decision, from the version the form was opened at. */
export const DecisionEdit = Type.Object({ version: field.version(), ...DecisionInput.properties });
export type DecisionEdit = Static<typeof DecisionEdit>;

/** A correction to approved minutes: appended as a note. */
export const NoteInput = Type.Object({ note: field.localized(LIMITS.text, { required: true, multiline: true }) });
export type NoteInput = Static<typeof NoteInput>;

/** How minutes are approved: at the body's next meeting (default) or made final by the secretary. */
export const MINUTES_APPROVALS = ['nextMeeting', 'secretary'] as const;
export const MinutesSettingInput = Type.Object({ approval: field.choice(MINUTES_APPROVALS) });
export type MinutesSettingInput = Static<typeof MinutesSettingInput>;
