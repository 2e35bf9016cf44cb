// Configuration from the environment, read once by the composition root.
import { dirname, resolve } from 'node:path';
import { projectPath } from './paths.ts';

export interface Config {
  /** postgres://... selects PostgreSQL; absent selects embedded PGlite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  host: string;
  port: number;
  /** Public base URL, used for canonical links, feeds and mails. */
  baseUrl: string;
  /** Set cookies with Secure; on by default when baseUrl is https. */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: string;
  production: boolean;
  /** Largest accepted upload per file, in bytes (MAX_UPLOAD_BYTES, default 10 MB). */
  maxUploadBytes: number;
  /** KENNISSTAD_SECRET_KEY: 32 bytes (base64 or hex) that encrypt stored secrets (TOTP, SSO client secrets). */
  secretKey?: string;
  /** Without secretKey: a key generated once into this file, next to the data folder. */
  secretKeyFile: string;
  /** API_RATE_LIMIT: requests per minute to /api/v1 per token, or per address without one (default 600). */
  apiRateLimit: number;
  /** INSTALLATION_NAME: what this installation is called where the name leaves the site (the authenticator app's entry). */
  installationName: string;
  /** The network of knowledge cities: how another installation's open data is fetched (src/domain/fetch-guard.ts). */
  network: {
    /** NETWORK_ALLOW_HTTP: also plain http sources (default: https only). */
    allowHttp: boolean;
    /** NETWORK_ALLOW_PRIVATE_ADDRESSES: also private, loopback and link-local addresses (default: refused; tests set it). */
    allowPrivate: boolean;
    /** NETWORK_MAX_BYTES: the largest answer read (default 2 MB). */
    maxBytes: number;
    /** NETWORK_TIMEOUT_MS: the longest a fetch may take, redirects included (default 10 s). */
    timeoutMs: number;
    /** NETWORK_POLL_MINUTES: how often followed installations are asked (default 60). */
    pollMinutes: number;
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  const baseUrl = (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  // The default folder belongs to the project, not to the folder a command is run from: the
  // server and the command line use the same data wherever they are started in the project.
  const dataDir = env.DATA_DIR ? resolve(env.DATA_DIR) : projectPath('data', 'pglite');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    host,
    port,
    baseUrl,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : baseUrl.startsWith('https://'),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 60),
    sessionAbsoluteHours: Number(env.SESSION_ABSOLUTE_HOURS ?? 12),
    logLevel: env.LOG_LEVEL ?? 'info',
    production: env.NODE_ENV === 'production',
    maxUploadBytes: Number(env.MAX_UPLOAD_BYTES ?? 10 * 1024 * 1024),
    secretKey: env.KENNISSTAD_SECRET_KEY || undefined,
    secretKeyFile: env.KENNISSTAD_SECRET_KEY_FILE ? resolve(env.KENNISSTAD_SECRET_KEY_FILE) : resolve(dirname(dataDir), 'kennisstad-secret.key'),
    apiRateLimit: Number(env.API_RATE_LIMIT ?? 600),
    installationName: env.INSTALLATION_NAME?.trim() || 'Kennisstad',
    network: {
      allowHttp: env.NETWORK_ALLOW_HTTP === 'true',
      allowPrivate: env.NETWORK_ALLOW_PRIVATE_ADDRESSES === 'true',
      maxBytes: positive(env.NETWORK_MAX_BYTES, 2 * 1024 * 1024),
      timeoutMs: positive(env.NETWORK_TIMEOUT_MS, 10_000),
      pollMinutes: positive(env.NETWORK_POLL_MINUTES, 60),
    },
  };
}

/** A positive number from the environment, or the default when absent or not one. */
function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}
