// What the meetings forms and the API take, declared once (src/web/forms.ts): the limits here are
// the pages' maxlength, the checks on a posted form or JSON body, and the API's schema.
import { field, LIMITS, Type, type Static } from '../../web/forms.ts';
import { MEMBER_POSITIONS } from './tables.ts';

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
