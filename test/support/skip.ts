// A laptop without Chromium or PostgreSQL skips those tests, loudly. In CI nothing may be skipped:
// a missing dependency fails the run.
const announced = new Set<string>();

export function requireOrSkip(what: string, reason: string): void {
  if (process.env.CI === 'true') {
    throw new Error(`CI=true but ${what} is missing: ${reason}`);
  }
  if (announced.has(what)) return;
  announced.add(what);
  process.stderr.write(`\n*** SKIPPED: ${what} tests — ${reason} ***\n\n`);
}
