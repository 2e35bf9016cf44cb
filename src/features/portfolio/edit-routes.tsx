// Editing a project, its actions and partners in the browser. Every route loads the record scoped
// to the programme, checks permission (a user who may not edit gets 404: the form does not exist
// for them), then runs a command. Stale saves answer 409 with the form kept and the changes shown.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../domain/policy.ts';
import { can } from '../../policies.ts';
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { HttpError, notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import type { Translate } from '../../web/i18n.ts';
import { createAction, updateAction, updatePartner, updateProject, type ActionInput, type ProjectInput } from './commands.ts';
import { getAction, getPartner, lastChange, loadProjectRecord, organisationChoices, themeChoices } from './edit-queries.ts';
import { ACTION_FORM, ActionEditPage, PARTNER_FORM, PartnerEditPage, PROJECT_FORM, ProjectEditPage, type Choice, type ConflictInfo, type ConflictRow } from './edit-views.tsx';
import { formState, readForm, type FormBody, type FormState } from '../../web/forms.ts';
import { ActionEditForm, ActionForm, actionInput, offered, PartnerForm, partnerInput, ProjectForm, projectInput } from './inputs.ts';
import { registerJoinRoutes } from './join-routes.tsx';
import { registerJoinRequestRoutes } from './join-request-routes.tsx';
import './edit-messages.ts';

type Params = { programme: string; code: string };

type EditAction = 'project.edit' | 'projectAction.add' | 'projectAction.edit' | 'partner.edit' | 'partner.join';

/** Loads the project and refuses (404) anyone who may not do `action` with it; anonymous visitors sign in first. */
export async function editableProject(db: Db, request: FastifyRequest<{ Params: Params }>, action: EditAction) {
  if (!request.actor) throw new HttpError(401, 'error.signInRequired');
  const record = await loadProjectRecord(db, request.programme!.id, request.params.code);
  if (!record || !can(request.actor, action, record.ref)) throw notFound();
  return { ...record, actor: request.actor as Actor };
}

function show(value: unknown, t: Translate, locale: 'nl' | 'en', names: Map<string, string>, key: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('pf.yes') : t('pf.no');
  if (typeof value === 'object' && !(value instanceof Date)) {
    const text = value as LocalizedText;
    return [text.nl && `NL: ${text.nl}`, text.en && `EN: ${text.en}`].filter(Boolean).join(' · ') || '—';
  }
  const text = String(value);
  if (names.has(text)) return names.get(text)!;
  if (key === 'lifecycle') return t(`lifecycle.${text}`);
  if (key === 'state') return t(`actionState.${text}`);
  if (key === 'role') return t(`partnerRole.${text}`);
  if (key === 'moneyCents' && typeof value === 'number') return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(value / 100);
  return text;
}

/** The fields where the saved record now differs from what the user sent. */
export function conflictRows(saved: Record<string, unknown>, yours: Record<string, unknown>, labels: Record<string, string>, t: Translate, locale: 'nl' | 'en', names: Map<string, string>): ConflictRow[] {
  return Object.keys(labels)
    .filter((key) => JSON.stringify(saved[key] ?? null) !== JSON.stringify(yours[key] ?? null))
    .map((key) => ({ label: labels[key]!, saved: show(saved[key], t, locale, names, key), yours: show(yours[key], t, locale, names, key) }));
}

/** The version a refused form was opened at, to send back with it; undefined when it is not one. */
function postedVersion(body: FormBody): number | undefined {
  const version = Number(Array.isArray(body.version) ? body.version[0] : body.version);
  return Number.isInteger(version) && version > 0 ? version : undefined;
}

export function registerEditRoutes(app: FastifyInstance, db: Db, config: Config): void {
  const choicesFor = async (request: FastifyRequest) => {
    const [themes, organisations] = await Promise.all([themeChoices(db, request.programme!.id, request.locale), organisationChoices(db, request.programme!.id, request.locale)]);
    return { themes, organisations };
  };
  const idSet = (choices: Choice[]) => new Set(choices.map((c) => c.id));
  const projectLabels = (t: Translate): Record<string, string> => ({
    code: t('pf.field.code'),
    title: t('pf.field.title'),
    themeId: t('project.theme'),
    goal: t('project.goal'),
    description: t('project.description'),
    status: t('project.status'),
    lifecycle: t('project.lifecycle'),
    leadOrganisationId: t('project.lead'),
    leadNote: t('pf.field.leadNote'),
    safeguarding: t('pf.field.safeguarding'),
    staffingArrangements: t('pf.field.staffingArrangements'),
    financingArrangements: t('pf.field.financingArrangements'),
    published: t('pf.field.published'),
  });

  for (const { url } of localizedPaths('/:programme/projects/:code/edit')) {
    app.get<{ Params: Params }>(url, { config: { action: 'project.edit' } }, async (request, reply) => {
      const { project, actor } = await editableProject(db, request, 'project.edit');
      const choices = await choicesFor(request);
      const ctx = pageContext(request, config);
      return sendHtml(reply, renderPage(<ProjectEditPage ctx={ctx} project={project} stored={project} version={project.version} {...choices} manages={can(actor, 'programme.manage')} stale={project.staleTranslations} />));
    });

    app.post<{ Params: Params; Body: FormBody }>(url, { config: { action: 'project.edit' } }, async (request, reply) => {
      const { project, ref, actor } = await editableProject(db, request, 'project.edit');
      const choices = await choicesFor(request);
      const ctx = pageContext(request, config);
      const manages = can(actor, 'programme.manage');
      // Only the coordinator renames a project or moves it through its lifecycle (admission has its own decision).
      const body: FormBody = manages ? (request.body ?? {}) : { ...request.body, code: project.code, lifecycle: project.lifecycle };
      const page = (status: number, version: number, state: FormState, conflict?: ConflictInfo) =>
        sendHtml(reply, renderPage(<ProjectEditPage ctx={ctx} project={project} stored={project} version={version} {...choices} state={state} manages={manages} conflict={conflict} stale={project.staleTranslations} />), status);
      const read = readForm(ProjectForm, body, request.locale);
      const checked = read.ok ? offered(read.value, { themeId: idSet(choices.themes), leadOrganisationId: idSet(choices.organisations) }) : read;
      if (!checked.ok) return page(400, postedVersion(body) ?? project.version, formState(PROJECT_FORM, checked.errors, body));
      const values = projectInput(checked.value);
      const expected = checked.value.version;
      const result = await updateProject(db, { actor, project: ref, expectedVersion: expected, values });
      if (!result.ok && 'errors' in result) return page(400, expected, formState(PROJECT_FORM, result.errors, body));
      if (!result.ok) {
        const names = new Map([...choices.themes, ...choices.organisations].map((c) => [c.id, c.label]));
        const by = await lastChange(db, project.id, ['project.update', 'admission.decide']);
        const rows = conflictRows(result.current, values as unknown as Record<string, unknown>, projectLabels(ctx.t), ctx.t, ctx.locale, names);
        return page(409, result.current.version, formState(PROJECT_FORM, {}, body), { rows, by: by?.actorLabel ?? null, at: by?.at ?? null });
      }
      return redirectLocal(reply, `/${request.locale}/${request.programme!.slug}/projects/${encodeURIComponent(result.value.code)}`, '/');
    });
  }

  const actionLabels = (t: Translate): Record<string, string> => ({
    description: t('action.description'),
    ownerOrganisationId: t('action.owner'),
    dueLabel: t('pf.field.duePeriod'),
    dueOn: t('pf.field.dueOn'),
    state: t('action.state'),
    completedOn: t('pf.field.completedOn'),
  });
  const emptyAction: ActionInput = { description: {}, ownerOrganisationId: null, dueOn: null, dueLabel: {}, state: 'open', completedOn: null };

  for (const { url } of localizedPaths('/:programme/projects/:code/actions/new')) {
    app.get<{ Params: Params }>(url, { config: { action: 'projectAction.add' } }, async (request, reply) => {
      const { project } = await editableProject(db, request, 'projectAction.add');
      const organisations = await organisationChoices(db, request.programme!.id, request.locale);
      return sendHtml(reply, renderPage(<ActionEditPage ctx={pageContext(request, config)} project={project} actionId={null} stored={emptyAction} version={1} organisations={organisations} />));
    });
    app.post<{ Params: Params; Body: FormBody }>(url, { config: { action: 'projectAction.add' } }, async (request, reply) => {
      const { project, ref, actor } = await editableProject(db, request, 'projectAction.add');
      const organisations = await organisationChoices(db, request.programme!.id, request.locale);
      const body = request.body ?? {};
      const read = readForm(ActionForm, body, request.locale);
      const checked = read.ok ? offered(read.value, { ownerOrganisationId: idSet(organisations) }) : read;
      const values = checked.ok ? actionInput(checked.value) : checked;
      if (!values.ok) {
        const state = formState(ACTION_FORM, values.errors, body);
        return sendHtml(reply, renderPage(<ActionEditPage ctx={pageContext(request, config)} project={project} actionId={null} stored={emptyAction} version={1} organisations={organisations} state={state} />), 400);
      }
      await createAction(db, { actor, project: ref, values: values.value });
      return redirectLocal(reply, `/${request.locale}/${request.programme!.slug}/projects/${project.code}#actions`, '/');
    });
  }

  for (const { url } of localizedPaths('/:programme/projects/:code/actions/:action/edit')) {
    type ActionParams = Params & { action: string };
    app.get<{ Params: ActionParams }>(url, { config: { action: 'projectAction.edit' } }, async (request, reply) => {
      const { project } = await editableProject(db, request, 'projectAction.edit');
      const action = await getAction(db, project.id, request.params.action);
      if (!action) throw notFound();
      const organisations = await organisationChoices(db, request.programme!.id, request.locale);
      return sendHtml(reply, renderPage(<ActionEditPage ctx={pageContext(request, config)} project={project} actionId={action.id} stored={action} version={action.version} organisations={organisations} />));
    });
    app.post<{ Params: ActionParams; Body: FormBody }>(url, { config: { action: 'projectAction.edit' } }, async (request, reply) => {
      const { project, ref, actor } = await editableProject(db, request, 'projectAction.edit');
      const action = await getAction(db, project.id, request.params.action);
      if (!action) throw notFound();
      const organisations = await organisationChoices(db, request.programme!.id, request.locale);
      const ctx = pageContext(request, config);
      const body = request.body ?? {};
      const page = (status: number, version: number, state: FormState, conflict?: ConflictInfo) =>
        sendHtml(reply, renderPage(<ActionEditPage ctx={ctx} project={project} actionId={action.id} stored={action} version={version} organisations={organisations} state={state} conflict={conflict} />), status);
      const read = readForm(ActionEditForm, body, request.locale);
      const checked = read.ok ? offered(read.value, { ownerOrganisationId: idSet(organisations) }) : read;
      const values = checked.ok ? actionInput(checked.value) : checked;
      if (!checked.ok || !values.ok) return page(400, postedVersion(body) ?? action.version, formState(ACTION_FORM, values.ok ? {} : values.errors, body));
      const result = await updateAction(db, { actor, project: ref, actionId: action.id, expectedVersion: checked.value.version, values: values.value });
      if (!result.ok) {
        const names = new Map(organisations.map((c) => [c.id, c.label]));
        const by = await lastChange(db, project.id, ['action.update'], { actionId: action.id });
        const rows = conflictRows(result.current, values.value as unknown as Record<string, unknown>, actionLabels(ctx.t), ctx.t, ctx.locale, names);
        return page(409, result.current.version, formState(ACTION_FORM, {}, body), { rows, by: by?.actorLabel ?? null, at: by?.at ?? null });
      }
      return redirectLocal(reply, `/${request.locale}/${request.programme!.slug}/projects/${project.code}#actions`, '/');
    });
  }

  const partnerLabels = (t: Translate): Record<string, string> => ({
    role: t('organisation.role'),
    declaredInterest: t('pf.field.declaredInterest'),
    capacityHours: t('pf.field.capacityHours'),
    moneyCents: t('pf.field.money'),
    commitmentAgreed: t('pf.field.commitmentAgreed'),
    note: t('pf.field.partnerNote'),
  });

  for (const { url } of localizedPaths('/:programme/projects/:code/partners/:organisation/edit')) {
    type PartnerParams = Params & { organisation: string };
    app.get<{ Params: PartnerParams }>(url, { config: { action: 'partner.edit' } }, async (request, reply) => {
      const { project } = await editableProject(db, request, 'partner.edit');
      const found = await getPartner(db, request.programme!.id, project.id, request.params.organisation);
      if (!found) throw notFound();
      const organisation = { slug: found.organisation.slug, name: resolveText(found.organisation.name, request.locale).text };
      return sendHtml(reply, renderPage(<PartnerEditPage ctx={pageContext(request, config)} project={project} organisation={organisation} stored={found.partner} version={found.partner.version} />));
    });
    app.post<{ Params: PartnerParams; Body: FormBody }>(url, { config: { action: 'partner.edit' } }, async (request, reply) => {
      const { project, ref, actor } = await editableProject(db, request, 'partner.edit');
      const found = await getPartner(db, request.programme!.id, project.id, request.params.organisation);
      if (!found) throw notFound();
      const ctx = pageContext(request, config);
      const organisation = { slug: found.organisation.slug, name: resolveText(found.organisation.name, request.locale).text };
      const body = request.body ?? {};
      const page = (status: number, version: number, state: FormState, conflict?: ConflictInfo) =>
        sendHtml(reply, renderPage(<PartnerEditPage ctx={ctx} project={project} organisation={organisation} stored={found.partner} version={version} state={state} conflict={conflict} />), status);
      const read = readForm(PartnerForm, body, request.locale);
      if (!read.ok) return page(400, postedVersion(body) ?? found.partner.version, formState(PARTNER_FORM, read.errors, body));
      const values = partnerInput(read.value);
      const result = await updatePartner(db, { actor, project: ref, organisationId: found.organisation.id, expectedVersion: read.value.version, values });
      if (!result.ok) {
        const by = await lastChange(db, project.id, ['partner.update'], { organisationId: found.organisation.id });
        const rows = conflictRows(result.current, values as unknown as Record<string, unknown>, partnerLabels(ctx.t), ctx.t, ctx.locale, new Map());
        return page(409, result.current.version, formState(PARTNER_FORM, {}, body), { rows, by: by?.actorLabel ?? null, at: by?.at ?? null });
      }
      return redirectLocal(reply, `/${request.locale}/${request.programme!.slug}/projects/${project.code}#partners`, '/');
    });
  }

  registerJoinRoutes(app, db, config);
  registerJoinRequestRoutes(app, db, config);
}

export type { ProjectInput };
