// Starting a successor programme from a running or finished one: the form, the check-and-confirm
// step listing what will be copied, and the command. Linked from the management menu and from the
// archive notice of a finished programme.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { resolveText } from '../../domain/localized.ts';
import { FORM_ERROR } from '../../domain/outcome.ts';
import { successorBlock, successorEndOn } from '../../domain/successor.ts';
import { askToConfirm, isConfirmed } from '../../web/confirm.tsx';
import { formState, readForm, type FormBody, type FormState } from '../../web/forms.ts';
import { sendHtml } from '../../web/http.ts';
import { formatDate } from '../../web/i18n.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { renderPage } from '../../web/render.ts';
import { pageContext, stageOf } from '../../web/request-context.ts';
import { localizedPaths } from '../../web/routing.ts';
import { checkSuccessor, startSuccessor, successorOf } from './successor-commands.ts';
import { SuccessorForm } from './successor-input.ts';
import { carriedWhole, carryCandidates } from './successor-queries.ts';
import { SUCCESSOR_FORM, SuccessorPage } from './successor-views.tsx';

type Params = { programme: string };

export const SUCCESSOR_PATH = '/successor';

export function registerSuccessorRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'successor.nav', path: SUCCESSOR_PATH, order: 97, group: 'management' });

  async function render(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, state?: FormState, status = 200) {
    const programmeId = request.programme!.id;
    const [candidates, whole, successor] = await Promise.all([carryCandidates(db, programmeId), carriedWhole(db, programmeId), successorOf(db, programmeId)]);
    const block = successorBlock(stageOf(request)!, !!successor);
    const page = <SuccessorPage ctx={pageContext(request, config)} candidates={candidates} whole={whole} successor={successor} blocked={block ? `successor.error.${block}` : undefined} state={state} />;
    return sendHtml(reply, renderPage(page), status);
  }

  for (const { url } of localizedPaths(`/:programme${SUCCESSOR_PATH}`)) {
    app.get<{ Params: Params }>(url, { config: { action: 'programme.startSuccessor' } }, async (request, reply) => render(request, reply));

    app.post<{ Params: Params; Body: FormBody }>(url, { config: { action: 'programme.startSuccessor' } }, async (request, reply) => {
      const body = request.body ?? {};
      const read = readForm(SuccessorForm, body, request.locale);
      if (!read.ok) return render(request, reply, formState(SUCCESSOR_FORM, read.errors, body), 400);
      const input = { name: read.value.name, slug: read.value.slug, startOn: read.value.startOn, termYears: read.value.termYears, projectIds: read.value.projectIds ?? [] };
      const programme = request.programme!;
      const checked = await checkSuccessor(db, programme.id, input);
      // A programme that cannot have a successor (now) is a conflict with its state, not bad input.
      if (!checked.ok) return render(request, reply, formState(SUCCESSOR_FORM, checked.errors, body), checked.errors[FORM_ERROR] ? 409 : 400);
      const { t, locale } = pageContext(request, config);
      if (!isConfirmed(body)) {
        const name = resolveText(input.name, locale).text;
        const programmeName = resolveText(programme.name, locale).text;
        const [whole, candidates] = await Promise.all([carriedWhole(db, programme.id), carryCandidates(db, programme.id)]);
        const byId = new Map(candidates.map((c) => [c.id, c]));
        const projects = checked.value.map((project) => byId.get(project.id)!);
        return askToConfirm(request, reply, config, {
          title: t('successor.confirm.title', { name }),
          consequences: [
            t('successor.confirm.programme', { name, slug: input.slug, start: formatDate(locale, input.startOn), end: formatDate(locale, successorEndOn(input.startOn, input.termYears)), programme: programmeName }),
            t('successor.confirm.whole', { ...whole }),
            ...(projects.length === 0
              ? [t('successor.confirm.noProjects')]
              : projects.map((p) => t('successor.confirm.project', { code: p.code, title: resolveText(p.title, locale).text, partners: p.partners, actions: p.openActions, programme: programmeName }))),
            t('successor.confirm.roles'),
          ],
          action: `/${locale}/${programme.slug}${SUCCESSOR_PATH}`,
          values: body,
          confirmLabel: t('successor.confirm.button'),
          cancelHref: `/${locale}/${programme.slug}${SUCCESSOR_PATH}`,
          crumbs: [{ label: t('successor.title'), href: `/${locale}/${programme.slug}${SUCCESSOR_PATH}` }, { label: t('successor.submit') }],
        });
      }
      const started = await startSuccessor({ actor: request.actor!, db, predecessorId: programme.id, input });
      if (!started.ok) return render(request, reply, formState(SUCCESSOR_FORM, started.errors, body), started.errors[FORM_ERROR] ? 409 : 400);
      return reply.redirect(`/${locale}/${started.value.slug}`, 303);
    });
  }
}
