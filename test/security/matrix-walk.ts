// The machinery behind the access matrix: fills a route pattern with representative objects,
// sends the request as each role and classifies the answer into one letter.
import type { LightMyRequestResponse } from 'fastify';
import type { Actor, ObjectSet, RoleKey, World } from './world.ts';

export type Variant = 'own' | 'other' | 'foreign';

/**
 * Answer classes: o 2xx/304 · r redirect (not to login) · L redirect to the login page · U 401 ·
 * F 403 · N 404 · B 400/422 (authorised, input refused) · C 409/412/428 · T other 4xx · 5 5xx.
 */
export function classify(response: LightMyRequestResponse): string {
  const status = response.statusCode;
  if (status >= 500) return '5';
  if ((status >= 200 && status < 300) || status === 304) return 'o';
  if (status >= 300 && status < 400) return /\/login(\?|$)/.test(String(response.headers.location ?? '')) ? 'L' : 'r';
  if (status === 401) return 'U';
  if (status === 403) return 'F';
  if (status === 404) return 'N';
  if (status === 400 || status === 422) return 'B';
  if (status === 409 || status === 412 || status === 428) return 'C';
  return 'T';
}

export const DENIED = new Set(['L', 'U', 'F', 'N']);
const UUID_PARAMS = new Set(['action', 'actionId', 'agenda', 'agendaId', 'decisionId', 'fundId', 'meeting', 'item', 'membership', 'person', 'id']);

function params(pattern: string): string[] {
  return [...pattern.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
}

/** Which object variants a route has: own/other for project-scoped routes, foreign for programme routes. */
export function variantsOf(key: string): Variant[] {
  const pattern = key.split(' ')[1]!;
  const names = params(pattern);
  const variants: Variant[] = ['own'];
  if (names.some((n) => n === 'code' || n === 'projectCode') || pattern.includes('/account/tokens/:id')) variants.push('other');
  if (names.includes('programme')) variants.push('foreign');
  return variants;
}

/** Whether the foreign variant puts another programme's id under this programme (an IDOR probe). */
export function isIdorProbe(key: string): boolean {
  const names = params(key.split(' ')[1]!);
  return names.includes('programme') && names.some((n) => UUID_PARAMS.has(n)) && !key.includes('/account/');
}

export function fillPattern(key: string, variant: Variant, world: World, actor: Actor, overrides: Record<string, string> = {}): string {
  const [, rawPattern] = key.split(' ') as [string, string];
  let pattern = rawPattern.startsWith('~') ? `/nl${rawPattern.slice(1) === '/' ? '' : rawPattern.slice(1)}` : rawPattern;
  if (pattern === '/*') pattern = '/api/v1/programmes/:programme/projects';
  const idor = variant === 'foreign' && isIdorProbe(key);
  // The programme in the URL: another programme's slug, unless the probe is an id from another programme.
  const slugSet: ObjectSet = variant === 'foreign' && !idor ? world.away : world.home;
  const idSet: ObjectSet = variant === 'foreign' ? world.away : world.home;
  const other = variant === 'other';
  const segments = pattern.split('/');
  return segments
    .map((segment, index) => {
      if (!segment.startsWith(':')) return segment;
      const name = segment.slice(1);
      if (overrides[name] !== undefined) return overrides[name]!;
      const before = segments[index - 1] ?? '';
      const before2 = segments[index - 2] ?? '';
      switch (name) {
        case 'programme':
          return slugSet.slug;
        case 'code':
        case 'projectCode':
          return other ? slugSet.otherProject : slugSet.ownProject;
        case 'action':
        case 'actionId':
          if (before === 'actions' && pattern.includes('/meetings/')) return idSet.meetingAction;
          return other ? idSet.otherAction : idSet.ownAction;
        case 'organisation':
          return other ? slugSet.otherPartnerOrg : slugSet.partnerOrg;
        case 'theme':
        case 'themeCode':
          return slugSet.theme;
        case 'key':
        case 'targetKey':
          return slugSet.target;
        case 'organisationSlug':
          return slugSet.organisation;
        case 'slug':
          if (before === 'organisations') return slugSet.organisation;
          if (before === 'news') return slugSet.news;
          if (before === 'events') return slugSet.event;
          if (before === 'pages') return slugSet.page;
          if (before === 'theme') return `${slugSet.slug}.css`;
          return slugSet.slug;
        case 'amendmentNumber':
          return idSet.amendment;
        case 'versionNumber':
          return idSet.agreementVersion;
        case 'meetingId':
          return idSet.meeting;
        case 'applicationId':
          return idSet.application;
        case 'agenda':
        case 'agendaId':
          return idSet.agenda;
        case 'decisionId':
          return idSet.decision;
        case 'fundId':
          return idSet.fund;
        case 'meeting':
          return idSet.meeting;
        case 'item':
          return idSet.item;
        case 'membership':
          return idSet.membership;
        case 'person':
          return idSet.person;
        case 'kind':
          return before === 'bodies' ? 'executive' : 'news';
        case 'id':
          if (before === 'tokens') {
            const owner = other ? (actor.role === 'admin' ? world.actors.coordinator : world.actors.admin) : actor;
            return owner.apiTokenId ?? world.actors.admin.apiTokenId!;
          }
          if (before === 'representatives') return idSet.representative;
          if (before === 'applications') return idSet.application;
          return idSet.newsId;
        case 'number':
          return before2 === 'versions' || before === 'versions' ? idSet.agreementVersion : idSet.amendment;
        case 'format':
          return pattern.includes('/evaluations/') ? 'report.pdf' : 'pdf';
        case 'year':
          return '2018';
        case 'token':
          return 'A'.repeat(43);
        case 'file':
          return 'app.css';
        default:
          // A parameter this walk does not know yet: an id that matches nothing (the row must then say N).
          return /Id$/.test(name) ? '00000000-0000-4000-8000-000000000000' : 'unknown';
      }
    })
    .join('/');
}

export async function send(world: World, key: string, variant: Variant, role: RoleKey, body?: Record<string, unknown>, overrides: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const method = key.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'OPTIONS';
  const actor = world.actors[role];
  const url = fillPattern(key, variant, world, actor, overrides);
  const api = url.startsWith('/api/');
  const headers: Record<string, string> = {};
  if (api) {
    if (actor.apiToken) headers.authorization = `Bearer ${actor.apiToken}`;
    if (method === 'PATCH') headers['if-match'] = '*';
    if (method === 'OPTIONS') Object.assign(headers, { origin: 'https://example.org', 'access-control-request-method': 'PATCH' });
  } else {
    headers.cookie = actor.cookie;
  }
  if (method === 'GET' || method === 'OPTIONS') return world.t.app.inject({ method, url, headers });
  if (api) return world.t.app.inject({ method, url, headers, payload: body ?? {} });
  return world.t.app.inject({ method, url, headers, payload: { _csrf: actor.csrf, ...(body ?? {}) } });
}
