// The coordinator's editing of the website: news, events and pages (drafts, scheduled and
// published), their translations, and the programme's theme. Every write reads its form through
// ./schema.ts and goes through a command in ./commands.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { programmes } from '../../db/schema.ts';
import { formState, readForm, type FormBody, type FormState } from '../../web/forms.ts';
import { lastChange } from '../meetings/queries.ts';
import { conflictRows } from '../portfolio/edit-routes.tsx';
import { notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { PROGRAMME_LOGO } from '../files/owners.ts';
import { attachmentsOf } from '../files/queries.ts';
import { staleAgreementTexts } from '../agreement/queries.ts';
import { projectsWithStaleTranslations } from '../portfolio/queries.ts';
import { CONTENT_OBJECT_TYPES, deleteContent, saveContent, saveTheme } from './commands.ts';
import { EditPage, ManagePage, storedValues, TranslationsPage } from './manage-views.tsx';
import * as q from './queries.ts';
import { CONTENT_KINDS, type ContentKind } from './rules.ts';
import { ContentForm, EventForm, ThemeForm } from './schema.ts';
import { PUBLICATION_STATES } from './tables.ts';
import { COLOUR_TOKENS, DEFAULT_COLOURS } from './theme.ts';
import { ThemePage } from './theme-views.tsx';

type P = { programme: string };
type KindParams = P & { kind: string };

function isKind(value: string): value is ContentKind {
  return (CONTENT_KINDS as string[]).includes(value);
}

export function registerWebsiteManageRoutes(app: FastifyInstance, db: Db, config: Config): void {
  const loadLists = async (programmeId: string) => {
    const [news, events, pages] = await Promise.all(CONTENT_KINDS.map((kind) => q.listAll(db, kind, programmeId)));
    return { news: news!, events: events!, pages: pages! };
  };

  for (const { url } of localizedPaths('/:programme/manage/website')) {
    app.get<{ Params: P }>(url, { config: { action: 'website.manage' } }, async (request, reply) => {
      return sendHtml(reply, renderPage(<ManagePage ctx={pageContext(request, config)} lists={await loadLists(request.programme!.id)} />));
    });
    app.get<{ Params: P }>(`${url}/translations`, { config: { action: 'website.manage' } }, async (request, reply) => {
      const [lists, staleProjects, staleAgreement] = await Promise.all([loadLists(request.programme!.id), projectsWithStaleTranslations(db, request.programme!.id), staleAgreementTexts(db, request.programme!.id)]);
      return sendHtml(reply, renderPage(<TranslationsPage ctx={pageContext(request, config)} lists={lists} staleProjects={staleProjects} staleAgreement={staleAgreement} />));
    });

    app.get<{ Params: KindParams }>(`${url}/:kind/new`, { config: { action: 'website.edit' } }, async (request, reply) => {
      const kind = request.params.kind;
      if (!isKind(kind)) throw notFound();
      return sendHtml(reply, renderPage(<EditPage ctx={pageContext(request, config)} kind={kind} id={null} stored={storedValues(kind, null)} />));
    });
    app.get<{ Params: KindParams & { id: string } }>(`${url}/:kind/:id`, { config: { action: 'website.edit' } }, async (request, reply) => {
      const kind = request.params.kind;
      if (!isKind(kind)) throw notFound();
      const item = await q.getAny(db, kind, request.programme!.id, request.params.id);
      if (!item) throw notFound();
      return sendHtml(reply, renderPage(<EditPage ctx={pageContext(request, config)} kind={kind} id={item.id} stored={storedValues(kind, item)} publicSlug={item.slug} stale={item.staleTranslations} />));
    });

    const save = async (request: FastifyRequest<{ Params: KindParams & { id?: string } }>, reply: FastifyReply) => {
      const kind = request.params.kind;
      if (!isKind(kind)) throw notFound();
      const programmeId = request.programme!.id;
      const id = request.params.id ?? null;
      const item = id ? await q.getAny(db, kind, programmeId, id) : null;
      if (id && !item) throw notFound();
      const read = readForm(kind === 'events' ? EventForm : ContentForm, request.body);
      const result = read.ok ? await saveContent({ actor: request.actor, db, programmeId, kind, id: id ?? undefined, content: read.value }) : read;
      if (!result.ok && 'conflict' in result && read.ok) {
        // Someone saved since this form was opened: show what changed, who and when; keep the input,
        // now against the current version, so saving again is a choice made knowing the other edit.
        const ctx = pageContext(request, config);
        const by = await lastChange(db, CONTENT_OBJECT_TYPES[kind], result.current.id, [`${CONTENT_OBJECT_TYPES[kind]}.update`]);
        const yours = { title: read.value.title, summary: read.value.summary, body: read.value.body, status: read.value.status, slug: read.value.slug ?? result.current.slug };
        const labels = { title: ctx.t('website.form.title'), summary: ctx.t('website.form.summary'), body: ctx.t('website.form.body'), status: ctx.t('website.form.status'), slug: ctx.t('website.form.slug') };
        const names = new Map(PUBLICATION_STATES.map((state) => [state, ctx.t(`website.status.${state}`)] as const));
        const rows = conflictRows(result.current, yours, labels, ctx.t, ctx.locale, names);
        const values = { ...(request.body as FormBody), version: String(result.current.version) };
        const page = <EditPage ctx={ctx} kind={kind} id={id} stored={storedValues(kind, item)} stale={result.current.staleTranslations} form={formState('content', {}, values)} conflict={{ rows, by: by?.actorLabel ?? null, at: by?.at ?? null }} />;
        return sendHtml(reply, renderPage(page), 409);
      }
      if (!result.ok) {
        const errors = 'errors' in result ? result.errors : {};
        const page = <EditPage ctx={pageContext(request, config)} kind={kind} id={id} stored={storedValues(kind, item)} stale={item?.staleTranslations} form={formState('content', errors, request.body)} />;
        return sendHtml(reply, renderPage(page), 400);
      }
      return redirectLocal(reply, undefined, `/${request.locale}/${request.programme!.slug}/manage/website/${kind}/${result.value.id}`);
    };
    app.post<{ Params: KindParams }>(`${url}/:kind/new`, { config: { action: 'website.edit' } }, save);
    app.post<{ Params: KindParams & { id: string } }>(`${url}/:kind/:id`, { config: { action: 'website.edit' } }, save);
    app.post<{ Params: KindParams & { id: string } }>(`${url}/:kind/:id/delete`, { config: { action: 'website.delete' } }, async (request, reply) => {
      const kind = request.params.kind;
      if (!isKind(kind) || !(await q.getAny(db, kind, request.programme!.id, request.params.id))) throw notFound();
      await deleteContent({ actor: request.actor, db, programmeId: request.programme!.id, kind, id: request.params.id });
      return redirectLocal(reply, undefined, `/${request.locale}/${request.programme!.slug}/manage/website`);
    });
  }

  for (const { url } of localizedPaths('/:programme/manage/website/theme')) {
    const render = async (request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
      const [row] = await db.select().from(programmes).where(eq(programmes.id, request.programme!.id));
      const stored: Record<string, string> = { name_nl: row!.name.nl ?? '', name_en: row!.name.en ?? '', contactEmail: row!.contactEmail ?? '' };
      for (const colour of COLOUR_TOKENS) stored[`colour_${colour}`] = row!.themeTokens[`--ks-color-${colour}`] ?? DEFAULT_COLOURS[colour];
      const logo = await attachmentsOf(db, config, request, PROGRAMME_LOGO, request.programme!.id);
      return sendHtml(reply, renderPage(<ThemePage ctx={pageContext(request, config)} stored={stored} form={form} logo={logo} />), status);
    };
    app.get<{ Params: P }>(url, { config: { action: 'theme.edit' } }, async (request, reply) => render(request, reply));
    app.post<{ Params: P }>(url, { config: { action: 'theme.edit' } }, async (request, reply) => {
      const read = readForm(ThemeForm, request.body);
      const result = read.ok ? await saveTheme({ actor: request.actor, db, programmeId: request.programme!.id, theme: read.value }) : read;
      if (!result.ok) return render(request, reply, formState('theme', result.errors, request.body), 400);
      return redirectLocal(reply, undefined, `/${request.locale}/${request.programme!.slug}/manage/website/theme`);
    });
  }
}
