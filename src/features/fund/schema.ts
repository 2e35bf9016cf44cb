// What the fund's forms take, declared once (src/web/forms.ts). Money is integer cents and hours
// whole hours; on a form they are typed in the reader's notation ("€ 1.500,50", "1,500.50",
// "800 uur") and read by the rules of domain/money.ts, with their own messages.
import { MAX_CENTS, MAX_HOURS, parseHours, parseMoney, type Parsed } from '../../domain/money.ts';
import type { Locale } from '../../domain/localized.ts';
import { field, isUuid, LIMITS, Type, type Static, type TextReading } from '../../web/forms.ts';
import { ADVICE_KINDS, FUND_KINDS, type BudgetLine } from './tables.ts';
import { FUND_AWARD_DECISIONS } from '../../db/schema.ts';

/** The hours that make one FTE lie between these (part-time norms to a full year of 52 × 40 hours, with margin). */
export const MIN_HOURS_PER_FTE = 1000;
export const MAX_HOURS_PER_FTE = 2200;
/** The years a contribution can be booked in. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
/** An application's budget has at most this many lines. */
const MAX_BUDGET_LINES = 50;

/** domain/money.ts's answer as a form reading: its message key is the field's problem. */
const reading = (parsed: Parsed<string>): TextReading<number> => (parsed.ok ? parsed : { ok: false, error: { key: parsed.error } });

/** An amount in euro cents; typed as euros. An empty field is no amount (the command decides whether that is enough). */
const money = () => field.parsed(Type.Integer({ minimum: 1, maximum: MAX_CENTS }), (text, locale) => reading(parseMoney(text, locale)));

/** Whole hours; typed with or without "uur"/"hours" and grouping. */
const hours = () => field.parsed(Type.Integer({ minimum: 0, maximum: MAX_HOURS }), (text) => reading(parseHours(text)));

/** A whole number from `min` to `max`, refused with the capability's own message. */
const wholeNumber = (min: number, max: number, key: string) =>
  field.parsed(Type.Integer({ minimum: min, maximum: max }), (text): TextReading<number> => {
    const value = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
    return value >= min && value <= max ? { ok: true, value } : { ok: false, error: { key } };
  });

/** A repeated submission with the same key has one effect (fund commands' `once`); keys that do not fit are ignored. */
const idempotencyKey = () => Type.Optional(Type.String({ maxLength: 200 }));

const BudgetLineSchema = Type.Object({ description: Type.String({ minLength: 1, maxLength: LIMITS.name }), cents: Type.Integer({ minimum: 1, maximum: MAX_CENTS }) }, { additionalProperties: false });

/** Budget lines typed one a line as "description; amount". */
function readBudgetLines(text: string, locale: Locale): TextReading<BudgetLine[]> {
  const refusal = { ok: false as const, error: { key: 'fund.error.budgetLines' } };
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  if (lines.length > MAX_BUDGET_LINES) return refusal;
  const out: BudgetLine[] = [];
  for (const line of lines) {
    const at = line.lastIndexOf(';');
    const description = line.slice(0, at).trim();
    if (at <= 0 || !description || description.length > LIMITS.name) return refusal;
    const amount = parseMoney(line.slice(at + 1), locale);
    if (!amount.ok) return refusal;
    out.push({ description, cents: amount.value });
  }
  return { ok: true, value: out };
}

export const FundInput = Type.Object({
  kind: field.choice(FUND_KINDS),
  /** The party an earmarked fund belongs to. */
  party: Type.Optional(field.uuid()),
  name: field.localized(LIMITS.name, { required: true }),
});
export type FundInput = Static<typeof FundInput>;

export const HoursPerFteInput = Type.Object({ hoursPerFte: wholeNumber(MIN_HOURS_PER_FTE, MAX_HOURS_PER_FTE, 'fund.error.hoursPerFte') });
export type HoursPerFteInput = Static<typeof HoursPerFteInput>;

/** Whose confirmed decision an award rests on: a programme setting, not in the agreement. */
export const FundAwardRuleInput = Type.Object({ rule: field.choice(FUND_AWARD_DECISIONS) });
export type FundAwardRuleInput = Static<typeof FundAwardRuleInput>;

const year = () => wholeNumber(FIRST_YEAR, LAST_YEAR, 'fund.error.year');

export const ContributionInput = Type.Object({
  fund: field.uuid(),
  party: field.uuid(),
  year: year(),
  amount: Type.Optional(money()),
  hours: Type.Optional(hours()),
  note: Type.Optional(field.text(LIMITS.line)),
  idem: idempotencyKey(),
});
export type ContributionInput = Static<typeof ContributionInput>;

export const CorrectionInput = Type.Object({
  fund: field.uuid(),
  /** The party whose contribution is corrected; for an earmark, its party when left empty. */
  party: Type.Optional(field.uuid()),
  year: year(),
  direction: field.choice(['down', 'up'] as const),
  amount: Type.Optional(money()),
  hours: Type.Optional(hours()),
  reason: field.text(LIMITS.line),
  idem: idempotencyKey(),
});
export type CorrectionInput = Static<typeof CorrectionInput>;

export const ApplicationInput = Type.Object({
  project: field.uuid(),
  fund: field.uuid(),
  amount: Type.Optional(money()),
  hours: Type.Optional(hours()),
  purpose: field.localized(LIMITS.text, { required: true, multiline: true }),
  periodStart: field.date(),
  periodEnd: field.date(),
  budgetLines: Type.Optional(field.parsed(Type.Array(BudgetLineSchema, { maxItems: MAX_BUDGET_LINES }), readBudgetLines, { maxLength: LIMITS.text, multiline: true })),
  idem: idempotencyKey(),
});
export type ApplicationInput = Static<typeof ApplicationInput>;

export const AdviceInput = Type.Object({
  advice: field.choice(ADVICE_KINDS),
  note: Type.Optional(field.text(LIMITS.line)),
});
export type AdviceInput = Static<typeof AdviceInput>;

export const AWARD_DECISIONS = ['full', 'partial', 'none'] as const;

export const AwardInput = Type.Object({
  decision: field.choice(AWARD_DECISIONS),
  /** What a partial award grants; an empty one is nothing of that kind. */
  amount: Type.Optional(money()),
  hours: Type.Optional(hours()),
  note: Type.Optional(field.text(LIMITS.line)),
  /** The executive level's recorded decision the award rests on. */
  decisionId: Type.Optional(field.parsed(field.uuid(), (text): TextReading<string> => (isUuid(text) ? { ok: true, value: text } : { ok: false, error: { key: 'fund.error.decisionRef' } }))),
  idem: idempotencyKey(),
});
export type AwardInput = Static<typeof AwardInput>;

export const MOVEMENT_KINDS = ['payment', 'release'] as const;

export const MovementInput = Type.Object({
  movement: field.choice(MOVEMENT_KINDS),
  amount: Type.Optional(money()),
  hours: Type.Optional(hours()),
  note: Type.Optional(field.text(LIMITS.line)),
  idem: idempotencyKey(),
});
export type MovementInput = Static<typeof MovementInput>;
