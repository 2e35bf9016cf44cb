import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { Heading } from '../../web/components.tsx';
import { dashboardPanels } from '../../web/dashboard.ts';
import { sendHtml } from '../../web/http.ts';
import { registerMessages } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import { registerNavItem } from '../../web/navigation.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';

registerMessages({
  nl: { 'nav.dashboard': 'Dashboard', 'dashboard.title': 'Dashboard coördinator', 'dashboard.empty': 'Er is nu niets dat uw aandacht vraagt.' },
  en: { 'nav.dashboard': 'Dashboard', 'dashboard.title': 'Coordinator dashboard', 'dashboard.empty': 'Nothing needs your attention right now.' },
});

export function registerDashboardRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'nav.dashboard', path: '/dashboard', order: 90, manageOnly: true });
  for (const { url } of localizedPaths('/:programme/dashboard')) {
    app.get<{ Params: { programme: string } }>(url, { config: { access: 'manage' } }, async (request, reply) => {
      const ctx = pageContext(request, config);
      const programmeId = request.programme!.id;
      const rendered = await Promise.all(dashboardPanels().map((panel) => panel.render({ db, ctx, request, programmeId })));
      const visible = rendered.filter((node) => node !== null);
      const page = (
        <Layout ctx={ctx} title={ctx.t('dashboard.title')} indexable={false} crumbs={[{ label: ctx.t('dashboard.title') }]}>
          <Heading level={1}>{ctx.t('dashboard.title')}</Heading>
          {visible.length === 0 ? <p class="utrecht-paragraph">{ctx.t('dashboard.empty')}</p> : visible}
        </Layout>
      );
      return sendHtml(reply, renderPage(page));
    });
  }
}
