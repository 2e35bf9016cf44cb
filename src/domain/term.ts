// The agreement's term: "in force from the date of signing, for five years, renewable by five years
// each time". Dates are ISO calendar dates (YYYY-MM-DD) without time zone; the end date is the last
// day the agreement is in force, i.e. the day before the anniversary.

function parse(iso: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not an ISO date: ${iso}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // A day past the month's end (or month 13) rolls over into another date: then it was not a real one.
  if (format(new Date(Date.UTC(y, m - 1, d))) !== iso) throw new Error(`Not a calendar date: ${iso}`);
  return { y, m, d };
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds whole months; a day that does not exist in the target month becomes that month's last day. */
export function addMonths(iso: string, months: number): string {
  const { y, m, d } = parse(iso);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return format(new Date(Date.UTC(ty, tm - 1, Math.min(d, daysInMonth(ty, tm)))));
}

export function addDays(iso: string, days: number): string {
  const { y, m, d } = parse(iso);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

export interface Term {
  signedOn: string;
  termYears: number;
  renewalYears: number;
  renewals: number;
}

/**
 * The last day in force. The anniversary of 29 February in a common year is 1 March, so an
 * agreement signed on a leap day ends on 28 February.
 */
export function endDate(term: Term): string {
  if (term.termYears <= 0 || term.renewalYears <= 0 || term.renewals < 0) throw new Error('Invalid term');
  const years = term.termYears + term.renewals * term.renewalYears;
  const { y, m, d } = parse(term.signedOn);
  const anniversary = new Date(Date.UTC(y + years, m - 1, d)); // 29 Feb rolls over to 1 Mar
  return addDays(format(anniversary), -1);
}

/** The end date after one more renewal. */
export function endDateAfterRenewal(term: Term): string {
  return endDate({ ...term, renewals: term.renewals + 1 });
}

export type TermWarning = 'none' | 'six-months' | 'three-months' | 'ended';

/** What the coordinator should be told on `today`: from 6 and from 3 months before the end. */
export function termWarning(term: Term, today: string): TermWarning {
  const end = endDate(term);
  if (today > end) return 'ended';
  if (today >= addMonths(end, -3)) return 'three-months';
  if (today >= addMonths(end, -6)) return 'six-months';
  return 'none';
}
