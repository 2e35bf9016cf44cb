// The coordinator's dashboard: how often the steering levels meet against the agreement's words
// (src/domain/cadence.ts), and the years of the term without an adopted annual agenda (read from
// the agenda capability's table; its adoption rules stay there).
import { and, eq, inArray } from 'drizzle-orm';
import { now } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { programmes } from '../../db/schema.ts';
import { amsterdamYear, averageCadence, cadenceRuleOf, rangeCadence, yearsWithoutAdoptedAgenda } from '../../domain/cadence.ts';
import { resolveText } from '../../domain/localized.ts';
import { Alert, Heading } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { registerDashboardPanel } from '../../web/dashboard.ts';
import { formatDate } from '../../web/i18n.ts';
import { annualAgendas } from '../agenda/tables.ts';
import * as q from './queries.ts';
import { meetings } from './tables.ts';

const decimal = (ctx: PageContext, value: number | null) => (value === null ? '—' : new Intl.NumberFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(value));

export function registerCadencePanel(): void {
  registerDashboardPanel({
    key: 'meetings.cadence',
    shows: 'live',
    order: 20,
    async render({ db, ctx, programmeId }) {
      const [programme] = await db.select({ start: programmes.periodStart, end: programmes.periodEnd }).from(programmes).where(eq(programmes.id, programmeId));
      if (!programme) return null;
      const clock = now();
      const bodies = (await q.listBodies(db, programmeId)).flatMap((body) => {
        const rule = cadenceRuleOf(body);
        return rule ? [{ body, rule }] : [];
      });
      const [meetingRows, agendas] = await Promise.all([
        bodies.length > 0
          ? db.select({ bodyId: meetings.bodyId, startsAt: meetings.startsAt, state: meetings.state }).from(meetings).where(and(eq(meetings.programmeId, programmeId), inArray(meetings.bodyId, bodies.map((b) => b.body.id))))
          : Promise.resolve([]),
        db.select({ startYear: annualAgendas.startYear, endYear: annualAgendas.endYear, state: annualAgendas.state }).from(annualAgendas).where(eq(annualAgendas.programmeId, programmeId)),
      ]);
      const term = { termStart: programme.start, termEnd: programme.end, now: clock };
      const year = amsterdamYear(clock);
      const missing = yearsWithoutAdoptedAgenda({ ...term, agendas });
      return (
        <section aria-labelledby="panel-cadence" class="ks-panel">
          <Heading level={2} id="panel-cadence">
            {ctx.t('meetings.cadence.heading')}
          </Heading>
          <p class="utrecht-paragraph">{ctx.t('meetings.cadence.term', { start: formatDate(ctx.locale, programme.start), end: formatDate(ctx.locale, programme.end) })}</p>
          {bodies.map(({ body, rule }) => {
            const name = resolveText(body.name, ctx.locale).text;
            const list = meetingRows.filter((m) => m.bodyId === body.id);
            if (rule.kind === 'average') {
              const result = averageCadence({ perYear: rule.perYear, ...term, meetings: list });
              const values = {
                body: name,
                perYear: rule.perYear,
                years: decimal(ctx, result.years),
                held: result.held,
                planned: result.planned,
                average: decimal(ctx, result.average),
                forecast: decimal(ctx, result.forecast),
              };
              const text = `${ctx.t(`meetings.cadence.average.${result.status}`, values)} ${ctx.t('meetings.cadence.average.quote')}`;
              return result.status === 'short' ? <Alert kind="warning">{text}</Alert> : <p class="utrecht-paragraph">{text}</p>;
            }
            const result = rangeCadence({ year, min: rule.min, max: rule.max, ...term, meetings: list });
            const values = { body: name, year, total: result.total, held: result.held, planned: result.planned, min: result.min ?? 0, max: result.max ?? 0, part: result.share < 1 ? 'yes' : 'no' };
            const text = `${ctx.t(`meetings.cadence.range.${result.status}`, values)} ${ctx.t('meetings.cadence.range.quote')}`;
            return result.status === 'short' || result.status === 'over' ? <Alert kind="warning">{text}</Alert> : <p class="utrecht-paragraph">{text}</p>;
          })}
          {missing.length > 0 ? (
            <Alert kind="warning">
              <p class="utrecht-paragraph">
                {ctx.t('meetings.cadence.agendaMissing', { years: missing.join(', '), count: missing.length })}{' '}
                <a class="utrecht-link" href={`/${ctx.locale}/${ctx.programme!.slug}/annual-agendas`}>
                  {ctx.t('meetings.cadence.agendaLink')}
                </a>
              </p>
            </Alert>
          ) : (
            <p class="utrecht-paragraph">{ctx.t('meetings.cadence.agendaComplete')}</p>
          )}
        </section>
      );
    },
  });
}
