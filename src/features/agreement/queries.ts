// Reads for the agreement pages: a fixed number of queries per page, whatever the history length.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agreementParties, agreements, agreementSections, auditEvents, organisations, users } from '../../db/schema.ts';
import { decideConsent, type ConsentOutcome } from '../../domain/consent.ts';
import type { Actor } from '../../domain/policy.ts';
import type { AgreementStanding } from './policy.ts';
import { agreementAmendments, agreementConsents, agreementRenewals, agreementRepresentatives, agreementVersions, type SectionSnapshot } from './tables.ts';

export async function getAgreement(db: Db, programmeId: string) {
  const [row] = await db.select().from(agreements).where(eq(agreements.programmeId, programmeId)).orderBy(asc(agreements.createdAt)).limit(1);
  return row ?? null;
}
export type Agreement = NonNullable<Awaited<ReturnType<typeof getAgreement>>>;

export async function listParties(db: Db, agreementId: string) {
  return db
    .select({ party: agreementParties, organisation: { slug: organisations.slug, name: organisations.name } })
    .from(agreementParties)
    .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
    .where(eq(agreementParties.agreementId, agreementId))
    .orderBy(asc(agreementParties.position));
}
export type PartyRow = Awaited<ReturnType<typeof listParties>>[number];

/** The signed text as the sections table holds it, for an agreement that has no version yet. */
export async function sectionsAsSnapshot(db: Db, agreementId: string): Promise<SectionSnapshot[]> {
  const rows = await db.select().from(agreementSections).where(eq(agreementSections.agreementId, agreementId)).orderBy(asc(agreementSections.position));
  return rows.map((s) => ({ key: s.key, position: s.position, heading: s.heading, body: s.body }));
}

export async function listVersions(db: Db, agreementId: string) {
  return db
    .select({ number: agreementVersions.number, effectiveOn: agreementVersions.effectiveOn, publishedAt: agreementVersions.publishedAt, amendmentId: agreementVersions.amendmentId })
    .from(agreementVersions)
    .where(eq(agreementVersions.agreementId, agreementId))
    .orderBy(desc(agreementVersions.number));
}

export async function getVersion(db: Db, agreementId: string, number: number) {
  const [row] = await db.select().from(agreementVersions).where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.number, number)));
  return row ?? null;
}
export type Version = NonNullable<Awaited<ReturnType<typeof getVersion>>>;

export async function currentVersion(db: Db, agreement: Agreement): Promise<Pick<Version, 'number' | 'sections' | 'effectiveOn' | 'staleTranslations'>> {
  const [row] = await db.select().from(agreementVersions).where(eq(agreementVersions.agreementId, agreement.id)).orderBy(desc(agreementVersions.number)).limit(1);
  if (row) return row;
  return { number: 1, sections: await sectionsAsSnapshot(db, agreement.id), effectiveOn: agreement.signedOn, staleTranslations: {} };
}

/** The sections of the programme's current agreement text that are behind in one language, for the translations overview; null without an agreement. */
export async function staleAgreementTexts(db: Db, programmeId: string) {
  const agreement = await getAgreement(db, programmeId);
  return agreement ? (await currentVersion(db, agreement)).staleTranslations : null;
}

/** The parties the user may speak for. */
export async function representedPartyIds(db: Db, programmeId: string, userId: string | undefined): Promise<string[]> {
  if (!userId) return [];
  const rows = await db
    .select({ partyId: agreementRepresentatives.partyId })
    .from(agreementRepresentatives)
    .where(and(eq(agreementRepresentatives.programmeId, programmeId), eq(agreementRepresentatives.userId, userId)));
  return rows.map((r) => r.partyId);
}

/** What the agreement's rules ask of the actor: the parties they speak for in this programme. */
export async function standingOf(db: Db, agreement: Pick<Agreement, 'programmeId'>, actor: Actor | null | undefined): Promise<AgreementStanding> {
  return { programmeId: agreement.programmeId, representedPartyIds: await representedPartyIds(db, agreement.programmeId, actor?.userId) };
}

export async function listRepresentatives(db: Db, programmeId: string) {
  return db
    .select({ id: agreementRepresentatives.id, partyId: agreementRepresentatives.partyId, name: users.displayName, email: users.email })
    .from(agreementRepresentatives)
    .innerJoin(users, eq(users.id, agreementRepresentatives.userId))
    .where(eq(agreementRepresentatives.programmeId, programmeId))
    .orderBy(asc(users.displayName));
}

export async function listAmendments(db: Db, agreementId: string, includePending: boolean) {
  const scope = eq(agreementAmendments.agreementId, agreementId);
  return db
    .select()
    .from(agreementAmendments)
    .where(includePending ? scope : and(scope, isNotNull(agreementAmendments.adoptedAt)))
    .orderBy(desc(agreementAmendments.number));
}
export type Amendment = Awaited<ReturnType<typeof listAmendments>>[number];

export async function getAmendment(db: Db, agreementId: string, number: number) {
  const [row] = await db.select().from(agreementAmendments).where(and(eq(agreementAmendments.agreementId, agreementId), eq(agreementAmendments.number, number)));
  return row ?? null;
}

export async function listConsents(db: Db, amendmentIds: string[]) {
  if (amendmentIds.length === 0) return [];
  return db.select().from(agreementConsents).where(inArray(agreementConsents.amendmentId, amendmentIds)).orderBy(asc(agreementConsents.answeredAt));
}
export type Consent = Awaited<ReturnType<typeof listConsents>>[number];

export function outcomeOf(partyIds: string[], consents: Consent[]): ConsentOutcome {
  return decideConsent(
    partyIds,
    consents.map((c) => ({ partyId: c.partyId, answer: c.answer, withdrawn: c.withdrawnAt !== null })),
  );
}

export async function standingConsents(db: Db, amendmentId: string) {
  return db.select().from(agreementConsents).where(and(eq(agreementConsents.amendmentId, amendmentId), isNull(agreementConsents.withdrawnAt)));
}

export async function listRenewals(db: Db, agreementId: string) {
  return db.select().from(agreementRenewals).where(eq(agreementRenewals.agreementId, agreementId)).orderBy(asc(agreementRenewals.adoptedAt));
}

export interface RepresentativeChange {
  kind: 'add' | 'remove';
  partyId: string;
  name: string;
  by: string;
  at: Date;
}

/**
 * Appointments and removals of representatives while an amendment was open (from its proposal to
 * its adoption, or until now): the amendment page shows who could speak for each party.
 */
export async function representativeChanges(db: Db, programmeId: string, from: Date, until: Date | null): Promise<RepresentativeChange[]> {
  const rows = await db
    .select({ action: auditEvents.action, objectId: auditEvents.objectId, before: auditEvents.before, after: auditEvents.after, by: auditEvents.actorLabel, at: auditEvents.at })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.programmeId, programmeId),
        eq(auditEvents.objectType, 'agreement_party'),
        inArray(auditEvents.action, ['agreement.representative.add', 'agreement.representative.remove']),
        gte(auditEvents.at, from),
        until ? lte(auditEvents.at, until) : undefined,
      ),
    )
    .orderBy(asc(auditEvents.id));
  return rows.map((r) => {
    const kind = r.action === 'agreement.representative.add' ? 'add' : 'remove';
    const data = ((kind === 'add' ? r.after : r.before) ?? {}) as { name?: string };
    return { kind, partyId: r.objectId ?? '', name: data.name ?? '', by: r.by, at: r.at };
  });
}
