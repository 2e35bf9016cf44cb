// The composition root: builds the Fastify app from a config and an open database. Tests call
// it with their own database; server.ts calls it for real. Plugins load external -> app -> features.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import { sql } from 'drizzle-orm';
import type { Config } from './config.ts';
import { registerAuditOrigin } from './db/audit.ts';
import type { DatabaseHandle } from './db/client.ts';
import './web/messages/core.ts';
import { registerAssets } from './web/assets.ts';
import { registerErrorHandling } from './web/error-pages.tsx';
import { PageCache, pageCacheServer, registerPageCache } from './web/page-cache.ts';
import { registerRequestContext } from './web/request-context.ts';
import { registerAccountRoutes } from './features/accounts/routes.tsx';
import { registerPortfolioRoutes } from './features/portfolio/routes.tsx';
import { registerDashboardRoutes } from './features/dashboard/routes.tsx';
import { registerMyWorkRoutes } from './features/my-work/routes.tsx';
import { registerMonitoringRoutes } from './features/monitoring/routes.tsx';
import { registerApiRoutes } from './features/api/routes.ts';
import { registerWebsiteRoutes } from './features/website/routes.tsx';
import { registerMeetingRoutes } from './features/meetings/routes.tsx';
import { registerAgendaRoutes } from './features/agenda/routes.tsx';
import { registerAgreementRoutes } from './features/agreement/routes.tsx';
import { registerFundRoutes } from './features/fund/routes.tsx';
import { registerFileRoutes } from './features/files/routes.tsx';
import { registerOpenDataRoutes } from './features/open-data/routes.tsx';
import { registerSuccessorRoutes } from './features/programmes/successor-routes.tsx';
import { registerProgrammeRoutes } from './features/programmes/programme-routes.tsx';
import { registerCityNetworkRoutes } from './features/city-network/routes.tsx';
import { FORM_BODY_LIMIT } from './web/forms.ts';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  /** Pino options or false; tests pass false to keep output readable. */
  logger?: boolean | object;
}

export async function buildApp({ config, database, logger }: AppDeps): Promise<FastifyInstance> {
  const pageCache = new PageCache();
  const app = Fastify({
    // Cached public pages are answered by the HTTP server before Fastify (src/web/page-cache.ts).
    serverFactory: pageCacheServer(pageCache),
    logger: logger ?? {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    // "/nl/leiden/" is not "/nl/leiden": one URL per page.
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: false },
  });
  const db = database.db;

  await app.register(cookie);
  // Minutes of LIMITS.minutes characters in both languages must fit: see FORM_BODY_LIMIT.
  await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: config.baseUrl.startsWith('https://') ? { maxAge: 31536000 } : false,
    crossOriginEmbedderPolicy: false,
  });

  // After helmet (its headers are stored with each page), before the session lookup.
  registerPageCache(app, pageCache);
  registerAuditOrigin(app);
  registerRequestContext(app, db, config);
  registerErrorHandling(app, config);
  registerAssets(app, db);

  app.get('/healthz', { config: { action: 'public' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { action: 'public' } }, async (_request, reply) => {
    try {
      await db.execute(sql`select 1`);
      return { status: 'ready', database: database.mode };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: database.mode });
    }
  });

  registerAccountRoutes(app, db, config);
  registerPortfolioRoutes(app, db, config);
  registerDashboardRoutes(app, db, config);
  registerMyWorkRoutes(app, db, config);
  registerMonitoringRoutes(app, db, config);
  registerApiRoutes(app, db, config);
  await registerWebsiteRoutes(app, database, config);
  registerMeetingRoutes(app, db, config);
  registerAgendaRoutes(app, db, config);
  registerAgreementRoutes(app, db, config);
  registerFundRoutes(app, db, config);
  registerFileRoutes(app, db, config);
  registerOpenDataRoutes(app, db, config);
  registerSuccessorRoutes(app, db, config);
  registerProgrammeRoutes(app, db, config);
  registerCityNetworkRoutes(app, db, config);
  return app;
}
