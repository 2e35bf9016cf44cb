// The bench's tables: per-route figures (autocannon), the wrk figures as ratios to nginx static in
// the same round, and the figures the issue set goals for, each next to its goal.
import type { Scale } from './generate.ts';
import type { StartFigures } from './start-time.ts';
import type { WrkFigures } from './wrk.ts';

export interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Requests sent but not answered when the run ended (autocannon drops them without an error). */
  unfinished: number;
  /** How long the server took afterwards to answer /readyz (a database query): the backlog it still had. */
  drainMs: number;
  /** The server's RSS and its peak so far, right after this run: which target grows the memory. */
  rssMb?: number;
  peakMb?: number;
}

export interface PassResult {
  database: 'postgres' | 'pglite';
  scale: Scale['name'];
  /** Half a second after the server answered ready. */
  rssAtReadyMb: number;
  /**
   * After the server settled: it collects the boot's garbage 5 s after listening (src/server.ts)
   * and V8 hands the freed pages back to the system ~3 s later; sampled 10 s after ready.
   */
  rssAfterBootMb: number;
  rssAfterRoundMb: number[];
  peakRssMb: number;
  queriesPerRequest: Record<string, number>;
  rounds: Record<string, { c1: Figures[]; c64: Figures[] }>;
  /** wrk -t2 -c64, one entry per round for each of WRK_TARGETS. */
  wrk: Record<string, WrkFigures[]>;
}

export const WRK_TARGETS = ['nginx static', 'app alone (cached public page)', 'app behind nginx (kennisstad.conf)', 'signed-in dashboard (app)'] as const;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarise(result: PassResult) {
  const baseline = median(result.rounds['static baseline']!.c64.map((f) => f.requestsPerSecond));
  return Object.entries(result.rounds).map(([name, { c1, c64 }]) => ({
    database: result.database,
    scale: result.scale,
    target: name,
    'req/s c64': median(c64.map((f) => f.requestsPerSecond)),
    'vs static': Number((median(c64.map((f) => f.requestsPerSecond)) / baseline).toFixed(2)),
    'p50 c1 ms': median(c1.map((f) => f.p50)),
    'p99 c1 ms': median(c1.map((f) => f.p99)),
    'p50 c64 ms': median(c64.map((f) => f.p50)),
    'p99 c64 ms': median(c64.map((f) => f.p99)),
    'non-2xx': c1.concat(c64).reduce((sum, f) => sum + f.non2xx + f.errors, 0),
    unfinished: c1.concat(c64).reduce((sum, f) => sum + (f.unfinished ?? 0), 0),
    'max drain ms': Math.max(...c1.concat(c64).map((f) => f.drainMs ?? 0)),
    queries: result.queriesPerRequest[name] ?? '',
  }));
}

const range = (values: number[], digits = 0) => {
  const fixed = (n: number) => n.toFixed(digits);
  return values.length ? `${fixed(Math.min(...values))}-${fixed(Math.max(...values))}` : '';
};

/** wrk figures per target: req/s, ratio to nginx static in the same round (median and range), p99. */
export function summariseWrk(result: PassResult) {
  const statics = result.wrk['nginx static']!;
  return WRK_TARGETS.map((name) => {
    const runs = result.wrk[name]!;
    const ratios = runs.map((run, i) => run.requestsPerSecond / statics[i]!.requestsPerSecond);
    return {
      database: result.database,
      scale: result.scale,
      'wrk -t2 -c64': name,
      'req/s': median(runs.map((r) => r.requestsPerSecond)),
      'req/s range': range(runs.map((r) => r.requestsPerSecond)),
      'vs nginx static': Number(median(ratios).toFixed(2)),
      'ratio range': range(ratios, 2),
      'p50 ms': Number(median(runs.map((r) => r.p50)).toFixed(2)),
      'p99 ms': Number(median(runs.map((r) => r.p99)).toFixed(2)),
      'p99 max ms': Number(Math.max(...runs.map((r) => r.p99)).toFixed(2)),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      'load avg': range(runs.map((r) => r.load), 1),
    };
  });
}

/** The figures the issue set goals for, next to their goal (the bench reports, it does not judge). */
export function goalLines(results: PassResult[], starts: StartFigures[]): string[] {
  const rows = results.flatMap(summariseWrk);
  const of = (name: (typeof WRK_TARGETS)[number]) => rows.filter((row) => row['wrk -t2 -c64'] === name);
  const ratios = (name: (typeof WRK_TARGETS)[number]) => of(name).map((row) => row['vs nginx static']);
  const lines = [
    `app alone, cached public page: ${range(ratios('app alone (cached public page)'), 2)} of nginx static (goal >= 0.35), p99 ${range(of('app alone (cached public page)').map((row) => row['p99 ms']), 1)} ms (goal <= 20 ms)`,
    `through deploy/nginx/kennisstad.conf: ${range(ratios('app behind nginx (kennisstad.conf)'), 2)} of nginx static (goal >= 0.90)`,
    `signed-in dashboard: ${range(ratios('signed-in dashboard (app)'), 3)} of nginx static (goal: not slower than before this change; the autocannon table has the same page)`,
  ];
  if (starts.length) lines.push(`embedded start of a fresh clone to the first page: ${range(starts.map((s) => s.firstPageMs / 1000), 1)} s over ${starts.length} starts, median ${(median(starts.map((s) => s.firstPageMs)) / 1000).toFixed(1)} s (goal <= 3 s), load average ${range(starts.map((s) => s.load), 1)}`);
  return lines;
}

