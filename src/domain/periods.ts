// Periods as the agreement words them ("najaar 2017", "Q1 2018", "voor 1 november 2017") turned
// into the last day an action is due, so overdue actions can be found. Dutch and English.
// Seasons are meteorological (najaar = September to November), the convention the seed data uses.

export interface Period {
  /** First day of the period (ISO date). */
  start: string;
  /** Last day the action is due (ISO date). */
  end: string;
}

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2,
  maart: 3, march: 3, mrt: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  augustus: 8, august: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

/** Season → [first month, last month]; winter runs into the next year. */
const SEASONS: Record<string, [number, number]> = {
  voorjaar: [3, 5], lente: [3, 5], spring: [3, 5],
  zomer: [6, 8], summer: [6, 8],
  najaar: [9, 11], herfst: [9, 11], autumn: [9, 11], fall: [9, 11],
  winter: [12, 14],
};

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month: number, day: number): string | null {
  // A day past the month's end (or month 13) rolls over into another date: then it was not a real one.
  const text = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === text ? text : null;
}

/** Months counted past 12 roll into the next year (winter 2017 ends in February 2018). */
function monthStart(year: number, month: number): string {
  // Stryker disable next-line ArithmeticOperator: the callers start periods in months 1 to 12, where the roll-over adds 0
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${y}-${pad(m)}-01`;
}

function monthEnd(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0));
  return `${last.getUTCFullYear()}-${pad(last.getUTCMonth() + 1)}-${pad(last.getUTCDate())}`;
}

function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function exactDate(text: string): string | null {
  const numeric = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? null;
  if (numeric) return iso(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  const dmy = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(text);
  if (dmy) return iso(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  // Stryker disable next-line Regex: parsePeriod has already reduced every run of white space to one space
  const words = /^(\d{1,2})(?:st|nd|rd|th|e)?\s+([a-z]+)\.?\s+(\d{4})$/.exec(text);
  if (words && MONTHS[words[2]!]) return iso(Number(words[3]), MONTHS[words[2]!]!, Number(words[1]));
  // Stryker disable next-line Regex: parsePeriod has already reduced every run of white space to one space
  const english = /^([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (english && MONTHS[english[1]!]) return iso(Number(english[3]), MONTHS[english[1]!]!, Number(english[2]));
  return null;
}

/**
 * Reads a period label; null when it cannot be understood (the caller then asks for a date).
 * "voor 1 november 2017" / "before 1 November 2017" is due the day before.
 */
export function parsePeriod(label: string): Period | null {
  const text = label.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.,]$/, '');
  // Stryker disable next-line ConditionalExpression: an empty label matches no pattern below either; this says so early
  if (!text) return null;

  // Stryker disable next-line Regex: parsePeriod has already reduced every run of white space to one space
  const before = /^(?:voor|vóór|uiterlijk voor|before|by)\s+(.+)$/.exec(text);
  if (before) {
    const date = exactDate(before[1]!);
    if (date) return { start: date, end: before[0].startsWith('by') ? date : dayBefore(date) };
    const inner = parsePeriod(before[1]!);
    // "voor de zomer van 2018": due before the period starts.
    return inner ? { start: inner.start, end: dayBefore(inner.start) } : null;
  }
  // Stryker disable next-line Regex: parsePeriod has already reduced every run of white space to one space
  const onOrBefore = /^(?:uiterlijk|op|on|no later than)\s+(.+)$/.exec(text);
  if (onOrBefore) {
    const date = exactDate(onOrBefore[1]!);
    if (date) return { start: date, end: date };
  }

  const date = exactDate(text);
  if (date) return { start: date, end: date };

  // Stryker disable next-line Regex: parsePeriod has already reduced every run of white space to one space
  const quarter = /^(?:q|kw|k)([1-4])\s+(\d{4})$/.exec(text) ?? /^([1-4])(?:e|st|nd|rd|th)? (?:kwartaal|quarter)(?: of)? (\d{4})$/.exec(text);
  if (quarter) {
    const q = Number(quarter[1]);
    const year = Number(quarter[2]);
    return { start: monthStart(year, q * 3 - 2), end: monthEnd(year, q * 3) };
  }

  const season = /^(?:in )?(?:het |de )?([a-z]+)(?: van)? (\d{4})$/.exec(text);
  if (season && SEASONS[season[1]!]) {
    const [from, to] = SEASONS[season[1]!]!;
    const year = Number(season[2]);
    return { start: monthStart(year, from), end: monthEnd(year + Math.floor((to - 1) / 12), ((to - 1) % 12) + 1) };
  }

  const month = /^(?:in |eind |end of )?([a-z]+) (\d{4})$/.exec(text);
  if (month && MONTHS[month[1]!]) {
    const m = MONTHS[month[1]!]!;
    const year = Number(month[2]);
    return { start: monthStart(year, m), end: monthEnd(year, m) };
  }

  const half = /^(?:(?:1e|eerste|first) (?:helft|half)(?: of| van)?|h1) (\d{4})$/.exec(text);
  if (half) return { start: `${half[1]}-01-01`, end: `${half[1]}-06-30` };
  const secondHalf = /^(?:(?:2e|tweede|second) (?:helft|half)(?: of| van)?|h2) (\d{4})$/.exec(text);
  if (secondHalf) return { start: `${secondHalf[1]}-07-01`, end: `${secondHalf[1]}-12-31` };

  const yearPart = /^(begin|start of|early|medio|mid|midden|eind|end of|late|in|) ?(\d{4})$/.exec(text);
  if (yearPart) {
    const year = Number(yearPart[2]);
    switch (yearPart[1]) {
      case 'begin':
      case 'start of':
      case 'early':
        return { start: `${year}-01-01`, end: `${year}-03-31` };
      case 'medio':
      case 'mid':
      case 'midden':
        return { start: `${year}-06-01`, end: `${year}-07-31` };
      default:
        return { start: `${year}-01-01`, end: `${year}-12-31` };
    }
  }
  return null;
}
