// What the successor page shows before anything is copied: the projects that may carry on (with
// their partners and open actions) and how many parties, themes, criteria and bodies come along.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actions, agreementParties, bodies, criteria, projectPartners, projects, themes, type Lifecycle } from '../../db/schema.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { isOpenAction, mayCarryProject } from '../../domain/successor.ts';
import { ACTION_STATES } from '../../db/schema.ts';
import { agreementRepresentatives } from '../agreement/tables.ts';

export interface CarryCandidate {
  id: string;
  code: string;
  title: LocalizedText;
  lifecycle: Lifecycle;
  partners: number;
  openActions: number;
  carriable: boolean;
}

/** Every project of the programme, in its order, with what would come along and whether it may. */
export async function carryCandidates(db: Db, programmeId: string): Promise<CarryCandidate[]> {
  const rows = await db
    .select({ id: projects.id, code: projects.code, title: projects.title, lifecycle: projects.lifecycle })
    .from(projects)
    .where(eq(projects.programmeId, programmeId))
    .orderBy(asc(projects.position), asc(projects.code));
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [partnerCounts, actionCounts] = await Promise.all([
    db.select({ projectId: projectPartners.projectId, n: count() }).from(projectPartners).where(inArray(projectPartners.projectId, ids)).groupBy(projectPartners.projectId),
    db
      .select({ projectId: actions.projectId, n: count() })
      .from(actions)
      .where(and(inArray(actions.projectId, ids), inArray(actions.state, ACTION_STATES.filter(isOpenAction))))
      .groupBy(actions.projectId),
  ]);
  const partners = new Map(partnerCounts.map((row) => [row.projectId, Number(row.n)]));
  const open = new Map(actionCounts.map((row) => [row.projectId, Number(row.n)]));
  return rows.map((row) => ({ ...row, partners: partners.get(row.id) ?? 0, openActions: open.get(row.id) ?? 0, carriable: mayCarryProject(row.lifecycle) }));
}

export interface CarriedWhole {
  parties: number;
  representatives: number;
  themes: number;
  criteria: number;
  bodies: number;
}

/** How many of the programme-wide records a successor takes over. */
export async function carriedWhole(db: Db, programmeId: string): Promise<CarriedWhole> {
  const counted = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);
  const [parties, representatives, themeCount, criteriaCount, bodyCount] = await Promise.all([
    counted(db.select({ n: count() }).from(agreementParties).where(eq(agreementParties.programmeId, programmeId))),
    counted(db.select({ n: count() }).from(agreementRepresentatives).where(eq(agreementRepresentatives.programmeId, programmeId))),
    counted(db.select({ n: count() }).from(themes).where(eq(themes.programmeId, programmeId))),
    counted(db.select({ n: count() }).from(criteria).where(eq(criteria.programmeId, programmeId))),
    counted(db.select({ n: count() }).from(bodies).where(eq(bodies.programmeId, programmeId))),
  ]);
  return { parties, representatives, themes: themeCount, criteria: criteriaCount, bodies: bodyCount };
}
