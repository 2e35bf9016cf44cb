// Joining partners and cross-overs. "Elke projecttrekker kan in overleg met de stuurgroep besluiten
// dat andere dan bovengenoemde partijen toetreden tot projecten als projectpartner": the lead
// decides. For an organisation that is not a party (nor one of a party's units) the steering group's
// advice is recorded first — which level gave it, and whether it agreed or objected — and shown with
// the partner; an objection does not block the lead's decision. A partner's request to join is
// accepted through the same command (./join-requests.ts), so there is one way in.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { done, FORM_ERROR, refusedField, type Outcome } from '../../domain/outcome.ts';
import { projectPartners, type PartnerRole } from '../../db/schema.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize } from '../../policies.ts';
import type { ProjectRef } from './policy.ts';
import { crossOvers, joinRequests, partnerConsultations, type AdviceLevel } from './tables.ts';
import type { PartyOf } from '../../domain/criteria.ts';
import { now } from '../../clock.ts';

/** The steering group's advice on a joining organisation. */
export interface JoinAdvice {
  consultedOn: string;
  level: AdviceLevel;
  outcome: 'agreed' | 'objection';
  note: LocalizedText;
}

export interface JoinInput {
  organisationId: string;
  role: Exclude<PartnerRole, 'lead'>;
  /** Required for an organisation that is not a party; optional for a party. */
  advice: JoinAdvice | null;
}

/**
 * The lead's decision to let an organisation join, with the steering group's advice when there is
 * one: done with `objection` true when the advice was an objection (the organisation joins all the
 * same). Refused, nothing written, for an organisation that is already a partner and for a
 * non-party without recorded advice.
 */
export async function joinProject(
  db: Db,
  input: { actor: Actor; project: ProjectRef; values: JoinInput; partyOf: PartyOf; fromRequest?: AcceptedRequest },
): Promise<Outcome<{ objection: boolean; answeredRequestId: string | null }>> {
  authorize(input.actor, 'partner.join', input.project);
  const { programmeId, id: projectId } = input.project;
  const { organisationId, role, advice } = input.values;
  if (!advice && input.partyOf(organisationId) === null) return refusedField('consultedOn', 'pf.join.adviceRequired');
  return writeTransaction(db, async (tx): Promise<Outcome<{ objection: boolean; answeredRequestId: string | null }>> => {
    // Accepting a request: the request is still open at the version the lead was shown, for this
    // organisation; it is marked accepted in the same transaction as the partner is added.
    if (input.fromRequest) {
      const [request] = await tx.select().from(joinRequests).where(and(eq(joinRequests.id, input.fromRequest.id), eq(joinRequests.projectId, projectId))).for('update');
      if (!request || request.organisationId !== organisationId) return refusedField(FORM_ERROR, 'form.error.choice');
      if (request.status !== 'requested' || request.version !== input.fromRequest.expectedVersion) return refusedField(FORM_ERROR, 'pf.joinRequest.stale');
      await tx
        .update(joinRequests)
        .set({ status: 'accepted', decidedBy: input.actor.userId, decidedByLabel: input.actor.displayName, decidedAt: now(), reason: input.fromRequest.note, updatedAt: new Date(), version: request.version + 1 })
        .where(eq(joinRequests.id, request.id));
      await recordAudit(tx, { actor: input.actor, programmeId, action: 'joinRequest.accept', objectType: 'project', objectId: projectId, before: { joinRequestId: request.id, status: request.status }, after: { joinRequestId: request.id, status: 'accepted', role } });
    }
    const existing = await tx
      .select({ id: projectPartners.id })
      .from(projectPartners)
      .where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.organisationId, input.values.organisationId)));
    if (existing.length > 0) return refusedField('organisationId', 'pf.join.alreadyPartner');
    let consultationId: string | null = null;
    if (advice) {
      const [consultation] = await tx
        .insert(partnerConsultations)
        .values({ programmeId, projectId, organisationId, ...advice, recordedBy: input.actor.userId, recordedByLabel: input.actor.displayName })
        .returning();
      consultationId = consultation!.id;
      await recordAudit(tx, { actor: input.actor, programmeId, action: 'consultation.record', objectType: 'project', objectId: projectId, after: consultation });
    }
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${projectPartners.position}), 0) + 1`.mapWith(Number) })
      .from(projectPartners)
      .where(eq(projectPartners.projectId, projectId))) as [{ next: number }];
    await tx.insert(projectPartners).values({ programmeId, projectId, organisationId, role, position: next, declaredInterest: role === 'partner' });
    // Added straight from the partner form while the organisation had asked to join: its request is answered by this.
    let answeredRequestId: string | null = input.fromRequest?.id ?? null;
    if (!input.fromRequest) {
      const [open] = await tx
        .update(joinRequests)
        .set({ status: 'accepted', decidedBy: input.actor.userId, decidedByLabel: input.actor.displayName, decidedAt: now(), updatedAt: new Date(), version: sql`${joinRequests.version} + 1` })
        .where(and(eq(joinRequests.projectId, projectId), eq(joinRequests.organisationId, organisationId), eq(joinRequests.status, 'requested')))
        .returning({ id: joinRequests.id });
      if (open) {
        answeredRequestId = open.id;
        await recordAudit(tx, { actor: input.actor, programmeId, action: 'joinRequest.accept', objectType: 'project', objectId: projectId, before: { joinRequestId: open.id, status: 'requested' }, after: { joinRequestId: open.id, status: 'accepted', role } });
      }
    }
    await recordAudit(tx, { actor: input.actor, programmeId, action: 'partner.add', objectType: 'project', objectId: projectId, after: { organisationId, role, consultationId, advice: advice?.outcome ?? null } });
    return done({ objection: advice?.outcome === 'objection', answeredRequestId });
  });
}

/** The join request a lead accepts: the version they were shown, and an optional note to the requester. */
export interface AcceptedRequest {
  id: string;
  expectedVersion: number;
  note: LocalizedText;
}

/** Links two projects; refused for the whole form when they are linked already, nothing written. */
export async function linkProjects(db: Db, input: { actor: Actor; a: ProjectRef; b: ProjectRef; reason: LocalizedText }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'crossOver.manage', [input.a, input.b]);
  const [first, second] = input.a.id < input.b.id ? [input.a, input.b] : [input.b, input.a];
  return writeTransaction(db, async (tx): Promise<Outcome<{ id: string }>> => {
    const rows = await tx
      .insert(crossOvers)
      .values({ programmeId: first.programmeId, projectAId: first.id, projectBId: second.id, reason: input.reason })
      .onConflictDoNothing()
      .returning();
    if (rows.length === 0) return refusedField(FORM_ERROR, 'pf.crossovers.exists');
    for (const project of [first, second]) {
      const other = project === first ? second : first;
      await recordAudit(tx, { actor: input.actor, programmeId: first.programmeId, action: 'crossover.create', objectType: 'project', objectId: project.id, after: { crossOverId: rows[0]!.id, otherProjectId: other.id, reason: input.reason } });
    }
    return done({ id: rows[0]!.id });
  });
}
