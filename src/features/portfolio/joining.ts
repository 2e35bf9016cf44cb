// Joining partners and cross-overs. An organisation joins a project only after the steering group
// was consulted; the consultation is recorded even when it objects, and then nobody is added.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { projectPartners, type PartnerRole } from '../../db/schema.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize } from '../../policies.ts';
import type { ProjectRef } from './policy.ts';
import { crossOvers, partnerConsultations } from './tables.ts';

export interface JoinInput {
  organisationId: string;
  role: Exclude<PartnerRole, 'lead'>;
  consultedOn: string;
  outcome: 'agreed' | 'objection';
  note: LocalizedText;
}

export async function joinProject(db: Db, input: { actor: Actor; project: ProjectRef; values: JoinInput }): Promise<'added' | 'objection' | 'already-partner'> {
  authorize(input.actor, 'partner.join', input.project);
  const { programmeId, id: projectId } = input.project;
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: projectPartners.id })
      .from(projectPartners)
      .where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.organisationId, input.values.organisationId)));
    if (existing.length > 0) return 'already-partner' as const;
    const { organisationId, consultedOn, outcome, note, role } = input.values;
    const [consultation] = await tx
      .insert(partnerConsultations)
      .values({ programmeId, projectId, organisationId, consultedOn, outcome, note, recordedBy: input.actor.userId, recordedByLabel: input.actor.displayName })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId, action: 'consultation.record', objectType: 'project', objectId: projectId, after: consultation });
    if (outcome === 'objection') return 'objection' as const;
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${projectPartners.position}), 0) + 1`.mapWith(Number) })
      .from(projectPartners)
      .where(eq(projectPartners.projectId, projectId))) as [{ next: number }];
    await tx.insert(projectPartners).values({ programmeId, projectId, organisationId, role, position: next, declaredInterest: role === 'partner' });
    await recordAudit(tx, { actor: input.actor, programmeId, action: 'partner.add', objectType: 'project', objectId: projectId, after: { organisationId, role, consultationId: consultation!.id } });
    return 'added' as const;
  });
}

export async function linkProjects(db: Db, input: { actor: Actor; a: ProjectRef; b: ProjectRef; reason: LocalizedText }): Promise<'linked' | 'exists'> {
  authorize(input.actor, 'crossOver.manage', [input.a, input.b]);
  const [first, second] = input.a.id < input.b.id ? [input.a, input.b] : [input.b, input.a];
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(crossOvers)
      .values({ programmeId: first.programmeId, projectAId: first.id, projectBId: second.id, reason: input.reason })
      .onConflictDoNothing()
      .returning();
    if (rows.length === 0) return 'exists' as const;
    for (const project of [first, second]) {
      const other = project === first ? second : first;
      await recordAudit(tx, { actor: input.actor, programmeId: first.programmeId, action: 'crossover.create', objectType: 'project', objectId: project.id, after: { crossOverId: rows[0]!.id, otherProjectId: other.id, reason: input.reason } });
    }
    return 'linked' as const;
  });
}
