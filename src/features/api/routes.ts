// The open API under /api/v1 (NL GOV API Design Rules). One encapsulated Fastify scope holds every
// API route, so they share: strict validation that reports every problem (unknown keys are errors,
// not silently dropped), problem+json errors, the API-Version header, CORS for any origin, and
// bearer-token actors instead of browser sessions (the API has no CSRF protection, so it must not
// accept cookies). The OpenAPI document is generated from the route schemas by @fastify/swagger.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv, type ErrorObject } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { HttpError, notFound } from '../../web/http.ts';
import { credentialThrottled, recordCredentialAttempt, THROTTLE } from '../accounts/passwords.ts';
import { sendProblem } from '../../web/error-pages.tsx';
import { translate } from '../../web/i18n.ts';
import { preferredLocale } from '../portfolio/routes.tsx';
import './messages.ts';
import './resources/index.ts';
import { addExamples } from './examples.ts';
import { apiResources, type ApiScope } from './registry.ts';
import { API_PREFIX, API_VERSION, problems } from './schemas.ts';
import { authenticateToken, type TokenActor } from './tokens/commands.ts';
import { registerTokenPages } from './tokens/routes.tsx';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The API Design Rules allow English resource names when a glossary maps them to the Dutch terms
 * of the domain: here, the words of the cooperation agreement.
 */
export const API_GLOSSARY = [
  { term: 'programme', dutch: 'programma (het samenwerkingsprogramma, bv. "Programma Leiden Kennisstad")' },
  { term: 'agreement', dutch: 'samenwerkingsovereenkomst' },
  { term: 'party', dutch: 'partij (ondertekenaar van de overeenkomst)' },
  { term: 'amendment', dutch: 'wijziging van de overeenkomst (met instemming van alle partijen)' },
  { term: 'theme', dutch: 'thema' },
  { term: 'project', dutch: 'project' },
  { term: 'lead', dutch: 'trekker (projecttrekker/eigenaar)' },
  { term: 'partner', dutch: 'partner (bevestigd of beoogd)' },
  { term: 'organisation', dutch: 'organisatie (partij, onderdeel van een partij of andere partner)' },
  { term: 'action', dutch: 'actie' },
  { term: 'target', dutch: 'doelstelling (gemonitord streefgetal, bv. 2.700 studenteneenheden)' },
  { term: 'measurement', dutch: 'meting' },
  { term: 'body', dutch: 'niveau van de stuurgroep: bestuurlijk (executive) of ambtelijke steun (support)' },
  { term: 'meeting', dutch: 'vergadering van de stuurgroep' },
  { term: 'decision', dutch: 'besluit' },
  { term: 'annual agenda', dutch: 'jaaragenda' },
  { term: 'fund', dutch: 'kennisfonds (gezamenlijk of geoormerkt per partner)' },
  { term: 'application', dutch: 'aanvraag bij het kennisfonds' },
  { term: 'news item', dutch: 'nieuwsbericht' },
  { term: 'event', dutch: 'evenement' },
];
const tokens = new WeakMap<FastifyRequest, TokenActor>();
/** How long a throttled token guesser waits at most: the throttle's window. */
const TOKEN_GUESS_WAIT_SECONDS = THROTTLE.windowMinutes * 60;

/** The token the request came with, if any (its programme and scope). */
export function requestToken(request: FastifyRequest): TokenActor | undefined {
  return tokens.get(request);
}

const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ?? formatsPlugin) as unknown as (ajv: Ajv) => Ajv;

function buildAjv(coerce: boolean): Ajv {
  // removeAdditional off and allErrors on: an unknown key is reported, with every other problem.
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, coerceTypes: coerce ? 'array' : false, strict: false });
  addFormats(ajv);
  return ajv;
}

const PART_NAMES: Record<string, string> = { querystring: 'query', body: 'body', params: 'path', headers: 'header' };

function invalidParams(part: string | undefined, errors: ErrorObject[]): { field: string; messageKey: string }[] {
  const prefix = PART_NAMES[part ?? ''] ?? part ?? 'request';
  const seen = new Set<string>();
  // A nullable field that fails reports the same place up to three times (type, format, anyOf): once is enough.
  return errors.flatMap((error) => {
    const path = error.instancePath.split('/').filter(Boolean).join('.');
    if (error.keyword === 'additionalProperties') {
      const key = String((error.params as { additionalProperty?: string }).additionalProperty);
      return once({ field: [prefix, path, key].filter(Boolean).join('.'), messageKey: 'api.invalid.unknownKey' });
    }
    if (error.keyword === 'required') {
      const key = String((error.params as { missingProperty?: string }).missingProperty);
      return once({ field: [prefix, path, key].filter(Boolean).join('.'), messageKey: 'api.invalid.required' });
    }
    // Ajv's own wording ("must be <= 100", "must be equal to one of the allowed values").
    return once({ field: [prefix, path].filter(Boolean).join('.'), messageKey: error.message ?? 'invalid' });
  });

  function once(problem: { field: string; messageKey: string }) {
    if (seen.has(problem.field)) return [];
    seen.add(problem.field);
    return [problem];
  }
}

function contactEmail(config: Config): string {
  if (process.env.API_CONTACT_EMAIL) return process.env.API_CONTACT_EMAIL;
  const host = new URL(config.baseUrl).hostname;
  // "localhost" or an IP address makes no valid e-mail address; a placeholder does.
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(host) ? `info@${host}` : 'info@kennisstad.example';
}

type OpenApiDocument = {
  info?: Record<string, unknown>;
  paths?: Record<string, Record<string, { responses?: Record<string, { headers?: Record<string, unknown> }> }>>;
  components?: Record<string, unknown>;
};

/** Every response declares the API-Version header (required); the document itself also CORS. The glossary as data too, and the examples. */
function addCommonHeaders(document: OpenApiDocument): OpenApiDocument {
  document.info = { ...document.info, 'x-glossary': API_GLOSSARY };
  addExamples(document.paths as never, API_PREFIX);
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        response.headers = { 'API-Version': { $ref: '#/components/headers/API-Version' }, ...(response.headers ?? {}) };
        if (path === '/openapi.json' && status.startsWith('2')) {
          response.headers['access-control-allow-origin'] = {
            description: 'Any origin may read the document (CORS).',
            required: true,
            schema: { type: 'string', enum: ['*'] },
          };
        }
      }
    }
  }
  return document;
}

export function registerApiRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerTokenPages(app, db, config);

  app.register(
    async (scope) => {
      const api = scope.withTypeProvider<TypeBoxTypeProvider>() as ApiScope;
      const coercing = buildAjv(true);
      const strict = buildAjv(false);
      api.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));

      await api.register(swagger, {
        openapi: {
          openapi: '3.0.3',
          info: {
            title: 'Kennisstad API',
            version: API_VERSION,
            description:
              'Open data and write access for a city\'s knowledge-city programme: programmes, themes, projects with partners and actions, organisations and targets. ' +
              'Anonymous callers see what the public website shows. Writes need a personal API token (Bearer), made under My account > API tokens, scoped to one programme. ' +
              `Each token, or each address without one, may make ${config.apiRateLimit} requests per minute; beyond that the answer is 429 with Retry-After.\n\n` +
              '## Glossary\n\nThe resources have English names; the agreement and the programme speak Dutch:\n\n' +
              API_GLOSSARY.map((entry) => `- **${entry.term}**: ${entry.dutch}`).join('\n'),
            contact: { name: 'Kennisstad', email: contactEmail(config), url: config.baseUrl },
            license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
          },
          servers: [{ url: `${config.baseUrl}${API_PREFIX}`, description: 'This installation' }],
          tags: [
            { name: 'Meta', description: 'The API\'s own description.' },
            ...apiResources().map((resource) => resource.tag),
          ],
          components: {
            securitySchemes: {
              bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal API token (ks_...), scoped to one programme, read or read-write.' },
            },
            headers: {
              'API-Version': {
                description: 'The full version of the API that answered.',
                required: true,
                schema: { type: 'string', example: API_VERSION },
              },
            },
          },
        },
        transformObject: (documentObject) => addCommonHeaders((documentObject as unknown as { openapiObject: OpenApiDocument }).openapiObject) as never,
      });

      api.addHook('onRequest', async (request, reply) => {
        request.locale = preferredLocale(request.headers['accept-language']);
        // No trailing slashes: /api/v1/programmes/ is not /api/v1/programmes (and not an empty slug).
        const path = request.url.split('?')[0]!;
        if (path.endsWith('/')) throw notFound();
        // Browser sessions do not count here: the API has no CSRF check, so a cookie must not act.
        request.actor = null;
        const header = request.headers.authorization;
        if (header === undefined) return;
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        // Guessing tokens: after too many unknown ones from this address, or with this token's
        // prefix, every token is refused for a while, the right one too.
        const presented = match?.[1] ?? '';
        if (await credentialThrottled(db, 'bearer', presented.slice(0, 8), request.ip)) {
          reply.header('retry-after', String(TOKEN_GUESS_WAIT_SECONDS));
          throw new HttpError(429, 'api.error.tooManyRequests');
        }
        const token = match ? await authenticateToken(db, presented) : null;
        if (!token) {
          await recordCredentialAttempt(db, 'bearer', presented.slice(0, 8), request.ip);
          throw new HttpError(401, 'api.error.unauthorized');
        }
        tokens.set(request, token);
        request.actor = { userId: token.userId, displayName: token.displayName, programmeId: null, assignments: [] };
      });

      // A fair share of valid traffic: per token, or per address without one. Counted after the
      // token is known (preHandler), so a client behind a shared address with its own token is
      // not slowed by its neighbours; invalid tokens are throttled above, before this.
      await api.register(rateLimit, {
        hook: 'preHandler',
        max: config.apiRateLimit,
        timeWindow: 60_000,
        keyGenerator: (request) => {
          const token = tokens.get(request);
          return token ? `token:${token.tokenId}` : `address:${request.ip}`;
        },
        errorResponseBuilder: (request, context) =>
          new HttpError(429, 'api.error.rateLimited', translate(request.locale, 'api.error.rateLimited.detail', { max: context.max, seconds: Math.max(1, Math.ceil(context.ttl / 1000)) })),
      });

      // Runs after the app's preHandler has loaded the programme and the actor's roles in it.
      api.addHook('preHandler', async (request) => {
        const token = tokens.get(request);
        if (token && request.programme && token.programmeId !== request.programme.id) throw notFound();
        if (UNSAFE_METHODS.has(request.method)) {
          if (!token) throw new HttpError(401, 'api.error.unauthorized');
          if (token.scope !== 'read-write') throw new HttpError(403, 'api.error.readOnlyToken');
        }
      });

      api.addHook('onSend', async (request, reply) => {
        reply.header('API-Version', API_VERSION);
        reply.header('access-control-allow-origin', '*');
        reply.header('access-control-expose-headers', 'API-Version, ETag, Location, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset');
        reply.removeHeader('set-cookie');
        if (reply.statusCode === 401) reply.header('www-authenticate', 'Bearer realm="kennisstad"');
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', tokens.has(request) ? 'private, no-store' : 'no-cache');
      });

      api.setErrorHandler((error: FastifyError, request, reply) => {
        if (error.validation) {
          const problems = invalidParams(error.validationContext, error.validation as ErrorObject[]);
          return sendProblem(request, reply, {
            status: 400,
            messageKey: 'error.badRequest',
            detail: problems.map((p) => `${p.field}: ${translate(request.locale, p.messageKey)}`).join('; '),
            problems,
          });
        }
        // Everything else: the app's handler, which already answers problem+json under /api/.
        throw error;
      });

      api.setNotFoundHandler(() => {
        throw notFound();
      });

      // CORS preflight for every API path.
      api.options('/*', { config: { action: 'public' }, schema: { hide: true } }, async (_request, reply) => {
        return reply
          .code(204)
          .header('access-control-allow-methods', 'GET, POST, PATCH, OPTIONS')
          .header('access-control-allow-headers', 'Authorization, Content-Type, If-Match, Accept-Language')
          .header('access-control-max-age', '600')
          .send();
      });

      let documentCache: string | undefined;
      api.get(
        '/openapi.json',
        {
          config: { action: 'public' },
          schema: {
            tags: ['Meta'],
            operationId: 'getOpenApiDocument',
            summary: 'This API\'s OpenAPI document',
            description: 'The OpenAPI 3.0 document of this API, generated from the routes it describes. Public, with CORS for any origin.',
            response: {
              200: {
                description: 'The OpenAPI 3 document of this API.',
                type: 'object',
                additionalProperties: true,
              },
              ...problems(401),
            },
          },
        },
        async (_request, reply) => {
          documentCache ??= JSON.stringify(api.swagger());
          return reply.type('application/json; charset=utf-8').send(documentCache as never);
        },
      );

      for (const resource of apiResources()) resource.register(api, { db, config });
    },
    { prefix: API_PREFIX },
  );
}
