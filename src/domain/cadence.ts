// How often a body meets, as the agreement words it. Pure: the caller passes the programme's clock.
//
// - The executive level: "De stuurgroep komt gemiddeld twee keer per jaar bijeen" — an average
//   over the term, never a yearly maximum. Measured over the term so far, a part-year counting
//   pro rata (the term starts on 7 July 2017, so 2017 is about half a year), with the meetings
//   still planned as a forecast (the term so far stretched to the last planned meeting).
// - The support level: "4 à 6 x p.j." (the annex) — a range for each calendar year; a year the
//   term covers only in part asks for its share, rounded.
// Cancelled meetings never count; a meeting whose start has passed counts as held (the state
// 'held' is a label the secretary may forget to set), one still to come as planned.

export type MeetingState = 'planned' | 'held' | 'cancelled';
export interface MeetingFacts {
  startsAt: Date;
  state: MeetingState;
}

/** The agreement's rule for a body: an average over the term, or a range per year. */
export type CadenceRule = { kind: 'average'; perYear: number } | { kind: 'range'; min: number | null; max: number | null };

export interface BodyCadence {
  kind: string;
  minMeetingsPerYear: number | null;
  maxMeetingsPerYear: number | null;
}

/**
 * The rule of a stored body: the executive level's single number is the agreement's average
 * ("gemiddeld twee keer per jaar"); anything else is a range per year; null: no rule.
 */
export function cadenceRuleOf(body: BodyCadence): CadenceRule | null {
  const { minMeetingsPerYear: min, maxMeetingsPerYear: max } = body;
  if (min === null && max === null) return null;
  // Stryker disable next-line ConditionalExpression: with min null, max is not (both null returned above), so min === max is false anyway
  if (body.kind === 'executive' && min !== null && min === max) return { kind: 'average', perYear: min };
  return { kind: 'range', min, max };
}

/** The year a meeting counts for: its calendar year in Amsterdam, not in UTC. */
export function amsterdamYear(instant: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(instant));
}

const DAY = 86_400_000;
/** A year in the average: 365.25 days, so leap years do not tip a result. */
export const YEAR = 365.25 * DAY;

/** The first instant of an ISO calendar day (UTC midnight: a day's hour does not change an average). */
const dayStart = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** One decimal, as the dashboard shows it; the comparison uses the shown figure. */
export const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export interface AverageInput {
  perYear: number;
  /** The term's first and last day (ISO dates, the last one included). */
  termStart: string;
  termEnd: string;
  now: Date;
  meetings: MeetingFacts[];
}

export type AverageStatus = 'notStarted' | 'short' | 'ok';

export interface AverageResult {
  status: AverageStatus;
  perYear: number;
  /** Meetings of the term whose start has passed, and those still to come (cancelled ones left out). */
  held: number;
  planned: number;
  /** The term so far, in years (pro rata), one decimal. */
  years: number;
  /** Held meetings per year of the term so far, one decimal; null before the term starts. */
  average: number | null;
  /** Held and planned meetings per year of the term up to the last planned meeting, one decimal. */
  forecast: number | null;
}

export function averageCadence(input: AverageInput): AverageResult {
  const start = dayStart(input.termStart);
  const end = dayStart(input.termEnd) + DAY;
  const now = Math.min(Math.max(input.now.getTime(), start), end);
  const inTerm = input.meetings.filter((m) => m.state !== 'cancelled' && m.startsAt.getTime() >= start && m.startsAt.getTime() < end);
  const held = inTerm.filter((m) => m.startsAt.getTime() <= now).length;
  const planned = inTerm.length - held;
  const horizon = Math.max(now, ...inTerm.map((m) => m.startsAt.getTime()));
  const years = (now - start) / YEAR;
  const forecastYears = (horizon - start) / YEAR;
  const average = years > 0 ? oneDecimal(held / years) : null;
  const forecast = forecastYears > 0 ? oneDecimal(inTerm.length / forecastYears) : null;
  const status: AverageStatus = forecast === null ? 'notStarted' : forecast < input.perYear ? 'short' : 'ok';
  return { status, perYear: input.perYear, held, planned, years: oneDecimal(years), average, forecast };
}

export interface RangeInput {
  year: number;
  min: number | null;
  max: number | null;
  termStart: string;
  termEnd: string;
  now: Date;
  meetings: MeetingFacts[];
}

export type RangeStatus = 'short' | 'ok' | 'over' | 'outsideTerm';

export interface RangeResult {
  year: number;
  status: RangeStatus;
  held: number;
  planned: number;
  /** Held plus still planned: what the year will bring if the plan holds. */
  total: number;
  /** The range for this year: the agreement's, or its share for a year the term covers in part. */
  min: number | null;
  max: number | null;
  /** The share of the calendar year inside the term (1: all of it). */
  share: number;
}

/** The share of a calendar year (Amsterdam days, counted as UTC dates) that lies inside the term. */
export function termShareOfYear(year: number, termStart: string, termEnd: string): number {
  const yearStart = Date.UTC(year, 0, 1);
  const yearEnd = Date.UTC(year + 1, 0, 1);
  const from = Math.max(yearStart, dayStart(termStart));
  const to = Math.min(yearEnd, dayStart(termEnd) + DAY);
  return Math.max(0, to - from) / (yearEnd - yearStart);
}

export function rangeCadence(input: RangeInput): RangeResult {
  const share = termShareOfYear(input.year, input.termStart, input.termEnd);
  const inYear = input.meetings.filter((m) => m.state !== 'cancelled' && amsterdamYear(m.startsAt) === input.year);
  const held = inYear.filter((m) => m.startsAt.getTime() <= input.now.getTime()).length;
  const total = inYear.length;
  const scale = (n: number | null) => (n === null ? null : Math.round(n * share));
  const min = scale(input.min);
  const max = scale(input.max);
  let status: RangeStatus = 'ok';
  if (share === 0) status = 'outsideTerm';
  // No minimum asks for none (a count is never below 0); no maximum allows any number.
  else if (total < (min ?? 0)) status = 'short';
  else if (total > (max ?? Infinity)) status = 'over';
  return { year: input.year, status, held, planned: total - held, total, min, max, share };
}

export interface AgendaSpan {
  startYear: number;
  endYear: number;
  state: string;
}

/**
 * The years of the term up to today (the programme's clock, in Amsterdam) that no adopted annual
 * agenda covers. "Adopted" includes published; a span (2017-2018) covers each of its years.
 */
export function yearsWithoutAdoptedAgenda(input: { termStart: string; termEnd: string; now: Date; agendas: AgendaSpan[] }): number[] {
  const first = Number(input.termStart.slice(0, 4));
  const last = Math.min(Number(input.termEnd.slice(0, 4)), amsterdamYear(input.now));
  const covered = new Set<number>();
  for (const agenda of input.agendas) {
    if (agenda.state !== 'adopted' && agenda.state !== 'published') continue;
    for (let year = agenda.startYear; year <= agenda.endYear; year++) covered.add(year);
  }
  const missing: number[] = [];
  for (let year = first; year <= last; year++) if (!covered.has(year)) missing.push(year);
  return missing;
}
