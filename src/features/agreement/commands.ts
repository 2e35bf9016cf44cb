// Every write to the agreement. Each command takes parsed input (./schema.ts), checks the actor's
// right itself (./policy.ts), answers an Outcome and writes its audit row in the same transaction;
// a refusal writes nothing. Answers and adoption lock the amendment row first, so concurrent
// requests are applied one after another and nothing is counted twice. A proposal whose state
// forbids the step (already answered, adopted, blocked...) is refused on the field `amendment`
// with an `amendment.conflict.*` message: the page answers 409 for those.
import { now, today } from '../../clock.ts';
import { and, desc, eq, isNull, max } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { agreementParties, agreements, agreementSections, organisations, people, programmes, roleAssignments, users } from '../../db/schema.ts';
import { decideConsent } from '../../domain/consent.ts';
import { LOCALES, type LocalizedText } from '../../domain/localized.ts';
import { done, FORM_ERROR, refused, refusedField, type FieldErrors, type Outcome } from '../../domain/outcome.ts';
import type { Actor } from '../../domain/policy.ts';
import { endDate } from '../../domain/term.ts';
import { authorize, can } from '../../policies.ts';
import { formatDate } from '../../web/i18n.ts';
import { notFound } from '../../web/http.ts';
import { proposedEdits, staleSections } from './diff.ts';
import { forgetProgrammes } from '../../web/request-context.ts';
import { loadProgrammeParties } from './party-queries.ts';
import { sectionsAsSnapshot, standingOf, type Agreement } from './queries.ts';
import { sectionField, type AnswerInput, type ProposalInput, type RepresentativeInput, type WithdrawInput } from './schema.ts';
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

/** A proposal's state forbids the step: the page shows why and answers 409. */
const stateConflict = (reason: string) => refusedField('amendment', `amendment.conflict.${reason}`);

/** Whether a refusal is about the proposal's state (409) rather than what was typed (400). */
export const isStateConflict = (errors: FieldErrors) => 'amendment' in errors;

const hasText = (text: LocalizedText) => LOCALES.some((locale) => !!text[locale]);

/** A proposal's title and reason: each in at least one language (the first step of the form checks it too). */
export function proposalHeadingErrors(proposal: Pick<ProposalInput, 'title' | 'reason'>): FieldErrors {
  const errors: FieldErrors = {};
  if (!hasText(proposal.title)) errors.title_nl = { key: 'amendment.error.title' };
  if (!hasText(proposal.reason)) errors.reason_nl = { key: 'amendment.error.reason' };
  return errors;
}

export async function proposeAmendment({ db, actor, agreement, proposal }: Base & { proposal: ProposalInput }): Promise<Outcome<{ number: number }>> {
  const standing = await standingOf(db, agreement, actor);
  // A party the actor does not represent is refused outright (403), and nothing is stored.
  authorize(actor, 'amendment.propose', { ...standing, partyId: proposal.party });
  return writeTransaction(db, async (tx) => {
    // Lock the agreement: amendment numbers are handed out one at a time.
    const [locked] = await tx.select().from(agreements).where(eq(agreements.id, agreement.id)).for('update');
    if (proposal.kind === 'renewal') {
      // "Verlenging met telkens vijf jaar" renews a term that is still running; after its end the
      // parties start a successor programme instead.
      const end = endDate(locked!);
      if (today() > end) return refusedField(FORM_ERROR, 'amendment.error.termEnded', { nl: formatDate('nl', end), en: formatDate('en', end) });
      const [pending] = await tx
        .select({ number: agreementAmendments.number })
        .from(agreementAmendments)
        .where(and(eq(agreementAmendments.agreementId, agreement.id), eq(agreementAmendments.kind, 'renewal'), isNull(agreementAmendments.adoptedAt)));
      if (pending) return refusedField(FORM_ERROR, 'amendment.error.renewalPending', { number: pending.number });
    }
    await ensureFirstVersion(tx, agreement);
    const current = await latestVersion(tx, agreement.id);
    const edits = proposal.kind === 'text' ? proposedEdits(current.sections, proposal.sections) : [];
    const errors: FieldErrors = proposalHeadingErrors(proposal);
    if (proposal.kind === 'text' && edits.length === 0) errors[`${sectionField(current.sections[0]?.key ?? '')}_nl`] = { key: 'amendment.error.noChanges' };
    if (Object.keys(errors).length > 0) return refused(errors);

    const [{ last } = { last: 0 }] = await tx.select({ last: max(agreementAmendments.number) }).from(agreementAmendments).where(eq(agreementAmendments.agreementId, agreement.id));
    const number = (last ?? 0) + 1;
    const [row] = await tx
      .insert(agreementAmendments)
      .values({
        programmeId: agreement.programmeId,
        agreementId: agreement.id,
        number,
        kind: proposal.kind,
        title: proposal.title,
        reason: proposal.reason,
        edits,
        baseVersion: current.number,
        proposedByPartyId: proposal.party,
        proposedByUserId: actor.userId,
        proposedByName: actor.displayName,
        proposedAt: now(),
      })
      .returning();
    await recordAudit(tx, {
      actor,
      programmeId: agreement.programmeId,
      action: proposal.kind === 'renewal' ? 'agreement.renewal.propose' : 'agreement.amendment.propose',
      objectType: 'agreement_amendment',
      objectId: row!.id,
      after: { number, kind: proposal.kind, partyId: proposal.party, baseVersion: current.number, sections: edits.map((e) => e.key), title: proposal.title, reason: proposal.reason },
    });
    return done({ number });
  });
}

/** Locks and returns the amendment with the actor's standing, or 404 for someone who may not see it. */
async function lockAmendment(tx: Db, actor: Actor, agreement: Agreement, number: number) {
  const [amendment] = await tx
    .select()
    .from(agreementAmendments)
    .where(and(eq(agreementAmendments.agreementId, agreement.id), eq(agreementAmendments.number, number)))
    .for('update');
  if (!amendment) throw notFound();
  const standing = await standingOf(tx, agreement, actor);
  if (!can(actor, 'amendment.view', { ...standing, adopted: amendment.adoptedAt !== null })) throw notFound();
  return { amendment, standing };
}

export async function answerAmendment({ db, actor, agreement, number, answer }: Base & { number: number; answer: AnswerInput }): Promise<Outcome<{ number: number }>> {
  const { party: partyId, note = '' } = answer;
  return writeTransaction(db, async (tx) => {
    const { amendment, standing } = await lockAmendment(tx, actor, agreement, number);
    authorize(actor, 'amendment.consent', { ...standing, partyId });
    if (amendment.adoptedAt) return stateConflict('adopted');
    const [standingAnswer] = await tx
      .select({ id: agreementConsents.id })
      .from(agreementConsents)
      .where(and(eq(agreementConsents.amendmentId, amendment.id), eq(agreementConsents.partyId, partyId), isNull(agreementConsents.withdrawnAt)));
    if (standingAnswer) return stateConflict('answered');
    const [row] = await tx
      .insert(agreementConsents)
      .values({ programmeId: agreement.programmeId, amendmentId: amendment.id, partyId, answer: answer.answer, userId: actor.userId, personName: actor.displayName, note, answeredAt: now() })
      .returning();
    await recordAudit(tx, {
      actor,
      programmeId: agreement.programmeId,
      action: answer.answer === 'consent' ? 'agreement.consent.give' : 'agreement.consent.object',
      objectType: 'agreement_amendment',
      objectId: amendment.id,
      after: { consentId: row!.id, partyId, answer: answer.answer, note },
    });
    return done({ number });
  });
}

export async function withdrawAnswer({ db, actor, agreement, number, withdrawal }: Base & { number: number; withdrawal: WithdrawInput }): Promise<Outcome<{ number: number }>> {
  const partyId = withdrawal.party;
  return writeTransaction(db, async (tx) => {
    const { amendment, standing } = await lockAmendment(tx, actor, agreement, number);
    authorize(actor, 'amendment.withdrawAnswer', { ...standing, partyId });
    if (amendment.adoptedAt) return stateConflict('adopted');
    const [withdrawn] = await tx
      .update(agreementConsents)
      .set({ withdrawnAt: now(), withdrawnByName: actor.displayName })
      .where(and(eq(agreementConsents.amendmentId, amendment.id), eq(agreementConsents.partyId, partyId), isNull(agreementConsents.withdrawnAt)))
      .returning();
    if (!withdrawn) return stateConflict('notAnswered');
    await recordAudit(tx, {
      actor,
      programmeId: agreement.programmeId,
      action: 'agreement.consent.withdraw',
      objectType: 'agreement_amendment',
      objectId: amendment.id,
      before: { consentId: withdrawn.id, partyId, answer: withdrawn.answer },
    });
    return done({ number });
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
export async function adoptAmendment({ db, actor, agreement, number }: Base & { number: number }): Promise<Outcome<{ version: number | null }>> {
  const outcome = await writeTransaction(db, async (tx) => {
    const { amendment, standing } = await lockAmendment(tx, actor, agreement, number);
    authorize(actor, 'amendment.adopt', standing);
    if (amendment.adoptedAt) return stateConflict('adopted');
    const parties = await tx.select({ id: agreementParties.id }).from(agreementParties).where(eq(agreementParties.agreementId, agreement.id));
    const answers = await tx.select().from(agreementConsents).where(eq(agreementConsents.amendmentId, amendment.id));
    const outcome = decideConsent(
      parties.map((p) => p.id),
      answers.map((a) => ({ partyId: a.partyId, answer: a.answer, withdrawn: a.withdrawnAt !== null })),
    );
    if (outcome.state !== 'unanimous') return stateConflict(outcome.state);
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
        if (changed) return stateConflict('stale');
      }
      const sections = applyEdits(current.sections, amendment.edits);
      versionNumber = current.number + 1;
      const [version] = await tx
        .insert(agreementVersions)
        .values({ programmeId: agreement.programmeId, agreementId: agreement.id, number: versionNumber, sections, amendmentId: amendment.id, effectiveOn: today(), staleTranslations: staleSections(current.sections, sections, current.staleTranslations) })
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
      if (today() > previousEndOn) return stateConflict('termEnded');
      const [updated] = await tx.update(agreements).set({ renewals: locked!.renewals + 1 }).where(eq(agreements.id, agreement.id)).returning();
      const newEndOn = endDate(updated!);
      await tx.insert(agreementRenewals).values({ programmeId: agreement.programmeId, agreementId: agreement.id, amendmentId: amendment.id, previousEndOn, newEndOn });
      // programmeTerm (./term-queries.ts) is where pages read the end date; the programme's stored
      // period follows it so that nothing reading the row directly shows the old end.
      await tx.update(programmes).set({ periodEnd: newEndOn }).where(eq(programmes.id, agreement.programmeId));
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
    await tx.update(agreementAmendments).set({ adoptedAt: now(), resultVersion: versionNumber }).where(eq(agreementAmendments.id, amendment.id));
    await recordAudit(tx, {
      actor,
      programmeId: agreement.programmeId,
      action: 'agreement.amendment.adopt',
      objectType: 'agreement_amendment',
      objectId: amendment.id,
      after: { number: amendment.number, kind: amendment.kind, version: versionNumber, consents: consentRecord },
    });
    return done({ version: versionNumber });
  });
  // A renewal moves the programme's last day, which decides its stage (running or finished).
  forgetProgrammes(db);
  return outcome;
}

/** A party's name for a message in either language (the message picks `nl` or `en`). */
const partyNames = (name: LocalizedText) => ({ nl: name.nl ?? name.en ?? '', en: name.en ?? name.nl ?? '' });

/**
 * The organisations a user belongs to in a programme: those their roles name (a partner's
 * organisation) and the one their person record names.
 */
async function organisationsOfUser(tx: Db, programmeId: string, userId: string): Promise<string[]> {
  const [roles, persons] = await Promise.all([
    tx.select({ id: roleAssignments.organisationId }).from(roleAssignments).where(and(eq(roleAssignments.programmeId, programmeId), eq(roleAssignments.userId, userId))),
    tx.select({ id: people.organisationId }).from(people).where(and(eq(people.programmeId, programmeId), eq(people.userId, userId))),
  ]);
  return [...new Set([...roles, ...persons].map((r) => r.id).filter((id): id is string => !!id))];
}

/**
 * Appoints a representative of a party: a person of that party's organisation or one of its units
 * ("onderdeel van", src/domain/parties.ts), who represents no other party. The coordinator's role
 * names no organisation, so a coordinator qualifies only through their own organisation.
 */
export async function addRepresentative({ db, actor, agreement, representative }: Base & { representative: RepresentativeInput }): Promise<Outcome<{ id: string }>> {
  authorize(actor, 'agreement.manageRepresentatives');
  const partyId = representative.party;
  const email = representative.email.toLowerCase();
  return writeTransaction(db, async (tx) => {
    const [party] = await tx
      .select({ id: agreementParties.id, organisationId: agreementParties.organisationId, name: organisations.name })
      .from(agreementParties)
      .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
      .where(and(eq(agreementParties.id, partyId), eq(agreementParties.agreementId, agreement.id)));
    if (!party) return refusedField('party', 'agreement.error.unknownParty');
    const [user] = await tx.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.email, email));
    if (!user) return refusedField('email', 'agreement.error.unknownUser');
    const parties = await loadProgrammeParties(tx, agreement.programmeId);
    const own = await organisationsOfUser(tx, agreement.programmeId, user.id);
    if (!own.some((organisationId) => parties.belongsTo(organisationId, party.organisationId))) {
      return refusedField('email', 'agreement.error.notOfParty', partyNames(party.name));
    }
    const [existing] = await tx
      .select({ partyId: agreementRepresentatives.partyId, name: organisations.name })
      .from(agreementRepresentatives)
      .innerJoin(agreementParties, eq(agreementParties.id, agreementRepresentatives.partyId))
      .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
      .where(and(eq(agreementRepresentatives.programmeId, agreement.programmeId), eq(agreementRepresentatives.userId, user.id)));
    if (existing?.partyId === partyId) return refusedField('email', 'agreement.error.exists');
    if (existing) return refusedField('email', 'agreement.error.representsOther', partyNames(existing.name));
    // One person, one party: the unique index on (programme, user) decides between two at once.
    const [inserted] = await tx.insert(agreementRepresentatives).values({ programmeId: agreement.programmeId, partyId, userId: user.id }).onConflictDoNothing().returning();
    if (!inserted) return refusedField('email', 'agreement.error.representsAnother');
    await recordAudit(tx, {
      actor,
      programmeId: agreement.programmeId,
      action: 'agreement.representative.add',
      objectType: 'agreement_party',
      objectId: partyId,
      after: { userId: user.id, name: user.name, partyId },
    });
    return done({ id: inserted.id });
  });
}

/** Removes an appointment; 404 when it is not one of this programme's. */
export async function removeRepresentative({ db, actor, agreement, id }: Base & { id: string }): Promise<Outcome<{ id: string }>> {
  authorize(actor, 'agreement.manageRepresentatives');
  return writeTransaction(db, async (tx) => {
    const [removed] = await tx
      .delete(agreementRepresentatives)
      .where(and(eq(agreementRepresentatives.id, id), eq(agreementRepresentatives.programmeId, agreement.programmeId)))
      .returning();
    if (!removed) throw notFound();
    // The answers this person gave stay: consent belongs to the party, not to whoever speaks for it.
    const [user] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, removed.userId));
    await recordAudit(tx, {
      actor,
      programmeId: agreement.programmeId,
      action: 'agreement.representative.remove',
      objectType: 'agreement_party',
      objectId: removed.partyId,
      before: { userId: removed.userId, name: user?.name ?? '', partyId: removed.partyId },
    });
    return done({ id: removed.id });
  });
}
