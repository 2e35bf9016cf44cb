// /{lang}/account/tokens: a signed-in user creates and revokes personal API tokens.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { notFound, redirectLocal, sendHtml } from '../../../web/http.ts';
import { pageContext } from '../../../web/request-context.ts';
import { renderPage } from '../../../web/render.ts';
import { localizedPaths } from '../../../web/routing.ts';
import type { ApiTokenScope } from '../tables.ts';
import { createApiToken, listTokens, revokeApiToken, tokenProgrammes, validateTokenInput } from './commands.ts';
import { TokensPage, type TokenFormState } from './views.tsx';

interface TokenBody {
  name?: unknown;
  scope?: unknown;
  programme?: unknown;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function registerTokenPages(app: FastifyInstance, db: Db, config: Config): void {
  async function render(request: FastifyRequest, state: TokenFormState, status = 200) {
    const userId = request.actor!.userId;
    const [tokens, programmes] = await Promise.all([listTokens(db, userId), tokenProgrammes(db, userId)]);
    return { page: renderPage(<TokensPage ctx={pageContext(request, config)} tokens={tokens} programmes={programmes} state={state} />), status };
  }

  for (const { locale, url } of localizedPaths('/account/tokens')) {
    app.get(url, { config: { action: 'account.use' } }, async (request, reply) => {
      const { page, status } = await render(request, {});
      reply.header('cache-control', 'no-store');
      return sendHtml(reply, page, status);
    });

    app.post<{ Body: TokenBody }>(url, { config: { action: 'account.use' } }, async (request, reply) => {
      const body = request.body ?? {};
      const input = { name: str(body.name).slice(0, 500), scope: str(body.scope), programmeSlug: str(body.programme) };
      const programmes = await tokenProgrammes(db, request.actor!.userId);
      const errors = validateTokenInput(input, programmes.map((p) => p.slug));
      const state: TokenFormState = { name: input.name, scope: input.scope, programme: input.programmeSlug };
      if (Object.keys(errors).length > 0) {
        const { page } = await render(request, { ...state, errors });
        return sendHtml(reply, page, 400);
      }
      const programme = programmes.find((p) => p.slug === input.programmeSlug)!;
      const { token } = await createApiToken(db, { actor: request.actor!, name: input.name, scope: input.scope as ApiTokenScope, programmeId: programme.id });
      // The token is shown on this response only (no redirect): it must not end up in a URL or session.
      const { page } = await render(request, { created: token });
      reply.header('cache-control', 'no-store');
      return sendHtml(reply, page, 201);
    });

    app.post<{ Params: { id: string } }>(`${url}/:id/revoke`, { config: { action: 'account.use' } }, async (request, reply) => {
      const revoked = await revokeApiToken(db, { actor: request.actor!, tokenId: request.params.id });
      if (!revoked) throw notFound();
      return redirectLocal(reply, undefined, `/${locale}/account/tokens`);
    });
  }
}
