// Meetings are entered and shown in Amsterdam time and stored as UTC instants. Converting a wall
// clock time to an instant needs the zone's offset on that date (CET +1, CEST +2).
const ZONE = 'Europe/Amsterdam';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The Amsterdam wall clock of an instant, as "YYYY-MM-DD" and "HH:MM". */
export function toAmsterdam(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The UTC instant of an Amsterdam date and time, or null when the input is not a real date/time.
 * A time that does not exist (the spring-forward hour) is refused; an ambiguous one (autumn) takes
 * the first occurrence.
 */
export function fromAmsterdam(date: string, time: string): Date | null {
  // The round trip below refuses what is out of range (month 13, day 32, 24:00, minute 60: each
  // lands on another wall clock) and anything around the digits, which the anchors also refuse.
  // Stryker disable next-line Regex: without an anchor, text around the date fails the round trip's comparison all the same
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  // Stryker disable next-line Regex: without an anchor, text around the time fails the round trip's comparison all the same
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(naive - offsetHours * 3600_000);
    const back = toAmsterdam(candidate);
    if (back.date === date && back.time === time) return candidate;
  }
  return null;
}
