// In-process timing of the benchmark's routes and of each dashboard panel: no HTTP, no load
// generator, so it stays meaningful on a busy machine (compare figures of the same run only).
//
//   npx tsx bench/handlers.ts [--mode postgres|pglite] [--scale 1x|100x] [--iterations 200]
// PostgreSQL mode needs TEST_DATABASE_URL (an admin URL; a throwaway database is created).
import { parseArgs } from 'node:util';
import { loginAs, startTestApp } from '../test/support/app.ts';
import { dashboardPanels, type Panel } from '../src/web/dashboard.ts';
import { generate, SCALES } from './generate.ts';

const { values } = parseArgs({ options: { mode: { type: 'string', default: 'postgres' }, scale: { type: 'string', default: '1x' }, iterations: { type: 'string', default: '200' } } });
const mode = values.mode === 'pglite' ? 'pglite' : 'postgres';
const iterations = Number(values.iterations);

const ROUTES = [
  { name: 'dashboard', url: '/nl/leiden/dashboard', auth: true },
  { name: 'search', url: '/nl/leiden/search?q=huisvesting' },
  { name: 'search (typo)', url: '/nl/leiden/search?q=huisvestin' },
  { name: 'project list (filtered)', url: '/nl/leiden/projects?theme=3', auth: true },
  { name: 'API list', url: '/api/v1/programmes/leiden/projects?page=2&pageSize=20' },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(run: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 5; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: Number(percentile(samples, 50).toFixed(2)), p99: Number(percentile(samples, 99).toFixed(2)) };
}

// The API rate limit is lifted: this measures the handlers, not the limit.
const t = await startTestApp(mode, { apiRateLimit: Number.MAX_SAFE_INTEGER });
try {
  if (values.scale === '1x' || values.scale === '100x') await generate(t.database.db, SCALES[values.scale]);
  const { cookie } = await loginAs(t, { role: 'coordinator' });
  const rows: Record<string, unknown>[] = [];
  for (const route of ROUTES) {
    const headers = route.auth ? { cookie } : undefined;
    const before = t.database.queryCount();
    await t.app.inject({ url: route.url, headers });
    const queries = t.database.queryCount() - before;
    rows.push({ what: route.name, queries, ...(await timed(() => t.app.inject({ url: route.url, headers }))) });
  }
  // Each panel's share of the dashboard: its render wrapped with a timer and run one at a time
  // (the route itself runs them concurrently).
  const spent = new Map<string, { ms: number; queries: number }>();
  let queue: Promise<unknown> = Promise.resolve();
  for (const panel of dashboardPanels() as Panel[]) {
    const render = panel.render.bind(panel);
    panel.render = (input) => {
      const run = queue.then(async () => {
        const start = performance.now();
        const before = t.database.queryCount();
        const result = await render(input);
        const entry = spent.get(panel.key) ?? { ms: 0, queries: 0 };
        entry.ms += performance.now() - start;
        entry.queries += t.database.queryCount() - before;
        spent.set(panel.key, entry);
        return result;
      });
      queue = run.then(() => undefined);
      return run;
    };
  }
  for (let i = 0; i < iterations; i++) await t.app.inject({ url: '/nl/leiden/dashboard', headers: { cookie } });
  for (const [key, { ms, queries }] of spent) rows.push({ what: `  panel ${key} (mean, one at a time)`, queries: queries / iterations, p50: Number((ms / iterations).toFixed(2)) });
  console.table(rows);
} finally {
  await t.close();
}
