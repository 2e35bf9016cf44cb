// Stylesheets and the one enhancement script served from memory with a content hash ETag; a
// programme's theme is a small stylesheet generated from its design tokens, so a city restyles
// without code changes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { programmes } from '../db/schema.ts';
import { notFound } from './http.ts';
import { projectPath } from '../paths.ts';

const require = createRequire(import.meta.url);

interface Asset {
  body: Buffer;
  etag: string;
  type: string;
}

function asset(body: Buffer, type: string): Asset {
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, file: Asset, maxAge: number): FastifyReply {
  reply.header('etag', file.etag).header('cache-control', `public, max-age=${maxAge}`);
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  return reply.type(file.type).send(file.body);
}

// The progressive-enhancement script (public/enhance.js, the live character count): its name carries
// its content hash, so a browser keeps it for a year and a new version is a new address.
const enhanceBody = readFileSync(projectPath('public', 'enhance.js'));
export const ENHANCE_SCRIPT = `enhance-${createHash('sha256').update(enhanceBody).digest('hex').slice(0, 12)}.js`;
const YEAR = 31536000;

const TOKEN_NAME = /^--(ks|utrecht)-[a-z0-9-]{1,80}$/;
// Colours, lengths, font names: no characters that could end the declaration or the rule.
const TOKEN_VALUE = /^[A-Za-z0-9#%.,()\s"'-]{1,120}$/;

export function themeStylesheet(tokens: Record<string, string>): string {
  const lines = Object.entries(tokens)
    .filter(([name, value]) => TOKEN_NAME.test(name) && TOKEN_VALUE.test(value))
    .map(([name, value]) => `  ${name}: ${value};`);
  return `.kennisstad-theme {\n${lines.join('\n')}\n}\n`;
}

// Generated theme stylesheets per database; a change to a programme's tokens calls `forgetThemes`
// (the website's theme editor, and every instance when the database announces the change).
const themeCaches = new WeakMap<Db, Map<string, Asset>>();

export function forgetThemes(db: Db): void {
  themeCaches.delete(db);
}

export function registerAssets(app: FastifyInstance, db: Db): void {
  const files: Record<string, Asset> = {
    'utrecht.css': asset(readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css')), 'text/css; charset=utf-8'),
    'app.css': asset(readFileSync(projectPath('public', 'app.css')), 'text/css; charset=utf-8'),
    // A neutral mark: no organisation's logo ships with the project (a programme's own logo is in its header).
    [ENHANCE_SCRIPT]: asset(enhanceBody, 'text/javascript; charset=utf-8'),
    'favicon.svg': asset(readFileSync(projectPath('public', 'favicon.svg')), 'image/svg+xml'),
  };

  app.get<{ Params: { file: string } }>('/assets/:file', { config: { action: 'public' } }, async (request, reply) => {
    const file = files[request.params.file];
    if (!file) throw notFound();
    return sendAsset(request, reply, file, request.params.file === ENHANCE_SCRIPT ? YEAR : 3600);
  });

  // Browsers and crawlers that do not read the page's icon link ask for /favicon.ico.
  app.get('/favicon.ico', { config: { action: 'public' } }, async (_request, reply) => reply.redirect('/assets/favicon.svg', 301));

  app.get<{ Params: { slug: string } }>('/assets/theme/:slug', { config: { action: 'public' } }, async (request, reply) => {
    const slug = request.params.slug.replace(/\.css$/, '');
    let themes = themeCaches.get(db);
    if (!themes) {
      themes = new Map();
      themeCaches.set(db, themes);
    }
    let theme = themes.get(slug);
    if (!theme) {
      const [row] = await db.select({ tokens: programmes.themeTokens }).from(programmes).where(eq(programmes.slug, slug));
      if (!row) throw notFound();
      theme = asset(Buffer.from(themeStylesheet(row.tokens)), 'text/css; charset=utf-8');
      themes.set(slug, theme);
    }
    // Revalidated on every use (a cheap 304), so a new theme shows at once.
    return sendAsset(request, reply, theme, 0);
  });
}
