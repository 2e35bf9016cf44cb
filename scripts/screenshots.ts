// Screenshots of the main pages per role, at 1280 px and 390 px, for a reviewer (not a test):
//   npm run screenshots            -> screenshots/<role>/<width>/<page>.png and screenshots/index.html
// The app runs on a throwaway copy of the default data with the access matrix's users and objects
// (test/security/world.ts), so each role sees what it would see in a running programme.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setClock } from '../src/clock.ts';
import { fillPattern } from '../test/security/matrix-walk.ts';
import { buildWorld, type RoleKey } from '../test/security/world.ts';
import { startTestApp } from '../test/support/app.ts';
import { addCookieHeader, launchBrowser, listen } from '../test/support/browser.ts';

const OUT = fileURLToPath(new URL('../screenshots/', import.meta.url));
const WIDTHS = [1280, 390];
const PAGES: Record<RoleKey, string[]> = {
  anonymous: ['~/:programme', '~/:programme/projects', '~/:programme/projects/:code', '~/:programme/targets', '~/:programme/targets/:key', '~/:programme/agreement', '~/:programme/news', '~/:programme/search', '~/:programme/privacy'],
  partner: ['~/:programme/my-work', '~/:programme/projects/:code', '~/:programme/proposals/new', '~/:programme/fund'],
  lead: ['~/:programme/my-work', '~/:programme/projects/:code', '~/:programme/projects/:code/edit', '~/:programme/projects/:code/report', '~/:programme/fund/applications/new'],
  support: ['~/:programme/my-work', '~/:programme/bodies', '~/:programme/bodies/:kind', '~/:programme/decisions'],
  executive: ['~/:programme/my-work', '~/:programme/meetings/:meeting', '~/:programme/annual-agendas/:agenda'],
  coordinator: ['~/:programme/dashboard', '~/:programme/meetings/:meeting', '~/:programme/agreement/amendments/:number', '~/:programme/projects/:code/admission', '~/:programme/fund', '~/:programme/manage/website', '~/:programme/deadlines'],
  admin: ['~/:programme/outbox', '~/:programme/admin/sso', '~/:programme/manage/programmes/new'],
};

const fileName = (pattern: string) => pattern.replace('~/:programme', 'programme').replace(/[/:]+/g, '-').replace(/-$/, '') || 'home';

async function main(): Promise<void> {
  // Inside the agreement's term, so nothing shows as expired.
  setClock(process.env.SCREENSHOT_DATE ?? '2019-06-03T10:00:00Z');
  const t = await startTestApp('pglite');
  const baseUrl = await listen(t);
  const browser = await launchBrowser();
  const world = await buildWorld(t);
  rmSync(OUT, { recursive: true, force: true });
  const shots: string[] = [];
  try {
    // SCREENSHOT_ROLES=anonymous,lead takes only those roles (a quick before/after look).
    const only = process.env.SCREENSHOT_ROLES?.split(',');
    for (const [role, patterns] of Object.entries(PAGES) as [RoleKey, string[]][]) {
      if (only && !only.includes(role)) continue;
      const context = await browser.newContext();
      await addCookieHeader(context, world.actors[role].cookie ?? '', baseUrl);
      const page = await context.newPage();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        mkdirSync(join(OUT, role, String(width)), { recursive: true });
        for (const pattern of patterns) {
          const url = fillPattern(`GET ${pattern}`, 'own', world, world.actors[role]);
          const response = await page.goto(`${baseUrl}${url}`);
          const file = join(role, String(width), `${fileName(pattern)}.png`);
          await page.screenshot({ path: join(OUT, file), fullPage: true });
          shots.push(`<li>${role} ${width} px <a href="${file}">${url}</a> (${response?.status()})</li>`);
        }
      }
      await context.close();
    }
    writeFileSync(join(OUT, 'index.html'), `<!doctype html><meta charset="utf-8"><title>Kennisstad screenshots</title><ul>${shots.join('\n')}</ul>\n`);
    console.log(`${shots.length} screenshots in ${OUT}`);
  } finally {
    await browser.close();
    await t.close();
    setClock(null);
  }
}

await main();
