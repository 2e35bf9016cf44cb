// The filterable project list and its export. Filtering runs on the page's rows (a programme has
// tens of projects, not thousands); the facts per project come from two queries, one grouped.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actions, organisations, projectPartners } from '../../db/schema.ts';
import type { ProjectSummary } from './queries.ts';

export interface ListFilters {
  theme: string;
  status: string;
  lifecycle: string;
  lead: string;
  partner: string;
  overdue: boolean;
}

export function readFilters(query: Record<string, unknown>): ListFilters {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim().slice(0, 100) : '');
  return { theme: text('theme'), status: text('status'), lifecycle: text('lifecycle'), lead: text('lead'), partner: text('partner'), overdue: text('overdue') === '1' };
}

export function filterQueryString(filters: ListFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === true) params.set(key, '1');
    else if (typeof value === 'string' && value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export interface ProjectFacts {
  partners: { slug: string; name: Record<string, string | undefined>; role: string }[];
  openActions: number;
  overdueActions: number;
}

export async function loadProjectFacts(db: Db, programmeId: string, projectIds: string[], today: string): Promise<Map<string, ProjectFacts>> {
  const facts = new Map<string, ProjectFacts>(projectIds.map((id) => [id, { partners: [], openActions: 0, overdueActions: 0 }]));
  if (projectIds.length === 0) return facts;
  const [partners, due] = await Promise.all([
    db
      .select({ projectId: projectPartners.projectId, slug: organisations.slug, name: organisations.name, role: projectPartners.role })
      .from(projectPartners)
      // Naming the programme lets the join read its organisations by index instead of every city's.
      .innerJoin(organisations, and(eq(organisations.id, projectPartners.organisationId), eq(organisations.programmeId, programmeId)))
      .where(inArray(projectPartners.projectId, projectIds))
      .orderBy(projectPartners.position),
    // Counted per project in the database, not sent action by action: the page needs two numbers.
    // Overdue: due before today and still open or in progress (neither done nor cancelled).
    db
      .select({ projectId: actions.projectId, open: count(), overdue: sql<number>`count(*) filter (where ${actions.dueOn} < ${today})`.mapWith(Number) })
      .from(actions)
      .where(and(inArray(actions.projectId, projectIds), inArray(actions.state, ['open', 'in_progress'])))
      .groupBy(actions.projectId),
  ]);
  for (const p of partners) facts.get(p.projectId)!.partners.push({ slug: p.slug, name: p.name, role: p.role });
  for (const row of due) {
    const entry = facts.get(row.projectId)!;
    entry.openActions = row.open;
    entry.overdueActions = row.overdue;
  }
  return facts;
}

export function applyFilters(projects: ProjectSummary[], facts: Map<string, ProjectFacts>, filters: ListFilters, themeIdByCode: Map<string, string>): ProjectSummary[] {
  const status = filters.status.toLowerCase();
  return projects.filter((p) => {
    const f = facts.get(p.id)!;
    if (filters.theme && p.themeId !== themeIdByCode.get(filters.theme)) return false;
    if (filters.lifecycle && p.lifecycle !== filters.lifecycle) return false;
    if (status && ![p.status.nl, p.status.en].some((s) => s?.toLowerCase().includes(status))) return false;
    if (filters.lead && p.leadSlug !== filters.lead) return false;
    if (filters.partner && !f.partners.some((x) => x.slug === filters.partner)) return false;
    if (filters.overdue && f.overdueActions === 0) return false;
    return true;
  });
}
