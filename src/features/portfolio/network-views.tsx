// The cross-overs page: the partner network as SVG and as tables, recorded cross-overs with their
// reasons, and for coordinators and leads suggestions plus a form to link two projects.
import type { CrossOverSuggestion } from '../../domain/crossovers.ts';
import { resolveText } from '../../domain/localized.ts';
import { ExampleBadge, Heading, Link, SelectField, SubmitButton, TableScroll, Text } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { BilingualField, ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { Layout } from '../../web/layout.tsx';
import { LinkForm } from './inputs.ts';
import type { loadNetwork } from './network-queries.ts';
import { NetworkSvg, type NetworkData } from './network.tsx';

type Network = Awaited<ReturnType<typeof loadNetwork>>;

/** The form linking two projects (ids `crossover-<field>`). */
export const LINK_FORM = 'crossover';

/** The two projects a suggestion proposes to link (codes), to open the form with. */
export interface LinkPrefill {
  a: string;
  b: string;
}

export function CrossOversPage(props: {
  ctx: PageContext;
  network: Network;
  suggestions: CrossOverSuggestion[] | null;
  organisationNames: Map<string, string>;
  /** Null for a reader who may not link projects: no form. */
  form: LinkPrefill | null;
  state?: FormState;
  notice?: string;
}) {
  const { ctx, network, state } = props;
  const { t, locale } = ctx;
  const title = t('pf.network.title');
  const projectName = new Map(network.projects.map((p) => [p.id, `${p.code}. ${resolveText(p.title, locale).text}`]));
  const orgs = new Map<string, { id: string; slug: string; label: string; projects: { code: string; role: string }[] }>();
  const code = new Map(network.projects.map((p) => [p.id, p.code]));
  for (const p of network.partnerships) {
    const entry = orgs.get(p.organisationId) ?? { id: p.organisationId, slug: p.slug, label: resolveText(p.name, locale).text, projects: [] };
    entry.projects.push({ code: code.get(p.projectId)!, role: p.role });
    orgs.set(p.organisationId, entry);
  }
  const organisations = [...orgs.values()].sort((x, y) => y.projects.length - x.projects.length || x.label.localeCompare(y.label, locale));
  const data: NetworkData = {
    organisations: organisations.map((o) => ({ id: o.id, label: o.label })),
    projects: network.projects.map((p) => ({ id: p.id, code: p.code, label: resolveText(p.title, locale).text })),
    partnerships: network.partnerships,
    crossOvers: network.links.map((l) => ({ a: l.a, b: l.b })),
  };
  const base = `/${locale}/${ctx.programme!.slug}`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: resolveText(ctx.programme!.name, locale).text, href: base }, { label: title }]}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('pf.network.intro')}</p>
      {props.notice && (
        <div class="utrecht-alert utrecht-alert--ok" role="status">
          <div class="utrecht-alert__content">{props.notice}</div>
        </div>
      )}
      <Heading level={2}>{t('pf.crossovers.title')}</Heading>
      {network.links.length === 0 ? (
        <p class="utrecht-paragraph">{t('pf.crossovers.none')}</p>
      ) : (
        <TableScroll label={t('pf.crossovers.title')}>
          <table class="utrecht-table ks-table" id="cross-overs">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('projects.project')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('projects.project')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('pf.crossovers.reason')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {network.links.map((l) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell"><Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${l.aCode}`}>{l.aCode}. <Text value={l.aTitle} locale={locale} /></Link></td>
                  <td class="utrecht-table__cell"><Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${l.bCode}`}>{l.bCode}. <Text value={l.bTitle} locale={locale} /></Link></td>
                  <td class="utrecht-table__cell">
                    <Text value={l.reason} locale={locale} />
                    {l.example && <> <ExampleBadge ctx={ctx} /></>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {props.suggestions && (
        <section aria-labelledby="suggestions">
          <Heading level={2} id="suggestions">{t('pf.crossovers.suggestions')}</Heading>
          {props.suggestions.length === 0 ? (
            <p class="utrecht-paragraph">{t('pf.crossovers.noSuggestions')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {props.suggestions.map((s) => (
                <li class="utrecht-unordered-list__item">
                  <a class="utrecht-link" href={`${base}/cross-overs?a=${code.get(s.a)}&b=${code.get(s.b)}#link`}>
                    {projectName.get(s.a)} ↔ {projectName.get(s.b)}
                  </a>
                  {': '}
                  {[
                    s.sharedOrganisations.length ? t('pf.crossovers.sharedPartners', { names: s.sharedOrganisations.map((id) => props.organisationNames.get(id) ?? '').join(', ') }) : '',
                    s.sharedWords.length ? t('pf.crossovers.sharedWords', { words: s.sharedWords.slice(0, 6).join(', ') }) : '',
                  ]
                    .filter(Boolean)
                    .join('; ')}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {props.form && (
        <section aria-labelledby="link">
          <Heading level={2} id="link">{t('pf.crossovers.add')}</Heading>
          <ErrorSummary ctx={ctx} state={state} form={LINK_FORM} />
          <PostForm ctx={ctx} action={`${base}/cross-overs`} label={t('pf.crossovers.add')} id={LINK_FORM}>
            <SelectField {...fieldProps(ctx, LinkForm, state, LINK_FORM, 'a', props.form.a)} label={t('pf.crossovers.first')} options={network.projects.map((p) => ({ value: p.code, label: projectName.get(p.id)! }))} empty={t('pf.form.choose')} />
            <SelectField {...fieldProps(ctx, LinkForm, state, LINK_FORM, 'b', props.form.b)} label={t('pf.crossovers.second')} options={network.projects.map((p) => ({ value: p.code, label: projectName.get(p.id)! }))} empty={t('pf.form.choose')} />
            <BilingualField ctx={ctx} schema={LinkForm} state={state} form={LINK_FORM} name="reason" label={t('pf.crossovers.reason')} multiline required />
            <SubmitButton>{t('pf.crossovers.submit')}</SubmitButton>
          </PostForm>
        </section>
      )}
      <Heading level={2}>{t('pf.network.picture')}</Heading>
      <NetworkSvg data={data} title={t('pf.network.svgTitle')} description={t('pf.network.svgDescription', { organisations: organisations.length, projects: network.projects.length })} locale={locale} />
      <Heading level={2}>{t('pf.network.table')}</Heading>
      <TableScroll label={t('pf.network.table')}>
        <table class="utrecht-table ks-table">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('pf.join.organisation')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('pf.network.projects')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {organisations.map((o) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row"><Link ctx={ctx} to={`/${ctx.programme!.slug}/organisations/${o.slug}`}>{o.label}</Link></th>
                <td class="utrecht-table__cell">{o.projects.map((p) => `${p.code}${p.role === 'partner' ? '' : ` (${t(`partnerRole.${p.role}`).toLowerCase()})`}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Layout>
  );
}
