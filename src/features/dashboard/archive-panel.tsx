// What a finished programme leaves behind, on its public home and the coordinator's dashboard:
// the final figure of each target, the last annual agenda and the executive body's evaluation of
// the last year. Shown only when the programme is an archive (src/domain/lifecycle.ts).
import { today } from '../../clock.ts';
import { Heading, Link, Text } from '../../web/components.tsx';
import { registerDashboardPanel, registerHomePanel, type Panel } from '../../web/dashboard.ts';
import { formatDate, registerMessages } from '../../web/i18n.ts';
import { can } from '../../policies.ts';
import { listAgendas } from '../agenda/queries.ts';
import { bodyRef, getBody } from '../meetings/queries.ts';
import { listTargetsWithTrend } from '../monitoring/queries.ts';
import { formatNumber } from '../monitoring/views.tsx';

registerMessages({
  nl: {
    'archive.results.heading': 'Wat het programma heeft opgeleverd',
    'archive.results.targets': 'Eindstand per doel',
    'archive.results.target': 'Doel',
    'archive.results.goal': 'Beoogd',
    'archive.results.final': 'Laatste meting',
    'archive.results.noMeasurement': 'Geen meting',
    'archive.results.noTargets': 'Dit programma had geen doelen met meetwaarden.',
    'archive.results.measuredOn': 'op {date}',
    'archive.results.lastAgenda': 'Laatste jaaragenda: {span}',
    'archive.results.noAgenda': 'Er is geen gepubliceerde jaaragenda.',
    'archive.results.evaluation': 'Evaluatie {year} van de stuurgroep (pdf)',
    'archive.results.allTargets': 'Alle doelen en metingen',
  },
  en: {
    'archive.results.heading': 'What the programme achieved',
    'archive.results.targets': 'Final figures per target',
    'archive.results.target': 'Target',
    'archive.results.goal': 'Aimed for',
    'archive.results.final': 'Last measurement',
    'archive.results.noMeasurement': 'No measurement',
    'archive.results.noTargets': 'This programme had no targets with measurements.',
    'archive.results.measuredOn': 'on {date}',
    'archive.results.lastAgenda': 'Last annual agenda: {span}',
    'archive.results.noAgenda': 'There is no published annual agenda.',
    'archive.results.evaluation': 'Evaluation {year} by the executive body (PDF)',
    'archive.results.allTargets': 'All targets and measurements',
  },
});

async function renderArchive({ db, ctx, request, programmeId }: Parameters<Panel['render']>[0]) {
  const { t, locale } = ctx;
  const slug = ctx.programme!.slug;
  const lastYear = Number(ctx.programme!.term.endOn.slice(0, 4));
  const [items, agendas, executive] = await Promise.all([listTargetsWithTrend(db, programmeId, today()), listAgendas(db, programmeId, false), getBody(db, programmeId, 'executive')]);
  const evaluation = executive && can(request.actor, 'evaluation.view', await bodyRef(db, executive));
  const agenda = agendas[0];
  return (
    <section class="ks-panel" aria-labelledby="archive-results" id="archive">
      <Heading level={2} id="archive-results">
        {t('archive.results.heading')}
      </Heading>
      <Heading level={3}>{t('archive.results.targets')}</Heading>
      {items.length === 0 ? (
        <p class="utrecht-paragraph">{t('archive.results.noTargets')}</p>
      ) : (
        <div class="ks-table-wrap">
          <table class="utrecht-table ks-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('archive.results.target')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('archive.results.goal')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('archive.results.final')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {items.map(({ target, measurements }) => {
                const last = measurements.at(-1);
                return (
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row">
                      <Link ctx={ctx} to={`/${slug}/targets/${target.key}`}>
                        <Text value={target.title} locale={locale} />
                      </Link>
                    </th>
                    <td class="utrecht-table__cell">
                      {target.targetValue === null ? '—' : formatNumber(locale, target.targetValue)} <Text value={target.unit} locale={locale} />
                    </td>
                    <td class="utrecht-table__cell">
                      {last ? (
                        <>
                          {formatNumber(locale, last.value)} <span class="ks-muted">{t('archive.results.measuredOn', { date: formatDate(locale, last.measuredOn) })}</span>
                        </>
                      ) : (
                        t('archive.results.noMeasurement')
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <Link ctx={ctx} to={`/${slug}/targets`}>
            {t('archive.results.allTargets')}
          </Link>
        </li>
        <li class="utrecht-unordered-list__item">
          {agenda ? (
            <Link ctx={ctx} to={`/${slug}/annual-agendas/${agenda.id}`}>
              {t('archive.results.lastAgenda', { span: agenda.startYear === agenda.endYear ? String(agenda.startYear) : `${agenda.startYear}–${agenda.endYear}` })}
            </Link>
          ) : (
            t('archive.results.noAgenda')
          )}
        </li>
        {evaluation && (
          <li class="utrecht-unordered-list__item">
            <Link ctx={ctx} to={`/${slug}/bodies/executive/evaluations/${lastYear}/report.pdf`}>
              {t('archive.results.evaluation', { year: lastYear })}
            </Link>
          </li>
        )}
      </ul>
    </section>
  );
}

export function registerArchivePanels(): void {
  // Published agendas and targets are public; the evaluation link shows only to whoever may read
  // the evaluation, so the dashboard renders this panel per person.
  registerHomePanel({ key: 'archive.results', order: 5, shows: 'archive', render: renderArchive });
  registerDashboardPanel({ key: 'archive.results', order: 5, shows: 'archive', perUser: true, render: renderArchive });
}
