// Pages of monitoring. Every figure in a chart is also in a table; nothing needs JavaScript.
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import { Alert, Heading, Link, Prose, SubmitButton, TableScroll, Text, TextField, DataItem, DataList } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { BilingualField, ErrorSummary, fieldProps, PostForm, RadioGroup } from '../../web/form-components.tsx';
import { typedValue, type FormState } from '../../web/forms.ts';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { TrendStatus } from '../../domain/trend.ts';
import type { DeadlineRow, TargetWithTrend } from './queries.ts';
import { MeasurementInput, ReportInput } from './schema.ts';
import { REPORT_STATUSES, type ReportStatus } from './tables.ts';

const numberFormats = { nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }) };
export const formatNumber = (locale: Locale, value: number): string => numberFormats[locale].format(value);

function programmePath(ctx: PageContext, rest: string): string {
  return `/${ctx.programme!.slug}${rest}`;
}

// The NL Design System status badge's kinds; the badge always carries its word, colour only supports it.
const BADGE_KIND: Record<TrendStatus | ReportStatus, 'success' | 'warning' | 'danger' | 'neutral'> = {
  met: 'success',
  on_track: 'success',
  at_risk: 'warning',
  off_track: 'danger',
  no_data: 'neutral',
};

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: TrendStatus | ReportStatus }) {
  return (
    <span class={`utrecht-status-badge utrecht-status-badge--${BADGE_KIND[status] ?? 'neutral'} ks-status ks-status--${status.replace('_', '-')}`}>
      {ctx.t(`monitoring.status.${status}`)}
    </span>
  );
}

function Goal({ ctx, target }: { ctx: PageContext; target: TargetWithTrend['target'] }) {
  if (target.targetValue === null) return <>{ctx.t('monitoring.deliverable')}</>;
  return (
    <>
      {formatNumber(ctx.locale, target.targetValue)} <Text value={target.unit} locale={ctx.locale} />
    </>
  );
}

function Deadline({ ctx, on, label }: { ctx: PageContext; on: string | null; label: LocalizedText }) {
  const hasLabel = !!resolveText(label, ctx.locale).text;
  return (
    <>
      {hasLabel ? <Text value={label} locale={ctx.locale} /> : formatDate(ctx.locale, on)}
      {hasLabel && on && <span class="ks-muted"> ({formatDate(ctx.locale, on)})</span>}
    </>
  );
}

export function TargetsPage({ ctx, items }: { ctx: PageContext; items: TargetWithTrend[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('monitoring.targets.title')} crumbs={[{ label: t('monitoring.targets.title') }]}>
      <Heading level={1}>{t('monitoring.targets.title')}</Heading>
      <p class="utrecht-paragraph">{t('monitoring.targets.intro')}</p>
      {items.length === 0 ? (
        <p class="utrecht-paragraph">{t('monitoring.targets.none')}</p>
      ) : (
        <TableScroll label={t('monitoring.targets.title')}>
          <table class="utrecht-table ks-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('monitoring.col.target')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('monitoring.col.goal')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('monitoring.col.latest')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('monitoring.col.deadline')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('monitoring.col.status')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {items.map(({ target, projectCode, trend }) => (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">
                    <Link ctx={ctx} to={programmePath(ctx, `/targets/${target.key}`)}>
                      <Text value={target.title} locale={locale} />
                    </Link>
                    {projectCode && (
                      <span class="ks-muted">
                        {' '}
                        ({t('monitoring.col.project')} {projectCode})
                      </span>
                    )}
                  </th>
                  <td class="utrecht-table__cell">
                    <Goal ctx={ctx} target={target} />
                  </td>
                  <td class="utrecht-table__cell">{trend.latest ? `${formatNumber(locale, trend.latest.value)} (${formatDate(locale, trend.latest.on)})` : '–'}</td>
                  <td class="utrecht-table__cell">
                    <Deadline ctx={ctx} on={target.deadlineOn} label={target.deadlineLabel} />
                  </td>
                  <td class="utrecht-table__cell">
                    <StatusBadge ctx={ctx} status={trend.status} />
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

export function TargetPage({ ctx, item, svg, canRecord, state, saved }: { ctx: PageContext; item: TargetWithTrend; svg: string | null; canRecord: boolean; state?: FormState; saved?: boolean }) {
  const { t, locale } = ctx;
  const { target, trend, measurements } = item;
  const title = resolveText(target.title, locale).text;
  return (
    <Layout
      ctx={ctx}
      title={title}
      indexable={!state}
      crumbs={[{ label: t('monitoring.targets.title'), href: localePath(locale, programmePath(ctx, '/targets')) }, { label: title }]}
    >
      <Heading level={1}>
        <Text value={target.title} locale={locale} />
      </Heading>
      {saved && <Alert kind="ok">{t('monitoring.saved')}</Alert>}
      <DataList>
        <DataItem label={t('monitoring.col.status')}>
          <StatusBadge ctx={ctx} status={trend.status} />
        </DataItem>
        <DataItem label={t('monitoring.col.goal')}>
          <Goal ctx={ctx} target={target} />
          {target.baselineValue !== null && <span class="ks-muted"> — {t('monitoring.baseline', { value: formatNumber(locale, target.baselineValue) })}</span>}
        </DataItem>
        <DataItem label={t('monitoring.col.deadline')}>
          <Deadline ctx={ctx} on={target.deadlineOn} label={target.deadlineLabel} />
        </DataItem>
        {item.projectCode && (
          <>
            <DataItem label={t('monitoring.col.project')}>
              <Link ctx={ctx} to={programmePath(ctx, `/projects/${item.projectCode}`)}>
                {item.projectCode}
              </Link>
            </DataItem>
          </>
        )}
        {resolveText(target.source, locale).text && (
          <>
            <DataItem label={t('monitoring.source')}>
              <Text value={target.source} locale={locale} />
            </DataItem>
          </>
        )}
      </DataList>
      {trend.projected !== null && trend.status !== 'met' && <p class="utrecht-paragraph">{t('monitoring.projected', { value: formatNumber(locale, trend.projected) })}</p>}

      <Heading level={2}>{t('monitoring.chart.heading')}</Heading>
      {svg === null ? (
        <p class="utrecht-paragraph" id="chart-empty">
          {t('monitoring.chart.empty')}
        </p>
      ) : (
        <figure class="ks-chart-figure">
          <div class="ks-chart-wrap" dangerouslySetInnerHTML={{ __html: svg }} />
          <figcaption class="ks-muted">{t('monitoring.chart.legend')}</figcaption>
        </figure>
      )}

      <Heading level={2}>{t('monitoring.measurements.heading')}</Heading>
      {measurements.length === 0 ? (
        <p class="utrecht-paragraph">{t('monitoring.measurements.none')}</p>
      ) : (
        <TableScroll label={t('monitoring.measurements.heading')}>
          <table class="utrecht-table ks-table">
            <caption class="utrecht-table__caption">{t('monitoring.measurements.caption', { title })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('monitoring.col.date')}</th>
                <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('monitoring.col.value')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('monitoring.col.source')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('monitoring.col.enteredBy')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {target.baselineValue !== null && (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">{formatDate(locale, item.baselineOn)}</td>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">{formatNumber(locale, target.baselineValue)}</td>
                  <td class="utrecht-table__cell">{t('monitoring.measurements.baselineRow')}</td>
                  <td class="utrecht-table__cell"></td>
                </tr>
              )}
              {measurements.map((m) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">{formatDate(locale, m.measuredOn)}</td>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">{formatNumber(locale, m.value)}</td>
                  <td class="utrecht-table__cell">{m.source}</td>
                  <td class="utrecht-table__cell">{m.enteredByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {canRecord && (
        <section aria-labelledby="measurement-form" class="ks-noprint">
          <Heading level={2} id="measurement-form">
            {t('monitoring.form.heading')}
          </Heading>
          <ErrorSummary ctx={ctx} state={state} form="measurement" />
          <PostForm ctx={ctx} id="measurement" action={localePath(locale, programmePath(ctx, `/targets/${target.key}/measurements`))} label={t('monitoring.form.heading')}>
            <TextField {...fieldProps(ctx, MeasurementInput, state, 'measurement', 'measuredOn')} type="date" label={t('monitoring.form.date')} />
            <TextField {...fieldProps(ctx, MeasurementInput, state, 'measurement', 'value')} inputMode="decimal" label={t('monitoring.form.value')} description={t('monitoring.form.valueHelp')} />
            <TextField {...fieldProps(ctx, MeasurementInput, state, 'measurement', 'source')} label={t('monitoring.form.source')} description={t('monitoring.form.sourceHelp')} />
            <SubmitButton>{t('monitoring.form.submit')}</SubmitButton>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}

type ReportRow = { period: string; status: ReportStatus; narrative: LocalizedText; filedByName: string; filedAt: Date };

/** The report form for the current period (filled with the report filed for it, if any) and the earlier reports. */
export function ReportPage(props: { ctx: PageContext; project: { code: string; title: LocalizedText }; period: string; reports: ReportRow[]; current?: ReportRow; state?: FormState; saved?: boolean }) {
  const { ctx, project, period, reports, current, state } = props;
  const { t, locale } = ctx;
  const heading = t('monitoring.reports.title', { code: project.code });
  const form = 'report';
  const status = fieldProps(ctx, ReportInput, state, form, 'status', current?.status ?? '');
  return (
    <Layout
      ctx={ctx}
      title={heading}
      indexable={false}
      crumbs={[{ label: project.code, href: localePath(locale, programmePath(ctx, `/projects/${project.code}`)) }, { label: heading }]}
    >
      <Heading level={1}>{heading}</Heading>
      <p class="utrecht-paragraph">
        <Text value={project.title} locale={locale} />
      </p>
      {props.saved && <Alert kind="ok">{t('monitoring.reports.saved')}</Alert>}
      {/* The period is not typed: the summary's link to a period problem leads to this heading. */}
      <Heading level={2} id={`${form}-period`}>
        {t('monitoring.reports.current', { period })}
      </Heading>
      <ErrorSummary ctx={ctx} state={state} form={form} />
      <PostForm ctx={ctx} id={form} action={localePath(locale, programmePath(ctx, `/projects/${project.code}/report`))} label={heading}>
        {/* A refused form keeps the period it was opened for (unless that was the problem). */}
        <input type="hidden" name="period" value={state?.errors.period ? period : typedValue(state, form, 'period', period)} />
        <RadioGroup
          id={status.id}
          name="status"
          legend={t('monitoring.reports.status')}
          value={status.value}
          error={status.error}
          options={REPORT_STATUSES.map((value) => ({ value, label: t(`monitoring.status.${value}`) }))}
        />
        <BilingualField ctx={ctx} schema={ReportInput} state={state} form={form} name="narrative" label={t('monitoring.reports.narrative')} stored={current?.narrative} multiline rows={6} />
        <p class="utrecht-paragraph ks-muted">{t('monitoring.reports.actionsHint')}</p>
        <SubmitButton>{t('monitoring.reports.submit')}</SubmitButton>
      </PostForm>
      <Heading level={2}>{t('monitoring.reports.history')}</Heading>
      {reports.length === 0 ? (
        <p class="utrecht-paragraph">{t('monitoring.reports.none')}</p>
      ) : (
        reports.map((report) => (
          <article class="ks-report">
            <Heading level={3}>
              {report.period}: <StatusBadge ctx={ctx} status={report.status} />
            </Heading>
            <Prose value={report.narrative} locale={locale} />
            <p class="utrecht-paragraph ks-muted">{t('monitoring.reports.filedBy', { name: report.filedByName, date: formatDateTime(locale, report.filedAt) })}</p>
          </article>
        ))
      )}
    </Layout>
  );
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function DeadlineTable({ ctx, rows, today, caption }: { ctx: PageContext; rows: DeadlineRow[]; today: string; caption: string }) {
  const { t, locale } = ctx;
  return (
    <TableScroll label={caption}>
      <table class="utrecht-table ks-table">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('monitoring.deadlines.due')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('monitoring.col.project')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('monitoring.deadlines.action')}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map((row) => {
            const days = daysBetween(today, row.dueOn);
            return (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">
                  <time dateTime={row.dueOn}>{formatDate(locale, row.dueOn)}</time>
                  {resolveText(row.dueLabel, locale).text && (
                    <span class="ks-muted">
                      {' '}
                      (<Text value={row.dueLabel} locale={locale} />)
                    </span>
                  )}
                  <br />
                  {/* A finished programme is an archive: what stayed open is not overdue any more. */}
                  {ctx.programmeStage === 'finished' ? (
                    <span class="ks-muted">{t('monitoring.deadlines.openAtEnd')}</span>
                  ) : (
                    <span class={days < 0 ? 'ks-overdue' : 'ks-muted'}>{days < 0 ? t('monitoring.deadlines.daysOverdue', { days: -days }) : t('monitoring.deadlines.daysLeft', { days })}</span>
                  )}
                </td>
                <td class="utrecht-table__cell">
                  <Link ctx={ctx} to={programmePath(ctx, `/projects/${row.projectCode}`)}>
                    {row.projectCode}
                  </Link>
                </td>
                <td class="utrecht-table__cell">
                  <Text value={row.description} locale={locale} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function groupBy<T>(rows: T[], key: (row: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return [...groups.entries()];
}

export function DeadlinesPage({ ctx, rows, today, soonDays }: { ctx: PageContext; rows: DeadlineRow[]; today: string; soonDays: number }) {
  const { t, locale } = ctx;
  const overdue = rows.filter((r) => r.dueOn < today).length;
  const noOwner = t('monitoring.deadlines.noOwner');
  const byOrganisation = groupBy(rows, (r) => (r.organisationName ? resolveText(r.organisationName, locale).text : noOwner));
  const byPerson = groupBy(
    rows.filter((r) => r.personName),
    (r) => r.personName!,
  );
  return (
    <Layout ctx={ctx} title={t('monitoring.deadlines.title')} indexable={false} crumbs={[{ label: t('monitoring.deadlines.title') }]}>
      <Heading level={1}>{t('monitoring.deadlines.title')}</Heading>
      <p class="utrecht-paragraph">{t('monitoring.deadlines.intro', { days: soonDays })}</p>
      {ctx.programmeStage === 'finished' ? (
        <p class="utrecht-paragraph">{t('monitoring.deadlines.archive', { count: rows.length })}</p>
      ) : (
        <p class="utrecht-paragraph">
          <strong>{t('monitoring.deadlines.overdue', { count: overdue })}</strong> · {t('monitoring.deadlines.dueSoon', { count: rows.length - overdue })}
        </p>
      )}
      {rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('monitoring.deadlines.none')}</p>
      ) : (
        <>
          <Heading level={2}>{t('monitoring.deadlines.byOrganisation')}</Heading>
          {byOrganisation.map(([name, group]) => (
            <section aria-label={name}>
              <Heading level={3}>{name}</Heading>
              <DeadlineTable ctx={ctx} rows={group} today={today} caption={`${t('monitoring.deadlines.title')}: ${name}`} />
            </section>
          ))}
          <Heading level={2}>{t('monitoring.deadlines.byPerson')}</Heading>
          {byPerson.length === 0 ? (
            <p class="utrecht-paragraph">{noOwner}</p>
          ) : (
            byPerson.map(([name, group]) => (
              <section aria-label={name}>
                <Heading level={3}>{name}</Heading>
                <DeadlineTable ctx={ctx} rows={group} today={today} caption={`${t('monitoring.deadlines.title')}: ${name}`} />
              </section>
            ))
          )}
        </>
      )}
    </Layout>
  );
}

type OutboxRow = { id: number; toAddress: string; subject: string; body: string; delivery: string; createdAt: Date; kind: string };

export function OutboxPage({ ctx, mails }: { ctx: PageContext; mails: OutboxRow[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('monitoring.outbox.title')} indexable={false} crumbs={[{ label: t('monitoring.outbox.title') }]}>
      <Heading level={1}>{t('monitoring.outbox.title')}</Heading>
      <p class="utrecht-paragraph">{t('monitoring.outbox.intro')}</p>
      {mails.length === 0 ? (
        <p class="utrecht-paragraph">{t('monitoring.outbox.none')}</p>
      ) : (
        mails.map((mail) => (
          <details class="ks-mail">
            <summary>
              {formatDateTime(locale, mail.createdAt)} — {mail.toAddress} — {mail.subject} ({mail.delivery})
            </summary>
            <pre class="ks-mail-body">{mail.body}</pre>
          </details>
        ))
      )}
    </Layout>
  );
}
