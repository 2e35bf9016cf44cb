// The boot check: every route names a known action, or the server refuses to start (a route
// without one would be open by accident, or answered only by whatever its handler remembers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { registerRequestContext, routeActions } from './request-context.ts';

// Registering the checks touches neither the database nor the settings; no request is made.
function app() {
  const server = Fastify();
  registerRequestContext(server, {} as Db, { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, secureCookies: false } as unknown as Config);
  return server;
}

async function boots(register: (server: ReturnType<typeof app>) => void): Promise<void> {
  const server = app();
  try {
    register(server);
    await server.ready();
  } finally {
    await server.close();
  }
}

test('a route that names a known action is registered, with its action', async () => {
  const server = app();
  server.get('/projects/:code/edit', { config: { action: 'project.edit' } }, async () => 'ok');
  server.get('/', { config: { action: 'public' } }, async () => 'ok');
  await server.ready();
  assert.equal(routeActions(server).get('GET /projects/:code/edit'), 'project.edit');
  assert.equal(routeActions(server).get('GET /'), 'public');
  await server.close();
});

test('a route without an action is refused at boot', async () => {
  await assert.rejects(
    boots((server) => server.get('/open', async () => 'oops')),
    /Route GET \/open names no known action/,
  );
});

test('a route with the old access: record and no action is refused at boot', async () => {
  await assert.rejects(
    // The transitional declaration the handler used to answer for itself, no longer a route config.
    boots((server) => server.post('/projects/:code/edit', { config: Object.fromEntries([['access', 'record']]) as never }, async () => 'oops')),
    /names no known action/,
  );
});

test('a route naming an action no rule knows is refused at boot', async () => {
  await assert.rejects(
    boots((server) => server.get('/x', { config: { action: 'project.delete' as never } }, async () => 'oops')),
    /names no known action \(config.action: project.delete\)/,
  );
});
