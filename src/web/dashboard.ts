// The coordinator's dashboard is assembled from panels that each capability registers (cadence
// warnings, fund summary, deadlines...). A panel loads its own data with a fixed number of queries.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Db } from '../db/client.ts';
import type { PageContext } from './context.ts';

export interface DashboardPanel {
  key: string;
  order: number;
  render(input: { db: Db; ctx: PageContext; request: FastifyRequest; programmeId: string }): Promise<VNode | null>;
}

const panels: DashboardPanel[] = [];

export function registerDashboardPanel(panel: DashboardPanel): void {
  if (panels.some((existing) => existing.key === panel.key)) return;
  panels.push(panel);
  panels.sort((a, b) => a.order - b.order);
}

export function dashboardPanels(): readonly DashboardPanel[] {
  return panels;
}
