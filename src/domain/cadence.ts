// How often a body meets, against the agreement: the executive level about twice a year, the
// support level four to six times. Cancelled meetings do not count; planned and held ones do,
// because the point is to warn while the year's plan can still be corrected.
export interface CadenceInput {
  year: number;
  minPerYear: number | null;
  maxPerYear: number | null;
  meetings: { startsAt: Date; state: 'planned' | 'held' | 'cancelled' }[];
}

export type CadenceStatus = 'short' | 'ok' | 'over' | 'unbounded';

export interface CadenceResult {
  year: number;
  status: CadenceStatus;
  held: number;
  planned: number;
  /** Held plus still planned: what the year will bring if the plan holds. */
  total: number;
  min: number | null;
  max: number | null;
}

/** The year a meeting counts for: its calendar year in Amsterdam, not in UTC. */
export function amsterdamYear(instant: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(instant));
}

export function checkCadence(input: CadenceInput): CadenceResult {
  const inYear = input.meetings.filter((m) => m.state !== 'cancelled' && amsterdamYear(m.startsAt) === input.year);
  const held = inYear.filter((m) => m.state === 'held').length;
  const planned = inYear.length - held;
  const total = inYear.length;
  const { minPerYear: min, maxPerYear: max } = input;
  let status: CadenceStatus = 'ok';
  if (min === null && max === null) status = 'unbounded';
  // Stryker disable next-line ConditionalExpression: `total < null` is `total < 0`, never true for a count
  else if (min !== null && total < min) status = 'short';
  else if (max !== null && total > max) status = 'over';
  return { year: input.year, status, held, planned, total, min, max };
}
