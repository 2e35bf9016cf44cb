// The filter form above the project list, with links to export the filtered list.
import { LIFECYCLES } from '../../db/schema.ts';
import type { PageContext } from '../../web/context.ts';
import { SelectField, TextField } from '../../web/components.tsx';
import { Checkbox } from '../../web/form-components.tsx';
import { filterQueryString, type ListFilters } from './list.ts';

export function ProjectFilters(props: { ctx: PageContext; filters: ListFilters; themes: { code: string; label: string }[]; organisations: { slug: string; label: string }[] }) {
  const { ctx, filters } = props;
  const { t } = ctx;
  const base = `/${ctx.locale}/${ctx.programme!.slug}`;
  const query = filterQueryString(filters);
  return (
    <>
      <form method="get" action={`${base}/projects`} class="ks-form ks-filters" role="search" aria-label={t('pf.list.filters')}>
        <SelectField id="theme" label={t('project.theme')} value={filters.theme} options={props.themes.map((x) => ({ value: x.code, label: x.label }))} empty={t('pf.list.all')} />
        <SelectField id="lifecycle" label={t('project.lifecycle')} value={filters.lifecycle} options={LIFECYCLES.map((l) => ({ value: l, label: t(`lifecycle.${l}`) }))} empty={t('pf.list.all')} />
        <TextField id="status" label={t('project.status')} value={filters.status} />
        <SelectField id="lead" label={t('project.lead')} value={filters.lead} options={props.organisations.map((o) => ({ value: o.slug, label: o.label }))} empty={t('pf.list.all')} />
        <SelectField id="partner" label={t('pf.list.partner')} value={filters.partner} options={props.organisations.map((o) => ({ value: o.slug, label: o.label }))} empty={t('pf.list.all')} />
        {/* A finished programme is an archive: nothing in it is overdue any more. */}
        {ctx.programmeStage !== 'finished' && <Checkbox name="overdue" value="1" label={t('pf.list.overdue')} checked={filters.overdue} />}
        <button type="submit" class="utrecht-button utrecht-button--html-button utrecht-button--secondary-action">
          {t('pf.list.apply')}
        </button>
      </form>
      <p class="utrecht-paragraph">
        {t('pf.list.export')}{' '}
        <a class="utrecht-link" href={`${base}/export/projects.csv${query}`}>CSV</a>
        {' · '}
        <a class="utrecht-link" href={`${base}/export/projects.xlsx${query}`}>XLSX</a>
      </p>
    </>
  );
}
