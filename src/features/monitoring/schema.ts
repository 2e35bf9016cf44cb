// What the monitoring forms and the API take, declared once (src/web/forms.ts): the limits here
// are the pages' maxlength, the checks on a posted form or JSON body, and the API's schema.
import { LOCALES } from '../../domain/localized.ts';
import { field, LIMITS, Type, type Static, type TextReading } from '../../web/forms.ts';
import { REPORT_STATUSES } from './tables.ts';

/** The largest figure a measurement holds, either way. */
const MAX_VALUE = 1e12;

/**
 * A measured figure as typed: a comma or a point is the decimal separator ("12,5", "1.250" is
 * 1.25: figures are read as written, never with guessed thousands), up to four decimals.
 */
function readFigure(text: string): TextReading<number> {
  const normal = text.replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d{1,12}(\.\d{1,4})?$/.test(normal)) return { ok: false, error: { key: 'monitoring.error.number' } };
  return { ok: true, value: Number(normal) };
}

export const MeasurementInput = Type.Object(
  {
    measuredOn: field.date(),
    value: field.parsed(Type.Number({ minimum: -MAX_VALUE, maximum: MAX_VALUE }), readFigure),
    /** Where the figure comes from. */
    source: field.text(LIMITS.line),
  },
  { additionalProperties: false },
);
export type MeasurementInput = Static<typeof MeasurementInput>;

/** A narrative in one language: longer than a paragraph, a quarter's account (today's limit). */
const NARRATIVE_MAX = 10_000;

export const ReportInput = Type.Object(
  {
    /** A quarter, e.g. 2026-Q4: the current one or the one before. */
    period: Type.String({ pattern: '^\\d{4}-Q[1-4]$' }),
    status: field.choice(REPORT_STATUSES),
    /** In Dutch, English or both; one of them is needed (the command says so, in its own words). */
    narrative: field.localized(NARRATIVE_MAX, { multiline: true }),
  },
  { additionalProperties: false },
);
export type ReportInput = Static<typeof ReportInput>;

/** Which mails a user wants (one checkbox per kind of mail.ts MAIL_KINDS), and in which language (none: the account's). */
export const PreferencesInput = Type.Object({
  locale: Type.Optional(field.choice(LOCALES)),
  deadlines: field.checkbox(),
  reports: field.checkbox(),
  digest: field.checkbox(),
  invitations: field.checkbox(),
});
export type PreferencesInput = Static<typeof PreferencesInput>;
