// The programme's clock: the one place every rule that depends on the date reads it (a meeting has
// taken place, the term has ended, an action is overdue, a year has no annual agenda). Real time in
// production, and nothing in the environment changes it there; tests set it to place a programme
// inside its term (e.g. Leiden in 2019) and let it run on from there.
// Technical time (session and token expiry, rate limits, audit timestamps) stays on the real clock.

let offsetMs = 0;
let frozen: Date | null = null;

/** Now, on the programme's clock. */
export function now(): Date {
  return frozen ? new Date(frozen.getTime()) : new Date(Date.now() + offsetMs);
}

/** Today's calendar date in Amsterdam (YYYY-MM-DD), on the programme's clock. */
export function today(): string {
  return amsterdamDate(now());
}

export function amsterdamDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/**
 * For tests only: the clock starts at `at` and runs on in real time (`frozen: true` stops it there);
 * `null` returns to real time.
 */
export function setClock(at: Date | string | null, options: { frozen?: boolean } = {}): void {
  if (at === null) {
    offsetMs = 0;
    frozen = null;
    return;
  }
  const instant = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(instant.getTime())) throw new Error(`setClock: not a date: ${String(at)}`);
  frozen = options.frozen ? instant : null;
  offsetMs = options.frozen ? 0 : instant.getTime() - Date.now();
}
