import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { DataDirLockedError, openDatabase } from './client.ts';
import { readTemplate } from './template.ts';

test('embedded mode: a second process on the same data folder gets a clear error, not silent data loss', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ks-lock-'));
  const handle = await openDatabase({ dataDir: dir, template: await readTemplate(false) });
  try {
    const other = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'migrate'], { env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8' });
    assert.equal(other.status, 1);
    assert.match(other.stderr, /is in use by process \d+/);
    assert.match(other.stderr, /one process at a time/);
  } finally {
    await handle.close();
  }
  // Once closed, the folder opens again (the lock was released).
  const again = await openDatabase({ dataDir: dir });
  await again.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a lock left by a process that no longer runs is taken over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ks-stale-'));
  const { writeFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kennisstad.lock'), '999999');
  const handle = await openDatabase({ dataDir: dir, template: await readTemplate(false) });
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
  assert.ok(DataDirLockedError);
});

test('embedded mode keeps its shared buffers small (they are resident memory of this process)', async () => {
  const handle = await openDatabase({ template: await readTemplate(false) });
  try {
    const result = (await handle.db.execute(sql`show shared_buffers`)) as unknown as { rows: { shared_buffers: string }[] };
    assert.equal(result.rows[0]?.shared_buffers, '32MB');
  } finally {
    await handle.close();
  }
});

test('a new data folder starts as a copy of the template folder: the default programme is there, the template is untouched', async () => {
  const { existsSync, readdirSync } = await import('node:fs');
  const { templateFolder } = await import('./template.ts');
  const { programmes } = await import('./schema.ts');
  const folder = templateFolder();
  assert.ok(existsSync(join(folder, 'PG_VERSION')), `the template folder ${folder} is built by scripts/build-template.ts (the test script runs it)`);
  const before = readdirSync(folder, { recursive: true }).map(String).sort();
  const dir = join(mkdtempSync(join(tmpdir(), 'ks-copy-')), 'pglite');
  const handle = await openDatabase({ dataDir: dir, templateFolder: folder });
  try {
    const rows = await handle.db.select({ slug: programmes.slug }).from(programmes);
    assert.deepEqual(rows.map((row) => row.slug), ['leiden']);
    await handle.db.execute(sql`update programmes set slug = 'leiden-copy' where slug = 'leiden'`);
  } finally {
    await handle.close();
  }
  assert.ok(!existsSync(join(folder, 'kennisstad.lock')), 'the lock is taken in the new folder, not in the template');
  assert.deepEqual(readdirSync(folder, { recursive: true }).map(String).sort(), before);
  const template = await openDatabase({ dataDir: join(dirname(dir), 'second'), templateFolder: folder });
  try {
    const rows = await template.db.select({ slug: programmes.slug }).from(programmes);
    assert.deepEqual(rows.map((row) => row.slug), ['leiden'], 'a write in one copy does not reach the template or the next copy');
  } finally {
    await template.close();
    rmSync(dirname(dir), { recursive: true, force: true });
  }
});
