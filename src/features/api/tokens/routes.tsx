// /{lang}/account/tokens: a signed-in user creates and revokes personal API tokens.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { notFound, redirectLocal, sendHtml } from '../../../web/http.ts';
import { pageContext } from '../../../web/request-context.ts';
import { renderPage } from '../../../web/render.ts';
import { localizedPaths } from '../../../web/routing.ts';
import type { ApiTokenScope } from '../tables.ts';
import { createApiToken, listTokens, revokeApiToken, TOKEN_NAME_LENGTH, tokenProgrammes, validateTokenInput, type TokenInputErrors } from './commands.ts';
import { field, formState, LIMITS, readForm, Type, typedValue } from '../../../web/forms.ts';
import { TokensPage, type TokenFormState } from './views.tsx';

/** The token form: the name's limit refuses (never cuts); scope and programme are checked by validateTokenInput. */
const TokenForm = Type.Object({
  name: Type.Optional(field.text(TOKEN_NAME_LENGTH)),
  scope: Type.Optional(field.text(LIMITS.name)),
  programme: Type.Optional(field.text(LIMITS.name)),
});

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

    app.post(url, { config: { action: 'account.use' } }, async (request, reply) => {
      const read = readForm(TokenForm, request.body, request.locale);
      const typed = formState('token', read.ok ? {} : read.errors, request.body);
      const input = read.ok
        ? { name: read.value.name ?? '', scope: read.value.scope ?? '', programmeSlug: read.value.programme ?? '' }
        : { name: typedValue(typed, 'token', 'name'), scope: typedValue(typed, 'token', 'scope'), programmeSlug: typedValue(typed, 'token', 'programme') };
      const programmes = await tokenProgrammes(db, request.actor!.userId);
      const errors: TokenInputErrors = read.ok
        ? validateTokenInput(input, programmes.map((p) => p.slug))
        : {
            ...(read.errors.name ? { name: 'apiTokens.nameTooLong' } : {}),
            ...(read.errors.scope ? { scope: 'apiTokens.scopeInvalid' } : {}),
            ...(read.errors.programme ? { programme: 'apiTokens.programmeInvalid' } : {}),
          };
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
