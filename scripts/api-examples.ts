// Writes src/features/api/examples.generated.ts: for every API operation, a request (where it takes a body)
// and the answer the API really gave, captured from a throwaway copy of the default Leiden data
// with the programme clock inside the agreement's term. The OpenAPI document shows them as the
// operations' examples; src/features/api/examples.test.ts checks that every operation has one and
// that each still matches its schema, so they cannot drift from the API silently.
//
//   node --import tsx scripts/api-examples.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { setClock } from '../src/clock.ts';
import { agreementParties, organisations, programmes } from '../src/db/schema.ts';
import { loginAs, startTestApp, type Session, type TestApp } from '../test/support/app.ts';
import { heldDecision } from '../test/support/decisions.ts';
import type { Json, OperationExample } from '../src/features/api/examples.ts';

const API = '/api/v1';
const L = `${API}/programmes/leiden`;
// Long texts (the agreement runs to many pages) and long lists are shortened: an example shows the shape.
const MAX_TEXT = 240;
const MAX_ITEMS = 2;


function shorten(value: Json): Json {
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT).trimEnd()}…` : value;
  // The fullest items show the shape best (and a null under a key like "targetValue" trips a
  // filter of the API Design Rules' Spectral ruleset that reads `.parameters` of every such key).
  if (Array.isArray(value)) return [...value].sort((a, b) => nulls(a) - nulls(b)).slice(0, MAX_ITEMS).map(shorten);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shorten(inner)]));
  return value;
}

function nulls(value: Json): number {
  if (value === null) return 1;
  if (typeof value !== 'object') return 0;
  return Object.values(value).reduce<number>((sum, inner) => sum + nulls(inner), 0);
}

async function tokenFor(t: TestApp, spec: Parameters<typeof loginAs>[1]): Promise<string> {
  const session = await loginAs(t, spec);
  const response = await t.app.inject({
    method: 'POST',
    url: '/en/account/tokens',
    headers: { cookie: session.cookie },
    payload: { name: 'examples', scope: 'read-write', programme: 'leiden', _csrf: session.csrf },
  });
  const match = /<code id="new-token">([^<]+)<\/code>/.exec(response.body);
  if (!match) throw new Error(`No token: ${response.statusCode}`);
  return match[1]!;
}

/**
 * The default data has no fund, amendment or confirmed decision: made here the way people make
 * them (the coordinator's forms, a representative's proposal), except the decision, whose
 * four-eyes path is not what these examples are about.
 */
async function recordsTheDefaultDataLacks(t: TestApp): Promise<void> {
  const post = async (session: Session, url: string, payload: Record<string, string>) => {
    const response = await t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { _csrf: session.csrf, ...payload } });
    if (response.statusCode !== 303) throw new Error(`${url} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
  };
  const coordinator = await loginAs(t, { role: 'coordinator' });
  await post(coordinator, '/nl/leiden/fund/funds', { kind: 'joint', name_nl: 'Kennisfonds', name_en: 'Knowledge fund' });
  const [party] = await t.database.db
    .select({ id: agreementParties.id })
    .from(agreementParties)
    .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
    .where(eq(organisations.slug, 'lumc'));
  const representative = await loginAs(t, { role: 'partner', organisation: 'lumc', name: 'Vertegenwoordiger LUMC' });
  await post(coordinator, '/nl/leiden/agreement/representatives', { party: party!.id, email: representative.email });
  await post(representative, '/nl/leiden/agreement/amendments', {
    party: party!.id,
    kind: 'renewal',
    title_nl: 'Verlenging met vijf jaar',
    title_en: 'Renewal by five years',
    reason_nl: 'Het programma loopt goed en de partijen willen doorgaan.',
    reason_en: 'The programme works well and the parties wish to continue.',
  });
  const [programme] = await t.database.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'leiden'));
  await heldDecision(t.database.db, {
    programmeId: programme!.id,
    startsAt: '2019-04-15T12:00:00Z',
    text: { nl: 'De stuurgroep stelt de jaaragenda 2019 vast.', en: 'The steering group adopts the annual agenda 2019.' },
  });
}

export async function captureExamples(): Promise<Record<string, OperationExample>> {
  // Inside the term, on a day that matches the examples' dates.
  setClock('2019-06-03T10:00:00Z');
  const t = await startTestApp('pglite', { apiRateLimit: 100_000 });
  try {
    const coordinator = await tokenFor(t, { role: 'coordinator' });
    const lead = await tokenFor(t, { role: 'lead', project: '3a' });
    await recordsTheDefaultDataLacks(t);
    const examples: Record<string, OperationExample> = {};

    async function call(operationId: string, url: string, options: { method?: 'GET' | 'POST' | 'PATCH'; token?: string; body?: Json; ifMatch?: string } = {}) {
      const method = options.method ?? 'GET';
      const headers: Record<string, string> = { 'accept-language': 'en' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (options.ifMatch) headers['if-match'] = options.ifMatch;
      const response = await t.app.inject({ method, url, headers, ...(options.body !== undefined ? { payload: options.body as object } : {}) });
      if (response.statusCode >= 300) throw new Error(`${operationId}: ${method} ${url} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
      const type = String(response.headers['content-type'] ?? '');
      const answer: Json = type.includes('json') ? (response.json() as Json) : response.body.split('\n').slice(0, 3).join('\n');
      examples[operationId] = { ...(options.body !== undefined ? { request: options.body } : {}), status: response.statusCode, response: shorten(answer) };
      return { body: answer as any, etag: String(response.headers.etag ?? '') };
    }

    await call('listProgrammes', `${API}/programmes`);
    await call('getProgramme', L);
    await call('listThemes', `${L}/themes`);
    await call('getTheme', `${L}/themes/3`);
    await call('listProjects', `${L}/projects?pageSize=2`);
    const project = await call('getProject', `${L}/projects/3a`);
    await call('updateProject', `${L}/projects/3a`, {
      method: 'PATCH',
      token: coordinator,
      ifMatch: project.etag,
      body: { status: { nl: 'In uitvoering: 600 eenheden opgeleverd', en: 'Under way: 600 units delivered' } },
    });
    const created = await call('createAction', `${L}/projects/3a/actions`, {
      method: 'POST',
      token: coordinator,
      body: { description: { nl: 'Tussenrapportage opleveren', en: 'Deliver the interim report' }, dueOn: '2019-09-30', ownerOrganisation: 'gemeente-leiden' },
    });
    await call('listActions', `${L}/projects/3a/actions?pageSize=2`);
    const action = await call('getAction', `${L}/projects/3a/actions/${created.body.id}`);
    await call('updateAction', `${L}/projects/3a/actions/${created.body.id}`, { method: 'PATCH', token: coordinator, ifMatch: action.etag, body: { state: 'done' } });
    await call('listOrganisations', `${L}/organisations?pageSize=2`);
    await call('getOrganisation', `${L}/organisations/universiteit-leiden`);
    await call('listTargets', `${L}/targets`);
    await call('getTarget', `${L}/targets/student-housing`);
    await call('createMeasurement', `${L}/targets/student-housing/measurements`, {
      method: 'POST',
      token: lead,
      body: { measuredOn: '2019-05-31', value: 1150, source: 'Monitor studentenhuisvesting 2019' },
    });
    await call('listMeasurements', `${L}/targets/student-housing/measurements`);
    await call('fileProgressReport', `${L}/projects/3a/progress-reports`, {
      method: 'POST',
      token: lead,
      body: { period: '2019-Q2', status: 'at_risk', narrative: { nl: 'Vertraging bij de bouw van twee complexen', en: 'Construction of two buildings delayed' } },
    });
    await call('listProgressReports', `${L}/projects/3a/progress-reports`, { token: lead });
    await call('getAgreement', `${L}/agreement`);
    await call('listAgreementVersions', `${L}/agreement/versions`);
    await call('getAgreementVersion', `${L}/agreement/versions/1`);
    const amendments = await call('listAmendments', `${L}/agreement/amendments`, { token: coordinator });
    if (amendments.body.items?.[0]) await call('getAmendment', `${L}/agreement/amendments/${amendments.body.items[0].number}`, { token: coordinator });
    const funds = await call('listFunds', `${L}/funds`, { token: coordinator });
    if (funds.body.items?.[0]) await call('getFund', `${L}/funds/${funds.body.items[0].id}`, { token: coordinator });
    const meeting = await call('createMeeting', `${L}/meetings`, {
      method: 'POST',
      token: coordinator,
      body: { body: 'support', startsAt: '2019-06-20T12:00:00Z', endsAt: '2019-06-20T14:00:00Z', location: 'Stadhuis Leiden' },
    });
    await call('listMeetings', `${L}/meetings?pageSize=2`, { token: coordinator });
    const fetched = await call('getMeeting', `${L}/meetings/${meeting.body.id}`, { token: coordinator });
    await call('updateMeeting', `${L}/meetings/${meeting.body.id}`, { method: 'PATCH', token: coordinator, ifMatch: fetched.etag, body: { location: 'Online', onlineUrl: 'https://meet.example/stuurgroep' } });
    const decisions = await call('listDecisions', `${L}/decisions?pageSize=2`, { token: coordinator });
    if (decisions.body.items?.[0]) await call('getDecision', `${L}/decisions/${decisions.body.items[0].id}`, { token: coordinator });
    const agendas = await call('listAnnualAgendas', `${L}/annual-agendas`, { token: coordinator });
    if (agendas.body.items?.[0]) await call('getAnnualAgenda', `${L}/annual-agendas/${agendas.body.items[0].id}`, { token: coordinator });
    await call('exportOpenDataJson', `${L}/open-data.json`);
    await call('exportOpenDataCsv', `${L}/open-data.csv`);
    const news = await call('listNews', `${L}/news?pageSize=2`);
    if (news.body.items?.[0]) await call('getNewsItem', `${L}/news/${news.body.items[0].slug}`);
    const events = await call('listEvents', `${L}/events?pageSize=2`);
    if (events.body.items?.[0]) await call('getEvent', `${L}/events/${events.body.items[0].slug}`);
    return examples;
  } finally {
    setClock(null);
    await t.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const examples = await captureExamples();
  const target = fileURLToPath(new URL('../src/features/api/examples.generated.ts', import.meta.url));
  const header = '// Generated by scripts/api-examples.ts from the API\'s real answers on the default data: run it again after changing an operation.\n';
  const source = `${header}import type { OperationExample } from './examples.ts';\n\nexport const OPERATION_EXAMPLES: Record<string, OperationExample> = ${JSON.stringify(examples, null, 2)};\n`;
  writeFileSync(target, source);
  console.log(`${Object.keys(examples).length} operations -> ${target}`);
}
