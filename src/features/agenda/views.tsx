// The annual agenda's pages: the list with the form for a new draft, one agenda with the step the
// reader may take, and two agendas side by side.
import { adoptedAfterwards, type ComparedEntry } from '../../domain/annual-agenda.ts';
import type { BackingDecision } from '../meetings/backing.ts';
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { Heading, Link, SelectField, SubmitButton, Text, TextField, TableScroll } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { formatDate } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import { ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { AdvanceInput, AgendaCreateInput } from './schema.ts';
import type { AdoptionSource, AnnualAgenda, EntryRow } from './queries.ts';

export const span = (a: { startYear: number; endYear: number }) => (a.startYear === a.endYear ? String(a.startYear) : `${a.startYear}-${a.endYear}`);
const base = (ctx: PageContext) => `/${ctx.locale}/${ctx.programme!.slug}`;
const plain = (value: LocalizedText | null | undefined, ctx: PageContext) => resolveText(value, ctx.locale).text;

function crumbs(ctx: PageContext, ...rest: { label: string; href?: string }[]) {
  return [{ label: plain(ctx.programme!.name, ctx), href: base(ctx) }, { label: ctx.t('agenda.list.title'), href: `${base(ctx)}/annual-agendas` }, ...rest];
}

export function AgendasPage({ ctx, agendas, canPrepare, state }: { ctx: PageContext; agendas: AnnualAgenda[]; canPrepare: boolean; state?: FormState }) {
  const { t } = ctx;
  const title = t('agenda.list.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx).slice(0, 2)}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('agenda.list.intro')}</p>
      {agendas.length === 0 ? (
        <p class="utrecht-paragraph">{t('agenda.list.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {agendas.map((a) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={`${base(ctx)}/annual-agendas/${a.id}`}>
                {t('agenda.title', { span: span(a) })}
              </a>{' '}
              ({t(`agenda.state.${a.state}`)})
            </li>
          ))}
        </ul>
      )}
      {agendas.length > 1 && (
        <section aria-labelledby="compare">
          <Heading level={2} id="compare">{t('agenda.compare')}</Heading>
          <form method="get" action={`${base(ctx)}/annual-agendas/compare`} aria-label={t('agenda.compare')}>
            <SelectField id="compare-left" name="left" label={t('agenda.left')} value={agendas[1]!.id} options={agendas.map((a) => ({ value: a.id, label: span(a) }))} />
            <SelectField id="compare-right" name="right" label={t('agenda.right')} value={agendas[0]!.id} options={agendas.map((a) => ({ value: a.id, label: span(a) }))} />
            <SubmitButton secondary>{t('agenda.compare')}</SubmitButton>
          </form>
        </section>
      )}
      {canPrepare && (
        <section aria-labelledby="create-agenda">
          <Heading level={2} id="create-agenda">{t('agenda.create')}</Heading>
          <ErrorSummary ctx={ctx} state={state} form="agenda" />
          <PostForm ctx={ctx} action={`${base(ctx)}/annual-agendas`} label={t('agenda.create')} id="agenda">
            <TextField {...fieldProps(ctx, AgendaCreateInput, state, 'agenda', 'startYear')} type="number" inputMode="numeric" label={t('agenda.startYear')} />
            <TextField {...fieldProps(ctx, AgendaCreateInput, state, 'agenda', 'endYear')} type="number" inputMode="numeric" label={t('agenda.endYear')} />
            <SelectField
              {...fieldProps(ctx, AgendaCreateInput, state, 'agenda', 'basedOn')}
              label={t('agenda.basedOnField')}
              options={[{ value: '', label: t('agenda.fromPortfolio') }, ...agendas.map((a) => ({ value: a.id, label: t('agenda.title', { span: span(a) }) }))]}
            />
            <SubmitButton>{t('agenda.create')}</SubmitButton>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}

function ActionList({ ctx, entry }: { ctx: PageContext; entry: EntryRow['entry'] }) {
  if (entry.actions.length === 0) return <span>{ctx.t('agenda.noActions')}</span>;
  return (
    <ul class="utrecht-unordered-list">
      {entry.actions.map((a) => (
        <li class="utrecht-unordered-list__item">
          <Text value={a.description} locale={ctx.locale} />
          {plain(a.due, ctx) && <> ({plain(a.due, ctx)})</>}
          {a.state === 'done' && <> — {ctx.t('actionState.done')}</>}
        </li>
      ))}
    </ul>
  );
}

/** Which steps the reader may take (./policy.ts); the state decides which one is offered. */
export interface AgendaSteps {
  propose: boolean;
  adopt: boolean;
  publish: boolean;
}

export interface AgendaPageProps {
  ctx: PageContext;
  agenda: AnnualAgenda;
  entries: EntryRow[];
  adoption: AdoptionSource;
  basedOn: AnnualAgenda | null;
  may: AgendaSteps;
  decisions: BackingDecision[];
  state?: FormState;
}

/** What adopted the agenda: the executive meeting (its date, linked) or the agreement; "afterwards" when late. */
function AdoptionLine({ ctx, agenda, adoption }: { ctx: PageContext; agenda: AnnualAgenda; adoption: NonNullable<AdoptionSource> }) {
  const { t, locale } = ctx;
  const date = formatDate(locale, adoption.date);
  if (adoption.kind === 'agreement') return <p class="utrecht-paragraph">{t('agenda.adoptedByAgreement', { date })}</p>;
  return (
    <>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base(ctx)}/meetings/${adoption.adoption.meetingId}`}>
          {t('agenda.adoptedBy', { date })}
        </a>
      </p>
      {adoptedAfterwards(agenda, adoption.date) && <p class="utrecht-paragraph ks-afterwards">{t('agenda.adoptedAfterwards', { span: span(agenda) })}</p>}
    </>
  );
}

export function AgendaPage({ ctx, agenda, entries, adoption, basedOn, may, decisions, state }: AgendaPageProps) {
  const { t, locale } = ctx;
  const title = t('agenda.title', { span: span(agenda) });
  const path = `${base(ctx)}/annual-agendas/${agenda.id}`;
  return (
    <Layout ctx={ctx} title={title} indexable={agenda.state === 'published'} crumbs={crumbs(ctx, { label: span(agenda) })}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph" id="advance-state">
        <strong>{t('agenda.state')}:</strong> {t(`agenda.state.${agenda.state}`)}
      </p>
      {adoption && <AdoptionLine ctx={ctx} agenda={agenda} adoption={adoption} />}
      {basedOn && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base(ctx)}/annual-agendas/${basedOn.id}`}>
            {t('agenda.basedOn', { span: span(basedOn) })}
          </a>
        </p>
      )}
      {(may.propose || may.adopt || may.publish) && (
        <div class="ks-item-tools">
          <ErrorSummary ctx={ctx} state={state} form="advance" />
          {agenda.state === 'draft' && may.propose && (
            <PostForm ctx={ctx} action={`${path}/propose`} label={t('agenda.propose')}>
              <SubmitButton>{t('agenda.propose')}</SubmitButton>
            </PostForm>
          )}
          {agenda.state === 'proposed' &&
            may.adopt &&
            (decisions.length === 0 ? (
              <p class="utrecht-paragraph">{t('agenda.noDecision')}</p>
            ) : (
              <PostForm ctx={ctx} action={`${path}/adopt`} label={t('agenda.adopt')}>
                <SelectField
                  {...fieldProps(ctx, AdvanceInput, state, 'advance', 'decision')}
                  label={t('agenda.decision')}
                  empty={t('agenda.chooseDecision')}
                  options={decisions.map((d) => ({ value: d.id, label: `${formatDate(locale, d.meetingDate)}: ${plain(d.text, ctx).slice(0, 120)}` }))}
                />
                <SubmitButton>{t('agenda.adopt')}</SubmitButton>
              </PostForm>
            ))}
          {agenda.state === 'adopted' && may.publish && (
            <PostForm ctx={ctx} action={`${path}/publish`} label={t('agenda.publish')}>
              <SubmitButton>{t('agenda.publish')}</SubmitButton>
            </PostForm>
          )}
        </div>
      )}
      {entries.length === 0 ? (
        <p class="utrecht-paragraph">{t('agenda.noEntries')}</p>
      ) : (
        <TableScroll label={title}>
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{title}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('agenda.project')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('agenda.lead')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('agenda.staffing')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('agenda.actions')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {entries.map((row) => (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">
                    <Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${row.code}`}>
                      {row.code}. <Text value={row.title} locale={locale} />
                    </Link>
                  </th>
                  <td class="utrecht-table__cell">
                    <Text value={row.entry.lead} locale={locale} />
                  </td>
                  <td class="utrecht-table__cell">
                    <Text value={row.entry.staffing} locale={locale} />
                  </td>
                  <td class="utrecht-table__cell">
                    <ActionList ctx={ctx} entry={row.entry} />
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

export function ComparePage({ ctx, left, right, rows }: { ctx: PageContext; left: AnnualAgenda; right: AnnualAgenda; rows: (ComparedEntry<EntryRow['entry'] & { projectId: string }> & { code: string; title: LocalizedText })[] }) {
  const { t, locale } = ctx;
  const title = t('agenda.compareTitle', { left: span(left), right: span(right) });
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx, { label: t('agenda.compare') })}>
      <Heading level={1}>{title}</Heading>
      <table class="utrecht-table ks-compare">
        <caption class="utrecht-table__caption">{title}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('agenda.project')}</th>
            <th class="utrecht-table__header-cell" scope="col">{span(left)}</th>
            <th class="utrecht-table__header-cell" scope="col">{span(right)}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('agenda.change')}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map((row) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {row.code}. <Text value={row.title} locale={locale} />
              </th>
              <td class="utrecht-table__cell">{row.left ? <ActionList ctx={ctx} entry={row.left} /> : '—'}</td>
              <td class="utrecht-table__cell">{row.right ? <ActionList ctx={ctx} entry={row.right} /> : '—'}</td>
              <td class="utrecht-table__cell">{t(`agenda.change.${row.change}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
