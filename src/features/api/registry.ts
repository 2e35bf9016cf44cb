// Which resources the API serves. Each capability adds its endpoints with one call, in its own
// file, so the API grows without anyone editing a shared route list:
//
//   registerApiResource({ name: 'meetings', tag: { name: 'Meetings', description: '...' }, register: (api, deps) => { api.get(...) } });
//
// `api` is the /api/v1 scope: routes registered there get the API's validation (unknown keys are
// 400), problem+json errors, the API-Version header, CORS and bearer-token actors, and they appear
// in /api/v1/openapi.json. Paths are relative to /api/v1 and must be kebab-case without a trailing
// slash; programme-scoped paths start with /programmes/:programme. Import the file from
// src/features/api/resources/index.ts (one line) or from the capability's own routes module before
// buildApp runs.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';

export type ApiScope = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

export interface ApiDeps {
  db: Db;
  config: Config;
}

export interface ApiResource {
  name: string;
  /** The OpenAPI tag the resource's operations carry. */
  tag: { name: string; description: string };
  /** Lower comes first in the document. */
  order?: number;
  register(api: ApiScope, deps: ApiDeps): void;
}

const resources: ApiResource[] = [];

export function registerApiResource(resource: ApiResource): void {
  if (resources.some((existing) => existing.name === resource.name)) return;
  resources.push(resource);
  resources.sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

export function apiResources(): readonly ApiResource[] {
  return resources;
}
