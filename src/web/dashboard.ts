// Pages assembled from panels that capabilities register: the coordinator's dashboard (cadence
// warnings, fund summary, deadlines...) and the programme's public home (latest news, upcoming
// events...). A panel loads its own data with a fixed number of queries.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Db } from '../db/client.ts';
import type { PageContext } from './context.ts';
import type { ProgrammeStage } from '../domain/lifecycle.ts';

export interface Panel {
  key: string;
  order: number;
  /**
   * The dashboard keeps each panel's HTML per programme and language until the next change (see
   * src/features/dashboard/panel-cache.ts). Set this when the panel's content depends on who looks
   * (the actor's own projects, rights beyond the dashboard's `manage`): it is rendered every time.
   */
  perUser?: boolean;
  /**
   * 'live': about work still to do (overdue items, meeting cadence, the term's end), so not shown
   * once the programme has finished; 'archive': only for a finished programme (its final figures).
   * Without it the panel shows in every stage.
   */
  shows?: 'live' | 'archive';
  render(input: { db: Db; ctx: PageContext; request: FastifyRequest; programmeId: string }): Promise<VNode | null>;
}

function panelRegistry() {
  const panels: Panel[] = [];
  return {
    register(panel: Panel): void {
      if (panels.some((existing) => existing.key === panel.key)) return;
      panels.push(panel);
      panels.sort((a, b) => a.order - b.order);
    },
    list(): readonly Panel[] {
      return panels;
    },
  };
}

/** Whether a panel belongs on a page of a programme in `stage` (undefined: not a programme page). */
export function panelShowsIn(panel: Pick<Panel, 'shows'>, stage: ProgrammeStage | undefined): boolean {
  if (panel.shows === 'live') return stage !== 'finished';
  if (panel.shows === 'archive') return stage === 'finished';
  return true;
}

const dashboard = panelRegistry();
const home = panelRegistry();

export const registerDashboardPanel = dashboard.register;
export const dashboardPanels = dashboard.list;
/** Panels below the themes on the programme's public home page. */
export const registerHomePanel = home.register;
export const homePanels = home.list;
