import { StaleTranslationNote } from '../../web/translation-note.tsx';
import type { VNode } from 'preact';
import type { ComponentChildren } from 'preact';
import type { Locale, LocalizedText } from '../../domain/localized.ts';
import { resolveText } from '../../domain/localized.ts';
import { HOME_STAGE_ORDER, type ProgrammeStage } from '../../domain/lifecycle.ts';
import { Heading, Link, Prose, TableScroll, Text, DataItem, DataList } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { formatDate } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { getOrganisation, getProgramme, getProject, getTheme, listChildOrganisations, listOrganisationRoles, listOrganisations, listProjectActions, listProjectPartners, listProjectTargets, listThemes, ProjectSummary } from './queries.ts';

type Row<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

const name = (value: LocalizedText | null | undefined, locale: Locale) => resolveText(value, locale).text;

function programmeCrumb(ctx: PageContext) {
  return { label: name(ctx.programme!.name, ctx.locale), href: `/${ctx.locale}/${ctx.programme!.slug}` };
}

export function ProgrammesPage({ ctx, programmes }: { ctx: PageContext; programmes: { slug: string; name: LocalizedText; city: string; startOn: string; endOn: string; stage: ProgrammeStage }[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('programmes.title')}>
      <Heading level={1}>{t('programmes.title')}</Heading>
      <p class="utrecht-paragraph">{t('programmes.intro')}</p>
      {HOME_STAGE_ORDER.filter((stage) => programmes.some((p) => p.stage === stage)).map((stage) => (
          <section aria-labelledby={`programmes-${stage}`}>
            <Heading level={2} id={`programmes-${stage}`}>
              {t(`programmes.stage.${stage}`)}
            </Heading>
            <ul class="utrecht-unordered-list ks-programme-list" data-stage={stage}>
              {programmes
                .filter((p) => p.stage === stage)
                .map((p) => (
                  <li class="utrecht-unordered-list__item">
                    <Link ctx={ctx} to={`/${p.slug}`}>
                      <Text value={p.name} locale={locale} />
                    </Link>{' '}
                    ({p.city}) <span class="ks-muted">{t('programmes.period', { start: formatDate(locale, p.startOn), end: formatDate(locale, p.endOn) })}</span>
                  </li>
                ))}
            </ul>
          </section>
        ))}
    </Layout>
  );
}

function ProjectCard({ ctx, project }: { ctx: PageContext; project: ProjectSummary }) {
  const { t, locale } = ctx;
  return (
    <li class="ks-card">
      <Heading level={3}>
        <Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${project.code}`}>
          {project.code}. <Text value={project.title} locale={locale} />
        </Link>
      </Heading>
      <p class="utrecht-paragraph">
        <strong>{t('project.lead')}:</strong> {project.leadName ? <Text value={project.leadName} locale={locale} /> : t('project.leadUnknown')}
      </p>
      <p class="utrecht-paragraph">
        <strong>{t('project.status')}:</strong> <Text value={project.status} locale={locale} />
      </p>
    </li>
  );
}

export function HomePage(props: {
  ctx: PageContext;
  programme: Row<typeof getProgramme>;
  /** The programme's term (src/features/agreement/term-queries.ts): renewals included. */
  term: { startOn: string; endOn: string };
  themes: Row<typeof listThemes>;
  projects: ProjectSummary[];
  /** What other capabilities show on the home page (latest news, upcoming events). */
  panels?: VNode[];
}) {
  const { ctx, programme, term, themes, projects, panels = [] } = props;
  const { t, locale } = ctx;
  const title = name(programme.name, locale);
  const unthemed = projects.filter((p) => !p.themeId);
  return (
    <Layout ctx={ctx} title={title}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph ks-muted">{t('home.period', { start: formatDate(locale, term.startOn), end: formatDate(locale, term.endOn) })}</p>
      <Prose value={programme.mission} locale={locale} />
      {panels}
      <Heading level={2}>{t('home.projectsByTheme')}</Heading>
      {themes.map((theme) => (
        <section aria-labelledby={`theme-${theme.code}`}>
          <Heading level={3} id={`theme-${theme.code}`}>
            <Link ctx={ctx} to={`/${programme.slug}/themes/${theme.code}`}>
              {theme.code}. <Text value={theme.title} locale={locale} />
            </Link>
          </Heading>
          <ul class="ks-cards">
            {projects
              .filter((p) => p.themeId === theme.id)
              .map((project) => (
                <ProjectCard ctx={ctx} project={project} />
              ))}
          </ul>
        </section>
      ))}
      {unthemed.length > 0 && (
        <section aria-labelledby="theme-other">
          <Heading level={3} id="theme-other">
            {t('home.otherProjects')}
          </Heading>
          <ul class="ks-cards">
            {unthemed.map((project) => (
              <ProjectCard ctx={ctx} project={project} />
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

export function ThemePage({ ctx, theme, projects }: { ctx: PageContext; theme: NonNullable<Row<typeof getTheme>>; projects: ProjectSummary[] }) {
  const { t, locale } = ctx;
  const title = t('theme.title', { code: theme.code, title: name(theme.title, locale) });
  return (
    <Layout ctx={ctx} title={title} crumbs={[programmeCrumb(ctx), { label: title }]}>
      <Heading level={1}>{title}</Heading>
      <Prose value={theme.description} locale={locale} />
      {resolveText(theme.goal, locale).text && (
        <>
          <Heading level={2}>{t('theme.goal')}</Heading>
          <Prose value={theme.goal} locale={locale} />
        </>
      )}
      <Heading level={2}>{t('theme.projects')}</Heading>
      {projects.length === 0 ? (
        <p class="utrecht-paragraph">{t('theme.none')}</p>
      ) : (
        <ul class="ks-cards">
          {projects.map((project) => (
            <ProjectCard ctx={ctx} project={project} />
          ))}
        </ul>
      )}
    </Layout>
  );
}

function OrganisationLink({ ctx, slug, value }: { ctx: PageContext; slug: string; value: LocalizedText }) {
  return (
    <Link ctx={ctx} to={`/${ctx.programme!.slug}/organisations/${slug}`}>
      <Text value={value} locale={ctx.locale} />
    </Link>
  );
}

export function ProjectPage(props: {
  ctx: PageContext;
  project: NonNullable<Row<typeof getProject>>;
  partners: Row<typeof listProjectPartners>;
  actions: Row<typeof listProjectActions>;
  targets: Row<typeof listProjectTargets>;
  /** Where editors edit actions (…/projects/1a); absent for readers who may not edit. */
  editBase?: string;
  /** Sections added by the editing capability: tools, commitments, history. */
  children?: ComponentChildren;
  /** The steering group's newest advice per joined organisation, for readers of the internal side. */
  advice?: Map<string, ComponentChildren>;
}) {
  const { ctx, partners, actions, targets, editBase } = props;
  const { project, theme, lead } = props.project;
  const { t, locale } = ctx;
  const title = `${project.code}. ${name(project.title, locale)}`;
  const crumbs = [programmeCrumb(ctx)];
  if (theme) crumbs.push({ label: `${theme.code}. ${name(theme.title, locale)}`, href: `/${locale}/${ctx.programme!.slug}/themes/${theme.code}` });
  crumbs.push({ label: title, href: '' });
  const confirmed = partners.filter((p) => p.partner.role !== 'intended_partner');
  const intended = partners.filter((p) => p.partner.role === 'intended_partner');
  const partnerItem = (p: Row<typeof listProjectPartners>[number]) => (
    <li class="utrecht-unordered-list__item">
      <OrganisationLink ctx={ctx} slug={p.organisation.slug} value={p.organisation.name} />
      {p.partner.role === 'lead' && <> ({t('partnerRole.lead').toLowerCase()})</>}
      {props.advice?.has(p.organisation.id) && <> — {props.advice.get(p.organisation.id)}</>}
      {resolveText(p.partner.note, locale).text && (
        <>
          {' — '}
          <Text value={p.partner.note} locale={locale} />
        </>
      )}
    </li>
  );
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs}>
      <Heading level={1}>{title}</Heading>
      <StaleTranslationNote ctx={ctx} stale={project.staleTranslations} label={(field) => ctx.t(FIELD_LABELS[field] ?? field).toLowerCase()} />
      <DataList>
        {theme && (
          <>
            <DataItem label={t('project.theme')}>
              <Link ctx={ctx} to={`/${ctx.programme!.slug}/themes/${theme.code}`}>
                {theme.code}. <Text value={theme.title} locale={locale} />
              </Link>
            </DataItem>
          </>
        )}
        <DataItem label={t('project.status')}>
          <Text value={project.status} locale={locale} />
        </DataItem>
        <DataItem label={t('project.lifecycle')}>{t(`lifecycle.${project.lifecycle}`)}</DataItem>
        <DataItem label={t('project.lead')}>
          {lead ? <OrganisationLink ctx={ctx} slug={lead.slug} value={lead.name} /> : t('project.leadUnknown')}
          {resolveText(project.leadNote, locale).text && (
            <>
              {' '}
              (<Text value={project.leadNote} locale={locale} />)
            </>
          )}
          {ctx.canManage && (
            <>
              {' — '}
              <Link ctx={ctx} to={`/${ctx.programme!.slug}/invitations?role=lead&project=${encodeURIComponent(project.code)}`}>
                {t('project.inviteLead')}
              </Link>
            </>
          )}
        </DataItem>
      </DataList>
      <Heading level={2}>{t('project.goal')}</Heading>
      {resolveText(project.goal, locale).text ? <Prose value={project.goal} locale={locale} /> : <p class="utrecht-paragraph">{t('project.goal.none')}</p>}
      {resolveText(project.description, locale).text && (
        <>
          <Heading level={2}>{t('project.description')}</Heading>
          <Prose value={project.description} locale={locale} />
        </>
      )}
      <Heading level={2} id="partners">{t('project.partners')}</Heading>
      {confirmed.length === 0 ? <p class="utrecht-paragraph">{t('project.noPartners')}</p> : <ul class="utrecht-unordered-list">{confirmed.map(partnerItem)}</ul>}
      <Heading level={2}>{t('project.intendedPartners')}</Heading>
      {intended.length === 0 ? <p class="utrecht-paragraph">{t('project.noPartners')}</p> : <ul class="utrecht-unordered-list">{intended.map(partnerItem)}</ul>}
      <Heading level={2} id="actions">{t('project.actions')}</Heading>
      {actions.length === 0 ? (
        <p class="utrecht-paragraph">{t('project.noActions')}</p>
      ) : (
        <TableScroll label={t('project.actions')}>
          <table class="utrecht-table ks-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('action.description')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('action.owner')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('action.due')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('action.state')}</th>
                {editBase && <th class="utrecht-table__header-cell" scope="col">{t('pf.edit.editColumn')}</th>}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {actions.map(({ action, owner }, index) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    <Text value={action.description} locale={locale} />
                  </td>
                  <td class="utrecht-table__cell">{owner ? <OrganisationLink ctx={ctx} slug={owner.slug} value={owner.name} /> : ''}</td>
                  <td class="utrecht-table__cell">
                    {resolveText(action.dueLabel, locale).text ? <Text value={action.dueLabel} locale={locale} /> : formatDate(locale, action.dueOn)}
                    {action.dueOn && resolveText(action.dueLabel, locale).text && (
                      <span class="ks-muted"> ({formatDate(locale, action.dueOn)})</span>
                    )}
                  </td>
                  <td class="utrecht-table__cell">{t(`actionState.${action.state}`)}</td>
                  {editBase && (
                    <td class="utrecht-table__cell">
                      <a class="utrecht-link" href={`/${locale}${editBase}/actions/${action.id}/edit`}>
                        {t('pf.edit.editActionN', { n: index + 1 })}
                      </a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {targets.length > 0 && (
        <>
          <Heading level={2}>{t('project.targets')}</Heading>
          <ul class="utrecht-unordered-list">
            {targets.map((target) => (
              <li class="utrecht-unordered-list__item">
                <Text value={target.title} locale={locale} />
                {target.targetValue !== null && (
                  <>
                    {': '}
                    {target.targetValue.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB')} <Text value={target.unit} locale={locale} />
                  </>
                )}
                {resolveText(target.deadlineLabel, locale).text && (
                  <>
                    {' ('}
                    <Text value={target.deadlineLabel} locale={locale} />
                    {')'}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {props.children}
    </Layout>
  );
}

export function ProjectsPage({ ctx, projects, themes, filters }: { ctx: PageContext; projects: ProjectSummary[]; themes: Row<typeof listThemes>; filters?: ComponentChildren }) {
  const { t, locale } = ctx;
  const themeById = new Map(themes.map((theme) => [theme.id, theme]));
  return (
    <Layout ctx={ctx} title={t('projects.title')} crumbs={[programmeCrumb(ctx), { label: t('projects.title') }]}>
      <Heading level={1}>{t('projects.title')}</Heading>
      {filters}
      <p class="utrecht-paragraph" role="status">{t('projects.count', { count: projects.length })}</p>
      <TableScroll label={t('projects.title')}>
        <table class="utrecht-table ks-table">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('projects.code')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('projects.project')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('project.theme')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('project.lead')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('project.status')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {projects.map((project) => {
              const theme = project.themeId ? themeById.get(project.themeId) : undefined;
              return (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">{project.code}</td>
                  <td class="utrecht-table__cell">
                    <Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${project.code}`}>
                      <Text value={project.title} locale={locale} />
                    </Link>
                  </td>
                  <td class="utrecht-table__cell">{theme ? <Text value={theme.title} locale={locale} /> : ''}</td>
                  <td class="utrecht-table__cell">{project.leadName ? <Text value={project.leadName} locale={locale} /> : t('project.leadUnknown')}</td>
                  <td class="utrecht-table__cell">
                    <Text value={project.status} locale={locale} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </Layout>
  );
}

export function OrganisationsPage({ ctx, organisations }: { ctx: PageContext; organisations: Row<typeof listOrganisations> }) {
  const { t, locale } = ctx;
  const sorted = [...organisations].sort((a, b) => name(a.name, locale).localeCompare(name(b.name, locale), locale));
  return (
    <Layout ctx={ctx} title={t('organisations.title')} crumbs={[programmeCrumb(ctx), { label: t('organisations.title') }]}>
      <Heading level={1}>{t('organisations.title')}</Heading>
      <p class="utrecht-paragraph">{t('organisations.intro')}</p>
      <TableScroll label={t('organisations.title')}>
        <table class="utrecht-table ks-table">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('organisations.name')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('organisations.kind')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('organisations.roles')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {sorted.map((o) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">
                  <OrganisationLink ctx={ctx} slug={o.slug} value={o.name} />
                </td>
                <td class="utrecht-table__cell">{t(`organisationKind.${o.kind}`)}</td>
                <td class="utrecht-table__cell">{t('organisations.rolesCount', { total: o.total, leads: o.leads })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Layout>
  );
}

export function OrganisationPage(props: {
  ctx: PageContext;
  organisation: NonNullable<Row<typeof getOrganisation>>;
  roles: Row<typeof listOrganisationRoles>;
  units: Row<typeof listChildOrganisations>;
}) {
  const { ctx, roles, units } = props;
  const { organisation, parent } = props.organisation;
  const { t, locale } = ctx;
  const title = name(organisation.name, locale);
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[programmeCrumb(ctx), { label: t('organisations.title'), href: `/${locale}/${ctx.programme!.slug}/organisations` }, { label: title }]}
    >
      <Heading level={1}>{title}</Heading>
      {ctx.canManage && (
        <p class="utrecht-paragraph">
          <Link ctx={ctx} to={`/${ctx.programme!.slug}/organisations/${organisation.slug}/edit`}>
            {t('organisation.edit.link')}
          </Link>
          {' · '}
          <Link ctx={ctx} to={`/${ctx.programme!.slug}/invitations?role=partner&organisation=${encodeURIComponent(organisation.slug)}`}>
            {t('organisation.inviteMember')}
          </Link>
        </p>
      )}
      <DataList>
        <DataItem label={t('organisations.kind')}>{t(`organisationKind.${organisation.kind}`)}</DataItem>
        {parent && (
          <>
            <DataItem label={t('organisation.partOf')}>
              <OrganisationLink ctx={ctx} slug={parent.slug} value={parent.name} />
            </DataItem>
          </>
        )}
      </DataList>
      {units.length > 0 && (
        <>
          <Heading level={2}>{t('organisation.units')}</Heading>
          <ul class="utrecht-unordered-list">
            {units.map((unit) => (
              <li class="utrecht-unordered-list__item">
                <OrganisationLink ctx={ctx} slug={unit.slug} value={unit.name} />
              </li>
            ))}
          </ul>
        </>
      )}
      <Heading level={2}>{t('organisation.roles')}</Heading>
      {roles.length === 0 ? (
        <p class="utrecht-paragraph">{t('organisation.noRoles')}</p>
      ) : (
        <TableScroll label={t('organisation.roles')}>
          <table class="utrecht-table ks-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('projects.project')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('organisation.role')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {roles.map((role) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    <Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${role.project.code}`}>
                      {role.project.code}. <Text value={role.project.title} locale={locale} />
                    </Link>
                  </td>
                  <td class="utrecht-table__cell">
                    {t(`partnerRole.${role.partner.role}`)}
                    {resolveText(role.partner.note, locale).text && (
                      <>
                        {' — '}
                        <Text value={role.partner.note} locale={locale} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}

const FIELD_LABELS: Record<string, string> = {
  title: 'pf.field.title',
  goal: 'project.goal',
  description: 'project.description',
  status: 'project.status',
  leadNote: 'pf.field.leadNote',
  safeguarding: 'pf.field.safeguarding',
  staffingArrangements: 'pf.field.staffingArrangements',
  financingArrangements: 'pf.field.financingArrangements',
};
