// The knowledge fund: its navigation item and dashboard panel, and its pages by sub-capability:
// the funds and contributions (fund-routes.tsx), applications and awards (application-routes.tsx)
// and the reports (report-routes.tsx).
import type { FastifyInstance } from 'fastify';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { formatCents } from '../../domain/money.ts';
import { Heading, Link } from '../../web/components.tsx';
import { registerDashboardPanel } from '../../web/dashboard.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { registerApplicationRoutes } from './application-routes.tsx';
import { registerFundPages } from './fund-routes.tsx';
import './messages.ts';
import * as q from './queries.ts';
import { registerReportRoutes } from './report-routes.tsx';
import { fundApplications } from './tables.ts';

export function registerFundRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'nav.fund', path: '/fund', order: 50, group: 'programme' });
  registerNavItem({ label: 'nav.fundReports', path: '/fund/reports', order: 51, group: 'steeringGroup' });
  registerDashboardPanel({
    key: 'fund',
    order: 40,
    render: async ({ db: panelDb, ctx, programmeId }) => {
      const all = await q.listFunds(panelDb, programmeId);
      const total = all.reduce(
        (acc, f) => ({ contributed: acc.contributed + f.balance.contributed.cents, committed: acc.committed + f.balance.committed.cents, paid: acc.paid + f.balance.paid.cents }),
        { contributed: 0, committed: 0, paid: 0 },
      );
      const [waiting] = await panelDb
        .select({ n: sql<number>`count(*)::int` })
        .from(fundApplications)
        .where(and(eq(fundApplications.programmeId, programmeId), inArray(fundApplications.status, ['submitted', 'advised'])));
      const money = (c: number) => formatCents(ctx.locale, c);
      return (
        <section aria-labelledby="panel-fund" class="ks-panel">
          <Heading level={2} id="panel-fund">
            <Link ctx={ctx} to={`/${ctx.programme!.slug}/fund`}>{ctx.t('fund.dashboard')}</Link>
          </Heading>
          <p class="utrecht-paragraph">
            {ctx.t('fund.dashboardSummary', { contributed: money(total.contributed), committed: money(total.committed), paid: money(total.paid), available: money(total.contributed - total.committed) })}
          </p>
          <p class="utrecht-paragraph">
            <Link ctx={ctx} to={`/${ctx.programme!.slug}/fund/applications`}>{ctx.t('fund.dashboardOpen', { count: waiting?.n ?? 0 })}</Link>
          </p>
        </section>
      );
    },
  });

  registerFundPages(app, db, config);
  registerApplicationRoutes(app, db, config);
  registerReportRoutes(app, db, config);
}
