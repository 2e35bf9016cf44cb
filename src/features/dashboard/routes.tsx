import { today } from '../../clock.ts';
import type { FastifyInstance } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { Heading } from '../../web/components.tsx';
import { dashboardPanels, panelShowsIn } from '../../web/dashboard.ts';
import { sendHtml } from '../../web/http.ts';
import { registerMessages } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import { registerNavItem } from '../../web/navigation.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { PanelCache } from './panel-cache.ts';
import { registerArchivePanels } from './archive-panel.tsx';

registerMessages({
  nl: { 'nav.dashboard': 'Dashboard', 'dashboard.title': 'Dashboard coördinator', 'dashboard.empty': 'Er is nu niets dat uw aandacht vraagt.' },
  en: { 'nav.dashboard': 'Dashboard', 'dashboard.title': 'Coordinator dashboard', 'dashboard.empty': 'Nothing needs your attention right now.' },
});

export function registerDashboardRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'nav.dashboard', path: '/dashboard', order: 90, group: 'management' });
  registerArchivePanels();
  const cache = new PanelCache();
  app.decorate('dashboardPanelCache', cache);
  for (const { url } of localizedPaths('/:programme/dashboard')) {
    app.get<{ Params: { programme: string } }>(url, { config: { action: 'dashboard.view' } }, async (request, reply) => {
      const ctx = pageContext(request, config);
      const programmeId = request.programme!.id;
      const day = today();
      // Taken before any panel loads: a change committed meanwhile makes these entries stale.
      const generation = app.hasDecorator('pageCache') ? app.pageCache.invalidations : undefined;
      const parts = await Promise.all(
        // A finished programme's dashboard shows its results, not overdue work or the term's end.
        dashboardPanels().filter((panel) => panelShowsIn(panel, ctx.programmeStage)).map(async (panel) => {
          // The programme's day is part of the key: a panel that depends on the date is fresh on a new day.
          const key = `${programmeId}|${ctx.locale}|${day}|${panel.key}`;
          const shared = generation !== undefined && !panel.perUser;
          const cached = shared ? cache.get(key, generation) : undefined;
          if (cached !== undefined) return cached;
          const node = await panel.render({ db, ctx, request, programmeId });
          const html = node === null ? '' : renderToString(node);
          // A form carries the visitor's CSRF token: never shared (the page cache's rule too).
          if (shared && !html.includes('name="_csrf"')) cache.set(key, generation, html);
          return html;
        }),
      );
      const html = parts.join('');
      const page = (
        <Layout ctx={ctx} title={ctx.t('dashboard.title')} indexable={false} crumbs={[{ label: ctx.t('dashboard.title') }]}>
          <Heading level={1}>{ctx.t('dashboard.title')}</Heading>
          {html === '' ? <p class="utrecht-paragraph">{ctx.t('dashboard.empty')}</p> : <div class="ks-dashboard" dangerouslySetInnerHTML={{ __html: html }} />}
        </Layout>
      );
      return sendHtml(reply, renderPage(page));
    });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    dashboardPanelCache: PanelCache;
  }
}
