// The coordinator's edit page for an organisation: kind, short name, website and "onderdeel van /
// part of" (the parent a faculty or institute belongs to). Read through the form toolkit; a stale
// save answers 409 with the form kept and what changed; a parent that closes a cycle is refused.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { ORGANISATION_KINDS, type organisations } from '../../db/schema.ts';
import { resolveText } from '../../domain/localized.ts';
import type { Actor } from '../../domain/policy.ts';
import { Heading, SelectField, SubmitButton, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { ErrorSummary, errorOf, fieldProps, PostForm } from '../../web/form-components.tsx';
import { field, formState, LIMITS, readForm, Type, typedValue, type FormBody, type FormState, type Static } from '../../web/forms.ts';
import { notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { Layout } from '../../web/layout.tsx';
import { renderPage } from '../../web/render.ts';
import { pageContext } from '../../web/request-context.ts';
import { localizedPaths } from '../../web/routing.ts';
import type { Translate } from '../../web/i18n.ts';
import { conflictRows } from './edit-routes.tsx';
import { ConflictPanel, type Choice, type ConflictInfo } from './edit-views.tsx';
import { organisationChoices } from './edit-queries.ts';
import { updateOrganisation, type OrganisationInput } from './organisation-commands.ts';
import { getOrganisation } from './queries.ts';
import './organisation-messages.ts';

export const ORGANISATION_FORM = 'organisation';

export const OrganisationForm = Type.Object({
  version: field.version(),
  kind: field.choice(ORGANISATION_KINDS),
  shortName: Type.Optional(field.text(LIMITS.name)),
  website: Type.Optional(field.url()),
  parentId: Type.Optional(field.uuid()),
});

export function organisationInput(form: Static<typeof OrganisationForm>): OrganisationInput {
  return { kind: form.kind, shortName: form.shortName ?? null, website: form.website ?? null, parentId: form.parentId ?? null };
}

type OrganisationRow = typeof organisations.$inferSelect;

export function OrganisationEditPage(props: {
  ctx: PageContext;
  organisation: OrganisationRow;
  /** Every other organisation of the programme, by name. */
  parents: Choice[];
  version: number;
  state?: FormState;
  conflict?: ConflictInfo;
}) {
  const { ctx, organisation, state } = props;
  const { t, locale } = ctx;
  const name = resolveText(organisation.name, locale).text;
  const title = t('organisation.edit.title', { name });
  const base = `/${locale}/${ctx.programme!.slug}`;
  const form = ORGANISATION_FORM;
  const f = (field: string, stored = '') => fieldProps(ctx, OrganisationForm, state, form, field, stored);
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={false}
      crumbs={[
        { label: resolveText(ctx.programme!.name, locale).text, href: base },
        { label: t('organisations.title'), href: `${base}/organisations` },
        { label: name, href: `${base}/organisations/${organisation.slug}` },
        { label: t('organisation.edit.crumb') },
      ]}
    >
      <Heading level={1}>{title}</Heading>
      <ConflictPanel ctx={ctx} conflict={props.conflict} />
      <ErrorSummary ctx={ctx} state={state} form={form} />
      <PostForm ctx={ctx} action={`${base}/organisations/${organisation.slug}/edit`} label={title} id={form}>
        <input type="hidden" name="version" value={String(props.version)} />
        <SelectField
          {...f('kind', organisation.kind)}
          label={t('organisations.kind')}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKind.${k}`) }))}
        />
        <TextField {...f('shortName', organisation.shortName ?? '')} label={t('organisation.field.shortName')} />
        <TextField {...f('website', organisation.website ?? '')} label={t('organisation.field.website')} type="url" inputMode="url" />
        <SelectField
          id={`${form}-parentId`}
          name="parentId"
          label={t('organisation.partOf')}
          description={t('organisation.field.partOfHint')}
          value={typedValue(state, form, 'parentId', organisation.parentId ?? '')}
          options={props.parents.map((c) => ({ value: c.id, label: c.label }))}
          empty={t('organisation.field.partOfNone')}
          error={errorOf(ctx, state, form, 'parentId')}
        />
        <SubmitButton>{t('pf.form.save')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}

const labels = (t: Translate): Record<string, string> => ({
  kind: t('organisations.kind'),
  shortName: t('organisation.field.shortName'),
  website: t('organisation.field.website'),
  parentId: t('organisation.partOf'),
});

export function registerOrganisationEditRoutes(app: FastifyInstance, db: Db, config: Config): void {
  for (const { url } of localizedPaths('/:programme/organisations/:slug/edit')) {
    type Params = { programme: string; slug: string };
    const load = async (programmeId: string, slug: string, locale: 'nl' | 'en') => {
      const found = await getOrganisation(db, programmeId, slug);
      if (!found) throw notFound();
      const organisation = found.organisation;
      const parents = (await organisationChoices(db, programmeId, locale)).filter((c) => c.id !== organisation.id);
      return { organisation, parents };
    };
    app.get<{ Params: Params }>(url, { config: { action: 'organisation.edit' } }, async (request, reply) => {
      const { organisation, parents } = await load(request.programme!.id, request.params.slug, request.locale);
      return sendHtml(reply, renderPage(<OrganisationEditPage ctx={pageContext(request, config)} organisation={organisation} parents={parents} version={organisation.version} />));
    });
    app.post<{ Params: Params; Body: FormBody }>(url, { config: { action: 'organisation.edit' } }, async (request, reply) => {
      const programmeId = request.programme!.id;
      const { organisation, parents } = await load(programmeId, request.params.slug, request.locale);
      const ctx = pageContext(request, config);
      const body = request.body ?? {};
      const page = (status: number, version: number, state: FormState, conflict?: ConflictInfo) =>
        sendHtml(reply, renderPage(<OrganisationEditPage ctx={ctx} organisation={organisation} parents={parents} version={version} state={state} conflict={conflict} />), status);
      const read = readForm(OrganisationForm, body, request.locale);
      const posted = Number(body.version);
      if (!read.ok) return page(400, Number.isInteger(posted) && posted > 0 ? posted : organisation.version, formState(ORGANISATION_FORM, read.errors, body));
      const values = organisationInput(read.value);
      const result = await updateOrganisation(db, { actor: request.actor as Actor, programmeId, organisationId: organisation.id, expectedVersion: read.value.version, values });
      if (!result.ok && 'errors' in result) return page(400, read.value.version, formState(ORGANISATION_FORM, result.errors, body));
      if (!result.ok) {
        const names = new Map([...parents.map((c): [string, string] => [c.id, c.label]), ...ORGANISATION_KINDS.map((k): [string, string] => [k, ctx.t(`organisationKind.${k}`)])]);
        const rows = conflictRows(result.current, values as unknown as Record<string, unknown>, labels(ctx.t), ctx.t, ctx.locale, names);
        return page(409, result.current.version, formState(ORGANISATION_FORM, {}, body), { rows, by: null, at: null });
      }
      return redirectLocal(reply, `/${request.locale}/${request.programme!.slug}/organisations/${organisation.slug}`, '/');
    });
  }
}
