// What the annual agenda forms take, declared once (src/web/forms.ts).
import { field, Type, type Static } from '../../web/forms.ts';

const year = () => field.integer({ minimum: 2000, maximum: 2100 });

/** A new draft for one year or a span of years, from the portfolio or from an earlier agenda. */
export const AgendaCreateInput = Type.Object({
  startYear: year(),
  /** Empty for a single year. */
  endYear: Type.Optional(year()),
  /** The earlier agenda to carry forward (its unfinished actions). */
  basedOn: Type.Optional(field.uuid()),
});
export type AgendaCreateInput = Static<typeof AgendaCreateInput>;

/** A step to the next state; adopting names the executive decision that adopted the agenda. */
export const AdvanceInput = Type.Object({ decision: Type.Optional(field.uuid()) });
export type AdvanceInput = Static<typeof AdvanceInput>;
