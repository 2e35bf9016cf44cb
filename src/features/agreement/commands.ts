// Every write to the agreement. Each command checks the actor's right itself and writes its audit
// row in the same transaction. Answers and adoption lock the amendment row first, so concurrent
// requests are applied one after another and nothing is counted twice.
import { and, desc, eq, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { agreementParties, agreements, agreementSections, users } from '../../db/schema.ts';
import { decideConsent } from '../../domain/consent.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { can, type Actor } from '../../domain/policy.ts';
import { endDate } from '../../domain/term.ts';
import { conflict, forbidden, notFound } from '../../web/http.ts';
import { representedPartyIds, sectionsAsSnapshot, type Agreement } from './queries.ts';
import {
  agreementAmendments,
  agreementConsents,
  agreementRenewals,
  agreementRepresentatives,
  agreementVersions,
  type AmendmentKind,
  type SectionEdit,
  type SectionSnapshot,
} from './tables.ts';

export const isCoordinator = (actor: Actor | null | undefined, programmeId: string) => !!actor && actor.programmeId === programmeId && can(actor, { do: 'programme.manage' });

const today = () => new Date().toISOString().slice(0, 10);

/** The signed text becomes version 1 (at seeding, or on first write for older databases). */
export async function ensureFirstVersion(tx: Db, agreement: Pick<Agreement, 'id' | 'programmeId' | 'signedOn'>): Promise<void> {
  const [existing] = await tx.select({ id: agreementVersions.id }).from(agreementVersions).where(eq(agreementVersions.agreementId, agreement.id)).limit(1);
  if (existing) return;
  await tx.insert(agreementVersions).values({
    programmeId: agreement.programmeId,
    agreementId: agreement.id,
    number: 1,
    sections: await sectionsAsSnapshot(tx, agreement.id),
    amendmentId: null,
    effectiveOn: agreement.signedOn,
  });
}

async function latestVersion(tx: Db, agreementId: string) {
  const [row] = await tx.select().from(agreementVersions).where(eq(agreementVersions.agreementId, agreementId)).orderBy(desc(agreementVersions.number)).limit(1);
  return row!;
}

interface Base {
  db: Db;
  actor: Actor;
  agreement: Agreement;
}

export interface ProposalInput {
  partyId: string;
  kind: AmendmentKind;
  title: LocalizedText;
  reason: LocalizedText;
  edits: SectionEdit[];
}

export async function proposeAmendment({ db, actor, agreement, ...input }: Base & ProposalInput): Promise<number> {
  return db.transaction(async (tx) => {
    const represented = await representedPartyIds(tx, agreement.programmeId, actor.userId);
    if (represented.length === 0) throw notFound();
    if (!represented.includes(input.partyId)) throw forbidden();
    // Lock the agreement: amendment numbers are handed out one at a time.
    await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, agreement.id)).for('update');
    await ensureFirstVersion(tx, agreement);
    const current = await latestVersion(tx, agreement.id);
    const [{ last } = { last: 0 }] = await tx.select({ last: max(agreementAmendments.number) }).from(agreementAmendments).where(eq(agreementAmendments.agreementId, agreement.id));
    const number = (last ?? 0) + 1;
    const [row] = await tx
      .insert(agreementAmendments)
      .values({
        programmeId: agreement.programmeId,
        agreementId: agreement.id,
        number,
        kind: input.kind,
        title: input.title,
        reason: input.reason,
        edits: input.kind === 'text' ? input.edits : [],
        baseVersion: current.number,
        proposedByPartyId: input.partyId,
        proposedByUserId: actor.userId,
        proposedByName: actor.displayName,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      programmeId: agreement.programmeId,
      action: input.kind === 'renewal' ? 'agreement.renewal.propose' : 'agreement.amendment.propose',
      objectType: 'agreement_amendment',
      objectId: row!.id,
      after: { number, kind: input.kind, partyId: input.partyId, baseVersion: current.number, sections: input.edits.map((e) => e.key), title: input.title, reason: input.reason },
    });
    return number;
  });
}

/** Locks and returns the amendment, or 404 for someone who may not see it. */
async function lockAmendment(tx: Db, actor: Actor, agreement: Agreement, number: number) {
  const [amendment] = await tx
    .select()
    .from(agreementAmendments)
    .where(and(eq(agreementAmendments.agreementId, agreement.id), eq(agreementAmendments.number, number)))
    .for('update');
  if (!amendment) throw notFound();
  const represented = await representedPartyIds(tx, agreement.programmeId, actor.userId);
  const coordinator = isCoordinator(actor, agreement.programmeId);
  if (!amendment.adoptedAt && !coordinator && represented.length === 0) throw notFound();
  return { amendment, represented, coordinator };
}

export async function answerAmendment({ db, actor, agreement, number, partyId, answer, note }: Base & { number: number; partyId: string; answer: 'consent' | 'objection'; note: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const { amendment, represented } = await lockAmendment(tx, actor, agreement, number);
    if (!represented.includes(partyId)) throw forbidden();
    if (amendment.adoptedAt) throw conflict('adopted');
    const [standing] = await tx
      .select({ id: agreementConsents.id })
      .from(agreementConsents)
      .where(and(eq(agreementConsents.amendmentId, amendment.id), eq(agreementConsents.partyId, partyId), isNull(agreementConsents.withdrawnAt)));
    if (standing) throw conflict('answered');
    const [row] = await tx
      .insert(agreementConsents)
      .values({ programmeId: agreement.programmeId, amendmentId: amendment.id, partyId, answer, userId: actor.userId, personName: actor.displayName, note })
      .returning();
    await recordAudit(tx, {
      actor,
      programmeId: agreement.programmeId,
      action: answer === 'consent' ? 'agreement.consent.give' : 'agreement.consent.object',
      objectType: 'agreement_amendment',
      objectId: amendment.id,
      after: { consentId: row!.id, partyId, answer, note },
    });
  });
}

export async function withdrawAnswer({ db, actor, agreement, number, partyId }: Base & { number: number; partyId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const { amendment, represented } = await lockAmendment(tx, actor, agreement, number);
    if (!represented.includes(partyId)) throw forbidden();
    if (amendment.adoptedAt) throw conflict('adopted');
    const [withdrawn] = await tx
      .update(agreementConsents)
      .set({ withdrawnAt: sql`now()`, withdrawnByName: actor.displayName })
      .where(and(eq(agreementConsents.amendmentId, amendment.id), eq(agreementConsents.partyId, partyId), isNull(agreementConsents.withdrawnAt)))
      .returning();
    if (!withdrawn) throw conflict('notAnswered');
    await recordAudit(tx, {
      actor,
      programmeId: agreement.programmeId,
      action: 'agreement.consent.withdraw',
      objectType: 'agreement_amendment',
      objectId: amendment.id,
      before: { consentId: withdrawn.id, partyId, answer: withdrawn.answer },
    });
  });
}

/** Applies text edits to a version's sections; headings and order stay. */
export function applyEdits(sections: SectionSnapshot[], edits: SectionEdit[]): SectionSnapshot[] {
  const byKey = new Map(edits.map((e) => [e.key, e]));
  return sections.map((s) => (byKey.has(s.key) ? { ...s, body: byKey.get(s.key)!.body } : s));
}

/**
 * Adopts an amendment every party consented to: writes the amendment record and, for a text
 * change, the next consolidated version (published at once); for a renewal, five more years.
 */
export async function adoptAmendment({ db, actor, agreement, number }: Base & { number: number }): Promise<{ version: number | null }> {
  return db.transaction(async (tx) => {
    const { amendment, represented, coordinator } = await lockAmendment(tx, actor, agreement, number);
    if (!coordinator && represented.length === 0) throw forbidden();
    if (amendment.adoptedAt) throw conflict('adopted');
    const parties = await tx.select({ id: agreementParties.id }).from(agreementParties).where(eq(agreementParties.agreementId, agreement.id));
    const answers = await tx.select().from(agreementConsents).where(eq(agreementConsents.amendmentId, amendment.id));
    const outcome = decideConsent(
      parties.map((p) => p.id),
      answers.map((a) => ({ partyId: a.partyId, answer: a.answer, withdrawn: a.withdrawnAt !== null })),
    );
    if (outcome.state !== 'unanimous') throw conflict(outcome.state);
    const consentRecord = answers.filter((a) => !a.withdrawnAt).map((a) => ({ partyId: a.partyId, person: a.personName, at: a.answeredAt }));

    let versionNumber: number | null = null;
    if (amendment.kind === 'text') {
      await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, agreement.id)).for('update');
      await ensureFirstVersion(tx, agreement);
      const current = await latestVersion(tx, agreement.id);
      if (current.number !== amendment.baseVersion) {
        // Another amendment was adopted since this one was written: refuse if it touched the same sections.
        const [base] = await tx.select().from(agreementVersions).where(and(eq(agreementVersions.agreementId, agreement.id), eq(agreementVersions.number, amendment.baseVersion)));
        const changed = amendment.edits.some((edit) => {
          const before = base?.sections.find((s) => s.key === edit.key)?.body;
          const now = current.sections.find((s) => s.key === edit.key)?.body;
          return JSON.stringify(before) !== JSON.stringify(now);
        });
        if (changed) throw conflict('stale');
      }
      const sections = applyEdits(current.sections, amendment.edits);
      versionNumber = current.number + 1;
      const [version] = await tx
        .insert(agreementVersions)
        .values({ programmeId: agreement.programmeId, agreementId: agreement.id, number: versionNumber, sections, amendmentId: amendment.id, effectiveOn: today() })
        .returning();
      for (const edit of amendment.edits) {
        await tx.update(agreementSections).set({ body: edit.body }).where(and(eq(agreementSections.agreementId, agreement.id), eq(agreementSections.key, edit.key)));
      }
      await recordAudit(tx, {
        actor,
        programmeId: agreement.programmeId,
        action: 'agreement.version.publish',
        objectType: 'agreement_version',
        objectId: version!.id,
        after: { number: versionNumber, amendment: amendment.number },
      });
    } else {
      const [locked] = await tx.select().from(agreements).where(eq(agreements.id, agreement.id)).for('update');
      const previousEndOn = endDate(locked!);
      const [updated] = await tx.update(agreements).set({ renewals: locked!.renewals + 1 }).where(eq(agreements.id, agreement.id)).returning();
      const newEndOn = endDate(updated!);
      await tx.insert(agreementRenewals).values({ programmeId: agreement.programmeId, agreementId: agreement.id, amendmentId: amendment.id, previousEndOn, newEndOn });
      await recordAudit(tx, {
        actor,
        programmeId: agreement.programmeId,
        action: 'agreement.renewal.adopt',
        objectType: 'agreement',
        objectId: agreement.id,
        before: { endOn: previousEndOn, renewals: locked!.renewals },
        after: { endOn: newEndOn, renewals: updated!.renewals },
      });
    }
    await tx.update(agreementAmendments).set({ adoptedAt: sql`now()`, resultVersion: versionNumber }).where(eq(agreementAmendments.id, amendment.id));
    await recordAudit(tx, {
      actor,
      programmeId: agreement.programmeId,
      action: 'agreement.amendment.adopt',
      objectType: 'agreement_amendment',
      objectId: amendment.id,
      after: { number: amendment.number, kind: amendment.kind, version: versionNumber, consents: consentRecord },
    });
    return { version: versionNumber };
  });
}

export async function addRepresentative({ db, actor, agreement, partyId, email }: Base & { partyId: string; email: string }): Promise<'added' | 'unknownUser' | 'unknownParty' | 'exists'> {
  if (!isCoordinator(actor, agreement.programmeId)) throw notFound();
  return db.transaction(async (tx) => {
    const [party] = await tx.select({ id: agreementParties.id }).from(agreementParties).where(and(eq(agreementParties.id, partyId), eq(agreementParties.agreementId, agreement.id)));
    if (!party) return 'unknownParty';
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) return 'unknownUser';
    const inserted = await tx.insert(agreementRepresentatives).values({ programmeId: agreement.programmeId, partyId, userId: user.id }).onConflictDoNothing().returning();
    if (inserted.length === 0) return 'exists';
    await recordAudit(tx, { actor, programmeId: agreement.programmeId, action: 'agreement.representative.add', objectType: 'agreement_party', objectId: partyId, after: { userId: user.id } });
    return 'added';
  });
}

export async function removeRepresentative({ db, actor, agreement, id }: Base & { id: string }): Promise<void> {
  if (!isCoordinator(actor, agreement.programmeId)) throw notFound();
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(agreementRepresentatives)
      .where(and(eq(agreementRepresentatives.id, id), eq(agreementRepresentatives.programmeId, agreement.programmeId)))
      .returning();
    if (!removed) throw notFound();
    await recordAudit(tx, { actor, programmeId: agreement.programmeId, action: 'agreement.representative.remove', objectType: 'agreement_party', objectId: removed.partyId, before: { userId: removed.userId } });
  });
}
