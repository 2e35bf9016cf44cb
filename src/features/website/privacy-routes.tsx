// The privacy statement: the public page per programme, and the coordinator's form (a versioned
// save: a form opened before someone else saved is refused with the saved text shown).
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { formState, readForm } from '../../web/forms.ts';
import { redirectLocal, sendHtml } from '../../web/http.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { savePrivacyStatement } from './commands.ts';
import { PrivacyEditPage, PrivacyPage, withoutDefault } from './privacy-views.tsx';
import * as q from './queries.ts';
import { PrivacyForm } from './schema.ts';

type P = { programme: string };

export function registerPrivacyRoutes(app: FastifyInstance, db: Db, config: Config): void {
  for (const { url } of localizedPaths('/:programme/privacy')) {
    app.get<{ Params: P }>(url, { config: { action: 'public', pageCache: true } }, async (request, reply) => {
      const statement = await q.getPrivacyStatement(db, request.programme!.id);
      return sendHtml(reply, renderPage(<PrivacyPage ctx={pageContext(request, config)} statement={statement} />));
    });
  }

  for (const { url } of localizedPaths('/:programme/manage/website/privacy')) {
    app.get<{ Params: P; Querystring: { saved?: string } }>(url, { config: { action: 'privacy.edit' } }, async (request, reply) => {
      const statement = await q.getPrivacyStatement(db, request.programme!.id);
      return sendHtml(reply, renderPage(<PrivacyEditPage ctx={pageContext(request, config)} statement={statement} saved={request.query.saved === '1'} />));
    });
    app.post<{ Params: P }>(url, { config: { action: 'privacy.edit' } }, async (request, reply) => {
      const programmeId = request.programme!.id;
      const ctx = pageContext(request, config);
      const read = readForm(PrivacyForm, request.body, request.locale);
      if (!read.ok) {
        const statement = await q.getPrivacyStatement(db, programmeId);
        return sendHtml(reply, renderPage(<PrivacyEditPage ctx={ctx} statement={statement} form={formState('privacy', read.errors, request.body)} />), 400);
      }
      // The shipped description, sent back unchanged, stays the shipped one (and follows its updates).
      const form = { ...read.value, processing: withoutDefault(read.value.processing) };
      const result = await savePrivacyStatement({ actor: request.actor, db, programmeId, form });
      if (!result.ok) return sendHtml(reply, renderPage(<PrivacyEditPage ctx={ctx} statement={result.current} conflict />), 409);
      return redirectLocal(reply, undefined, `/${request.locale}/${request.programme!.slug}/manage/website/privacy?saved=1`);
    });
  }
}
