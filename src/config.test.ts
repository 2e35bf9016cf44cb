import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config.ts';
import { projectPath } from './paths.ts';

test('the default data folder is the project\'s, whichever folder a command is run from (server and CLI share it)', () => {
  const started = process.cwd();
  try {
    process.chdir(tmpdir());
    const config = loadConfig({});
    assert.equal(config.dataDir, projectPath('data', 'pglite'));
    assert.equal(config.secretKeyFile, projectPath('data', 'kennisstad-secret.key'));
    process.chdir(projectPath('src'));
    assert.equal(loadConfig({}).dataDir, projectPath('data', 'pglite'));
  } finally {
    process.chdir(started);
  }
  // An explicit DATA_DIR is the person's own path, relative to where they typed it.
  assert.equal(loadConfig({ DATA_DIR: 'elsewhere/db' }).dataDir, join(started, 'elsewhere/db'));
});
