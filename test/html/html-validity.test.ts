// Every page type is valid HTML: the Nu HTML Checker (vnu.jar, the W3C's checker, from the vnu-jar
// package, run on the system Java) checks the pages a visitor, a project lead and the coordinator
// may open (the access matrix's pages, with its objects), the error pages, and in one call
// (a JVM start costs ~15 s). Errors fail the test; warnings are left to the reviewer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startTestApp, type TestApp } from '../support/app.ts';
import { pagesFor } from '../support/pages.ts';
import { requireOrSkip } from '../support/skip.ts';
import { sql } from 'drizzle-orm';
import { buildWorld, rows, type RoleKey, type World } from '../security/world.ts';

const JAVA = process.env.JAVA_PATH ?? '/usr/bin/java';
const ROLES: RoleKey[] = ['anonymous', 'lead', 'coordinator'];

function vnuJar(): string | null {
  let jar = process.env.VNU_JAR;
  if (!jar) {
    try {
      jar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');
    } catch {
      jar = undefined;
    }
  }
  if (jar && existsSync(jar) && existsSync(JAVA)) return jar;
  requireOrSkip('Nu HTML Checker', `vnu.jar (npm install) or ${JAVA} (apt-get install default-jre-headless) not found; HTML validity not checked`);
  return null;
}

const jar = vnuJar();

/** Checks every file in one vnu.jar call; returns its error lines, with the file names shortened. */
function checkHtml(dir: string, files: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(JAVA, ['-jar', jar!, '--errors-only', '--exit-zero-always', ...files], { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(error);
      const lines = `${stdout}${stderr}`.split('\n').filter((line) => line.trim() !== '');
      resolve(lines.map((line) => line.replaceAll(`file:${dir}/`, '')));
    });
  });
}

describe('the Nu HTML Checker finds no errors on any page type', { skip: !jar }, () => {
  let t: TestApp;
  let world: World;
  before(async () => {
    t = await startTestApp('pglite');
    world = await buildWorld(t);
  });
  after(async () => {
    await t?.close();
  });

  test('pages of a visitor, a project lead and the coordinator, and the error pages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-html-'));
    try {
      const files: string[] = [];
      const save = async (name: string, url: string, cookie: string | undefined, status: number) => {
        const response = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
        if (response.statusCode !== status || !String(response.headers['content-type']).startsWith('text/html')) return;
        const file = join(dir, `${name}${url.replace(/[^a-z0-9]+/gi, '_')}.html`);
        writeFileSync(file, response.body);
        files.push(file);
      };
      for (const role of ROLES) {
        for (const url of pagesFor(world, role)) await save(role, url, world.actors[role].cookie, 200);
      }
      // The English side of a few pages (language attributes), and the error pages.
      const slug = world.home.slug;
      for (const url of [`/en/${slug}`, `/en/${slug}/projects/${world.home.ownProject}`, `/en/${slug}/agreement`]) await save('anonymous', url, undefined, 200);
      // A successor started through its screen: the confirmation, the links both ways, the programme switch.
      const coordinator = world.actors.coordinator;
      const [own] = await rows<{ id: string }>(t.database.db, sql`select id from projects where programme_id = ${world.home.programmeId} and code = ${world.home.ownProject}`);
      const form = { _csrf: coordinator.csrf, name_nl: 'Leiden vervolg', name_en: 'Leiden next', slug: 'leiden-next', startOn: '2027-01-01', termYears: '5', projectIds: own!.id };
      const confirmation = await t.app.inject({ method: 'POST', url: `/nl/${slug}/successor`, headers: { cookie: coordinator.cookie }, payload: form });
      assert.equal(confirmation.statusCode, 200);
      writeFileSync(join(dir, 'coordinator_successor_confirm.html'), confirmation.body);
      files.push(join(dir, 'coordinator_successor_confirm.html'));
      const started = await t.app.inject({ method: 'POST', url: `/nl/${slug}/successor`, headers: { cookie: coordinator.cookie }, payload: { ...form, confirmed: 'yes' } });
      assert.equal(started.statusCode, 303);
      for (const url of ['/nl/leiden-next', `/nl/leiden-next/projects/${world.home.ownProject}`, `/en/${slug}/projects/${world.home.ownProject}`, `/en/${slug}/successor`]) await save('anonymous-or-coordinator', url, url.endsWith('/successor') ? coordinator.cookie : undefined, 200);
      for (const url of ['/nl/leiden-next/my-work', `/en/${slug}/my-work`]) await save('coordinator', url, coordinator.cookie, 200);
      // The administrator's new-programme page: empty, refused with a problem at every kind of field, and split into articles.
      for (const locale of ['nl', 'en']) await save('admin', `/${locale}/${slug}/manage/programmes/new`, world.actors.admin.cookie, 200);
      for (const [name, form] of [
        ['refused', { intent: 'save', party0_name: 'Gemeente', criterion0_nl: 'x', criterion0_check: 'interest', executive_nl: 'S', executive_min: '3', executive_max: '1', termYears: '0' }],
        ['split', { intent: 'split', agreementText: 'Aanhef\n\nArtikel 1 Doel\nTekst' }],
      ] as const) {
        const admin = world.actors.admin;
        const response = await t.app.inject({ method: 'POST', url: `/nl/${slug}/manage/programmes/new`, headers: { cookie: admin.cookie }, payload: { _csrf: admin.csrf, ...form } });
        assert.match(String(response.statusCode), /^(200|400)$/, name);
        const file = join(dir, `admin_new_programme_${name}.html`);
        writeFileSync(file, response.body);
        files.push(file);
      }
      await save('anonymous', `/nl/${slug}/no-such-page`, undefined, 404);
      await save('lead', `/nl/${slug}/dashboard`, world.actors.lead.cookie, 403);
      assert.ok(files.length >= 80, `${files.length} pages saved`);
      const errors = await checkHtml(dir, files);
      assert.deepEqual(errors, [], `HTML errors in ${new Set(errors.map((line) => line.split(':')[0])).size} pages:\n${errors.join('\n')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
