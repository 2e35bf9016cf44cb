import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { databaseModes } from '../../../test/support/database.ts';
import { buildUser, login, loginAs, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { grantRole } from '../accounts/commands.ts';
import { auditEvents, programmes, projects } from '../../db/schema.ts';
import { openApiChecker, type OpenApiChecker } from './testing.ts';
import { apiTokens } from './tables.ts';

const API = '/api/v1';

async function createToken(t: TestApp, session: { cookie: string; csrf: string }, scope: 'read' | 'read-write', programme = 'leiden'): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/en/account/tokens',
    headers: { cookie: session.cookie },
    payload: { name: `test ${scope}`, scope, programme, _csrf: session.csrf },
  });
  assert.equal(response.statusCode, 201, response.body.slice(0, 300));
  const match = /<code id="new-token">([^<]+)<\/code>/.exec(response.body);
  assert.ok(match, 'the new token is shown once');
  return match[1]!;
}

async function tokenFor(t: TestApp, spec: Parameters<typeof loginAs>[1], scope: 'read' | 'read-write' = 'read-write') {
  const session = await loginAs(t, spec);
  return { session, token: await createToken(t, session, scope) };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

for (const mode of databaseModes()) {
  describe(`API v1 (${mode})`, () => {
    let t: TestApp;
    let doc: OpenApiChecker;
    let leidenId: string;
    const get = async (url: string, headers: Record<string, string> = {}) => {
      const response = await t.app.inject({ url, headers });
      doc.check(response);
      return response;
    };
    const send = async (method: 'PATCH' | 'POST', url: string, payload: unknown, headers: Record<string, string> = {}) => {
      const response = await t.app.inject({ method, url, payload: payload as object, headers: { 'content-type': 'application/json', ...headers } });
      doc.check(response);
      return response;
    };

    before(async () => {
      t = await startTestApp(mode, {}, { leiden: 'running' });
      doc = await openApiChecker(t.app);
      const [leiden] = await t.database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden'));
      leidenId = leiden!.id;
      // An internal proposal, and a second programme, for the visibility and scoping tests.
      await t.database.db.insert(projects).values({ programmeId: leidenId, code: 'zz9', title: { nl: 'Intern voorstel', en: 'Internal proposal' }, lifecycle: 'proposed' });
      await t.database.db.insert(programmes).values({ slug: 'delft', name: { nl: 'Delft Kennisstad' }, city: 'Delft', periodStart: '2020-01-01', periodEnd: '2024-12-31' });
    });
    after(async () => t.close());

    test('the OpenAPI document is public, CORS *, 3.0 with contact, servers /api/v1 and a required API-Version header', async () => {
      const response = await get(`${API}/openapi.json`);
      assert.equal(response.headers['access-control-allow-origin'], '*');
      const document = response.json();
      assert.match(document.openapi, /^3\.0\.\d+$/);
      assert.ok(document.info.contact.name && document.info.contact.email && document.info.contact.url);
      assert.match(document.servers[0].url, /\/api\/v1$/);
      assert.equal(document.components.headers['API-Version'].required, true);
      for (const [path, operations] of Object.entries<any>(document.paths)) {
        assert.doesNotMatch(path, /.\/$/, 'no trailing slash');
        assert.match(path, /^(\/([a-z0-9-.]+|\{[A-Za-z]+\}))+$/, `${path} is kebab-case`);
        for (const operation of Object.values<any>(operations)) {
          for (const [status, spec] of Object.entries<any>(operation.responses)) {
            assert.ok(spec.headers['API-Version'], `${path} ${status} declares API-Version`);
            if (Number(status) >= 400) assert.ok(spec.content['application/problem+json'], `${path} ${status} is problem+json`);
          }
        }
      }
      const preflight = await t.app.inject({ method: 'OPTIONS', url: `${API}/programmes/leiden/projects`, headers: { origin: 'https://example.org', 'access-control-request-method': 'PATCH' } });
      assert.equal(preflight.statusCode, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], '*');
      assert.match(String(preflight.headers['access-control-allow-headers']), /If-Match/);
    });

    test('anonymous callers read programmes, themes, organisations and targets, with paging', async () => {
      const list = (await get(`${API}/programmes`)).json();
      assert.deepEqual(list.items.map((p: any) => p.slug).sort(), ['delft', 'leiden']);
      const programme = (await get(`${API}/programmes/leiden`)).json();
      assert.equal(programme.city, 'Leiden');
      assert.match(programme.periodStart, /^\d{4}-\d{2}-\d{2}$/);

      const themes = (await get(`${API}/programmes/leiden/themes?pageSize=2`)).json();
      assert.equal(themes.items.length, 2);
      assert.equal(themes.page.size, 2);
      assert.ok(themes.page.totalItems > 2);
      assert.ok(themes.links.next.includes('page=2'));
      assert.equal(themes.links.prev, undefined);
      const second = (await get(themes.links.next)).json();
      assert.notEqual(second.items[0].code, themes.items[0].code);
      const theme = (await get(`${API}/programmes/leiden/themes/${themes.items[0].code}`)).json();
      assert.equal(theme.code, themes.items[0].code);
      await get(`${API}/programmes/leiden/themes/nope`).then((r) => assert.equal(r.statusCode, 404));

      const organisations = (await get(`${API}/programmes/leiden/organisations?pageSize=100`)).json();
      assert.ok(organisations.items.some((o: any) => o.slug === 'lumc'));
      const lumc = (await get(`${API}/programmes/leiden/organisations/lumc`)).json();
      assert.ok(lumc.projects.some((p: any) => p.code === '2c'));
      const universities = (await get(`${API}/programmes/leiden/organisations?kind=university`)).json();
      assert.ok(universities.items.length > 0 && universities.items.every((o: any) => o.kind === 'university'));
      await get(`${API}/programmes/leiden/organisations/nope`).then((r) => assert.equal(r.statusCode, 404));

      const targets = (await get(`${API}/programmes/leiden/targets`)).json();
      if (targets.items.length > 0) {
        const target = (await get(`${API}/programmes/leiden/targets/${encodeURIComponent(targets.items[0].key)}`)).json();
        assert.equal(target.key, targets.items[0].key);
      }
      await get(`${API}/programmes/leiden/targets/nope`).then((r) => assert.equal(r.statusCode, 404));
    });

    test('anonymous callers see public projects with partners and actions, never internal ones or commitments', async () => {
      const list = (await get(`${API}/programmes/leiden/projects?pageSize=100`)).json();
      const codes = list.items.map((p: any) => p.code);
      assert.ok(codes.includes('1a'));
      assert.ok(!codes.includes('zz9'), 'a proposal is internal');
      assert.ok(list.items.every((p: any) => p.updatedAt.endsWith('Z')), 'instants in UTC');
      const project = await get(`${API}/programmes/leiden/projects/1a`);
      const body = project.json();
      assert.match(String(project.headers.etag), /^"[0-9a-f-]+\.\d+"$/);
      assert.ok(body.partners.length > 0);
      assert.ok(body.partners.every((p: any) => !('capacityHours' in p) && !('moneyCents' in p)), 'commitments are internal');
      assert.ok(body.actions.length > 0);
      const actions = (await get(`${API}/programmes/leiden/projects/1a/actions?pageSize=1`)).json();
      assert.equal(actions.items.length, 1);
      const action = await get(`${API}/programmes/leiden/projects/1a/actions/${actions.items[0].id}`);
      assert.ok(action.headers.etag);
      await get(`${API}/programmes/leiden/projects/1a/actions/00000000-0000-4000-8000-000000000000`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${API}/programmes/leiden/projects/zz9`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${API}/programmes/leiden/projects/zz9/actions`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${API}/programmes/leiden/projects?lifecycle=proposed`).then((r) => assert.equal(r.json().page.totalItems, 0));
    });

    test('a coordinator\'s token sees internal projects and commitments; a lead of another project does not', async () => {
      const { token } = await tokenFor(t, { role: 'coordinator' }, 'read');
      const list = (await get(`${API}/programmes/leiden/projects?lifecycle=proposed`, bearer(token))).json();
      assert.deepEqual(list.items.map((p: any) => p.code), ['zz9']);
      const project = (await get(`${API}/programmes/leiden/projects/1a`, bearer(token))).json();
      assert.ok(project.partners.every((p: any) => 'capacityHours' in p && 'moneyCents' in p));
      await get(`${API}/programmes/leiden/projects/zz9`, bearer(token)).then((r) => assert.equal(r.statusCode, 200));
      const lead = await tokenFor(t, { role: 'lead', project: '3a' }, 'read');
      await get(`${API}/programmes/leiden/projects/zz9`, bearer(lead.token)).then((r) => assert.equal(r.statusCode, 404));
    });

    test('invalid input is 400 listing every problem; unknown paths and trailing slashes are 404', async () => {
      const response = await get(`${API}/programmes/leiden/projects?foo=1&pageSize=500&sort=title`);
      assert.equal(response.statusCode, 400);
      const names = response.json().invalidParams.map((p: any) => p.name).sort();
      assert.deepEqual(names, ['query.foo', 'query.pageSize', 'query.sort']);
      await get(`${API}/programmes?page=0`).then((r) => assert.equal(r.statusCode, 400));
      await get(`${API}/programmes/leiden/projects/1a/actions/not-a-uuid`).then((r) => assert.equal(r.statusCode, 400));
      await get(`${API}/programmes/leiden/projects/`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${API}/programmes/`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${API}/programmes/nope/projects`).then((r) => assert.equal(r.statusCode, 404));
      await get(`${API}/nothing-here`).then((r) => assert.equal(r.statusCode, 404));
      const english = await get(`${API}/programmes/nope`, { 'accept-language': 'en' });
      assert.equal(english.json().title, 'Page not found');
    });

    test('bearer tokens: unknown is 401, another programme\'s is 404, a revoked one stops working', async () => {
      const unknown = await get(`${API}/programmes/leiden/projects`, bearer('ks_not-a-real-token'));
      assert.equal(unknown.statusCode, 401);
      assert.match(String(unknown.headers['www-authenticate']), /^Bearer/);
      await get(`${API}/programmes/leiden/projects`, { authorization: 'Basic abc' }).then((r) => assert.equal(r.statusCode, 401));

      const user = await buildUser(t, { role: 'coordinator' });
      await grantRole(t.database.db, { userId: user.id, programmeSlug: 'delft', role: 'coordinator' });
      const session = await login(t, user.email);
      const delftToken = await createToken(t, session, 'read-write', 'delft');
      await get(`${API}/programmes/delft/projects`, bearer(delftToken)).then((r) => assert.equal(r.statusCode, 200));
      await get(`${API}/programmes/leiden/projects`, bearer(delftToken)).then((r) => assert.equal(r.statusCode, 404));
      await get(`${API}/programmes/leiden/projects/1a`, bearer(delftToken)).then((r) => assert.equal(r.statusCode, 404));
      await send('PATCH', `${API}/programmes/leiden/projects/1a`, { title: { en: 'x' } }, { ...bearer(delftToken), 'if-match': '*' }).then((r) => assert.equal(r.statusCode, 404));

      const leidenToken = await createToken(t, session, 'read');
      const page = await t.app.inject({ url: '/en/account/tokens', headers: { cookie: session.cookie } });
      assert.equal(page.statusCode, 200);
      assert.ok(!page.body.includes(leidenToken), 'a token is shown only once');
      const [row] = await t.database.db.select().from(apiTokens).where(and(eq(apiTokens.userId, user.id), eq(apiTokens.programmeId, leidenId)));
      assert.notEqual(row!.tokenHash, leidenToken, 'only a hash is stored');
      assert.ok(page.body.includes(`/en/account/tokens/${row!.id}/revoke`));
      await get(`${API}/programmes/leiden/projects`, bearer(leidenToken)).then((r) => assert.equal(r.statusCode, 200));
      const revoke = await t.app.inject({ method: 'POST', url: `/en/account/tokens/${row!.id}/revoke`, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf } });
      assert.equal(revoke.statusCode, 303);
      await get(`${API}/programmes/leiden/projects`, bearer(leidenToken)).then((r) => assert.equal(r.statusCode, 401));
      // Someone else's token cannot be revoked by another user.
      const other = await loginAs(t, { role: 'coordinator' });
      const foreign = await t.app.inject({ method: 'POST', url: `/en/account/tokens/${row!.id}/revoke`, headers: { cookie: other.cookie }, payload: { _csrf: other.csrf } });
      assert.equal(foreign.statusCode, 404);
    });

    test('the tokens page: sign-in required, invalid input re-rendered with messages, no programme outside one\'s roles', async () => {
      const anonymousPage = await t.app.inject({ url: '/nl/account/tokens' });
      assert.equal(anonymousPage.statusCode, 303);
      const session = await loginAs(t, { role: 'partner', organisation: 'lumc' });
      for (const locale of ['nl', 'en']) {
        const page = await t.app.inject({ url: `/${locale}/account/tokens`, headers: { cookie: session.cookie } });
        assert.equal(page.statusCode, 200);
        assert.match(page.body, new RegExp(`<html lang="${locale}"`));
      }
      const invalid = await t.app.inject({
        method: 'POST',
        url: '/en/account/tokens',
        headers: { cookie: session.cookie },
        payload: { name: '', scope: 'admin', programme: 'delft', _csrf: session.csrf },
      });
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /Choose the token&#39;s permissions|Choose the token's permissions/);
      assert.match(invalid.body, /Choose a programme in which you have a role/);
      const noCsrf = await t.app.inject({ method: 'POST', url: '/en/account/tokens', headers: { cookie: session.cookie }, payload: { name: 'x', scope: 'read', programme: 'leiden' } });
      assert.equal(noCsrf.statusCode, 403);
    });

    test('PATCH a project: lead with read-write token, If-Match required (428) and current (412), audit written', async () => {
      const { session, token } = await tokenFor(t, { role: 'lead', project: '3a' });
      const url = `${API}/programmes/leiden/projects/3a`;
      const current = await get(url, bearer(token));
      const etag = String(current.headers.etag);

      await send('PATCH', url, { title: { en: 'Anonymous edit' } }).then((r) => assert.equal(r.statusCode, 401));
      // A browser session is not an API credential (no CSRF protection on the API).
      await send('PATCH', url, { title: { en: 'Cookie edit' } }, { cookie: session.cookie, 'if-match': etag }).then((r) => assert.equal(r.statusCode, 401));
      await send('PATCH', url, { title: { en: 'No precondition' } }, bearer(token)).then((r) => assert.equal(r.statusCode, 428));
      await send('PATCH', url, { title: { en: 'Stale' } }, { ...bearer(token), 'if-match': '"00000000-0000-4000-8000-000000000000.1"' }).then((r) => assert.equal(r.statusCode, 412));
      // If-Match compares strongly: the current tag sent as a weak one does not match.
      await send('PATCH', url, { title: { en: 'Weak' } }, { ...bearer(token), 'if-match': `W/${etag}` }).then((r) => assert.equal(r.statusCode, 412));
      const invalid = await send('PATCH', url, { title: { de: 'x' }, colour: 'red' }, { ...bearer(token), 'if-match': etag });
      assert.equal(invalid.statusCode, 400);
      assert.deepEqual(invalid.json().invalidParams.map((p: any) => p.name).sort(), ['body.colour', 'body.title.de']);
      await send('PATCH', url, {}, { ...bearer(token), 'if-match': etag }).then((r) => assert.equal(r.statusCode, 400));

      const ok = await send('PATCH', url, { title: { en: 'Renamed by the lead' }, goal: { nl: 'Nieuw doel' } }, { ...bearer(token), 'if-match': etag });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().title.en, 'Renamed by the lead');
      assert.equal(ok.json().goal.nl, 'Nieuw doel');
      assert.notEqual(ok.headers.etag, etag);
      assert.equal(ok.json().version, current.json().version + 1);
      // The old ETag is now stale: the second writer does not overwrite the first.
      await send('PATCH', url, { title: { en: 'Lost update' } }, { ...bearer(token), 'if-match': etag }).then((r) => assert.equal(r.statusCode, 412));
      const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'project.update'), eq(auditEvents.origin, 'api')));
      assert.ok(audit.some((a) => (a.after as any)?.title?.en === 'Renamed by the lead'));
    });

    test('PATCH a project is refused for read-only tokens, partners and leads of other projects', async () => {
      const url = `${API}/programmes/leiden/projects/3a`;
      const etag = String((await get(url)).headers.etag);
      const readOnly = await tokenFor(t, { role: 'lead', project: '3a' }, 'read');
      await send('PATCH', url, { title: { en: 'x' } }, { ...bearer(readOnly.token), 'if-match': etag }).then((r) => assert.equal(r.statusCode, 403));
      const partner = await tokenFor(t, { role: 'partner', organisation: 'lumc' });
      await send('PATCH', url, { title: { en: 'x' } }, { ...bearer(partner.token), 'if-match': etag }).then((r) => assert.equal(r.statusCode, 403));
      const otherLead = await tokenFor(t, { role: 'lead', project: '1a' });
      await send('PATCH', url, { title: { en: 'x' } }, { ...bearer(otherLead.token), 'if-match': etag }).then((r) => assert.equal(r.statusCode, 403));
      await send('PATCH', `${API}/programmes/leiden/projects/zz9`, { title: { en: 'x' } }, { ...bearer(otherLead.token), 'if-match': '*' }).then((r) => assert.equal(r.statusCode, 404));
      const coordinator = await tokenFor(t, { role: 'coordinator' });
      const ok = await send('PATCH', `${API}/programmes/leiden/projects/zz9`, { status: { en: 'under review' } }, { ...bearer(coordinator.token), 'if-match': '*' });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().status.en, 'under review');
    });

    test('POST and PATCH actions: lead creates and completes one; invalid input, missing If-Match and strangers refused', async () => {
      const { token } = await tokenFor(t, { role: 'lead', project: '3a' });
      const base = `${API}/programmes/leiden/projects/3a/actions`;
      const invalid = await send('POST', base, { dueOn: '2026-13-45', state: 'someday', extra: true }, bearer(token));
      assert.equal(invalid.statusCode, 400);
      assert.deepEqual(invalid.json().invalidParams.map((p: any) => p.name).sort(), ['body.description', 'body.dueOn', 'body.extra', 'body.state']);
      await send('POST', base, { description: { en: 'x' }, ownerOrganisation: 'nope' }, bearer(token)).then((r) => assert.equal(r.statusCode, 400));
      await send('POST', base, { description: { en: 'x' } }).then((r) => assert.equal(r.statusCode, 401));
      const partner = await tokenFor(t, { role: 'partner', organisation: 'lumc' });
      await send('POST', base, { description: { en: 'x' } }, bearer(partner.token)).then((r) => assert.equal(r.statusCode, 403));

      const created = await send('POST', base, { description: { nl: 'Rapport opleveren', en: 'Deliver the report' }, dueOn: '2027-03-31', ownerOrganisation: 'lumc' }, bearer(token));
      assert.equal(created.statusCode, 201);
      const action = created.json();
      assert.equal(action.state, 'open');
      assert.equal(action.ownerOrganisation.slug, 'lumc');
      assert.equal(created.headers.location, `${base}/${action.id}`);
      const fetched = await get(String(created.headers.location));
      assert.equal(fetched.json().description.en, 'Deliver the report');

      const url = `${base}/${action.id}`;
      await send('PATCH', url, { state: 'done' }, bearer(token)).then((r) => assert.equal(r.statusCode, 428));
      await send('PATCH', url, { state: 'done' }, { ...bearer(partner.token), 'if-match': String(fetched.headers.etag) }).then((r) => assert.equal(r.statusCode, 403));
      const done = await send('PATCH', url, { state: 'done', dueOn: null }, { ...bearer(token), 'if-match': String(fetched.headers.etag) });
      assert.equal(done.statusCode, 200);
      assert.equal(done.json().state, 'done');
      assert.match(done.json().completedOn, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(done.json().dueOn, null);
      await send('PATCH', url, { state: 'open' }, { ...bearer(token), 'if-match': String(fetched.headers.etag) }).then((r) => assert.equal(r.statusCode, 412));
      await send('PATCH', `${base}/00000000-0000-4000-8000-000000000000`, { state: 'open' }, { ...bearer(token), 'if-match': '*' }).then((r) => assert.equal(r.statusCode, 404));
    });

    test('open data: the public data as one JSON and one CSV download, the same for every caller', async () => {
      const { token } = await tokenFor(t, { role: 'coordinator' }, 'read');
      const json = await get(`${API}/programmes/leiden/open-data.json`, bearer(token));
      assert.match(String(json.headers['content-disposition']), /attachment; filename="leiden-open-data.json"/);
      const data = json.json();
      assert.equal(data.programme.slug, 'leiden');
      assert.ok(data.projects.some((p: any) => p.code === '1a' && p.partners.length > 0 && p.actions.length > 0));
      assert.ok(!data.projects.some((p: any) => p.code === 'zz9'), 'internal projects stay out, even for a coordinator');
      assert.ok(data.projects.every((p: any) => p.partners.every((x: any) => !('capacityHours' in x))));
      assert.ok(data.organisations.some((o: any) => o.slug === 'lumc'));
      const csv = await get(`${API}/programmes/leiden/open-data.csv`);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      const lines = csv.body.trim().split('\r\n');
      assert.equal(lines[0], '"record","key","parent","field","nl","en"');
      assert.ok(lines.some((line) => line.startsWith('"project","1a",')));
      assert.ok(!lines.some((line) => line.startsWith('"project","zz9",')));
      assert.ok(lines.some((line) => line.startsWith('"partner",') && line.includes('"1a"')));
      await get(`${API}/programmes/nope/open-data.csv`).then((r) => assert.equal(r.statusCode, 404));
    });

    test('every documented operation was exercised and checked against the document', () => {
      // This file covers the resources of this folder; other capabilities test their own.
      const mine = new Set(['Meta', 'Programmes', 'Themes', 'Projects', 'Actions', 'Organisations', 'Targets', 'Open data']);
      const operations = Object.entries<any>(doc.document.paths).flatMap(([path, ops]) =>
        Object.entries<any>(ops)
          .filter(([, op]) => (op.tags ?? []).some((tag: string) => mine.has(tag)))
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
      assert.ok(operations.length >= 16, `only ${operations.length} operations`);
      const seen = new Set([...doc.checked.keys()].map((key) => key.split(' ').slice(0, 2).join(' ')));
      assert.deepEqual(operations.filter((op) => !seen.has(op)), []);
    });
  });
}
