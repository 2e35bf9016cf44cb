// The filterable project list and its export. Filtering runs on the page's rows (a programme has
// tens of projects, not thousands); the facts per project come from two grouped queries.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actions, organisations, projectPartners } from '../../db/schema.ts';
import { isOverdue } from '../../domain/periods.ts';
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

export async function loadProjectFacts(db: Db, projectIds: string[], today: string): Promise<Map<string, ProjectFacts>> {
  const facts = new Map<string, ProjectFacts>(projectIds.map((id) => [id, { partners: [], openActions: 0, overdueActions: 0 }]));
  if (projectIds.length === 0) return facts;
  const [partners, due] = await Promise.all([
    db
      .select({ projectId: projectPartners.projectId, slug: organisations.slug, name: organisations.name, role: projectPartners.role })
      .from(projectPartners)
      .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
      .where(inArray(projectPartners.projectId, projectIds))
      .orderBy(projectPartners.position),
    db
      .select({ projectId: actions.projectId, dueOn: actions.dueOn, state: actions.state })
      .from(actions)
      .where(and(inArray(actions.projectId, projectIds), inArray(actions.state, ['open', 'in_progress']))),
  ]);
  for (const p of partners) facts.get(p.projectId)!.partners.push({ slug: p.slug, name: p.name, role: p.role });
  for (const a of due) {
    const entry = facts.get(a.projectId)!;
    entry.openActions++;
    if (isOverdue(a, today)) entry.overdueActions++;
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
