// Proposals and their admission: submit, judge criteria c and d, the support steering group's
// recommendation and the executive steering group's decision. The criteria themselves are the pure
// rule in domain/criteria.ts; this module gathers its facts and records what people decide.
import { and, asc, desc, eq, ilike, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { done, FORM_ERROR, refusedField, type Outcome, type Refused } from '../../domain/outcome.ts';
import { organisations, projectPartners, projects, themes } from '../../db/schema.ts';
import { loadProgrammeParties } from '../agreement/party-queries.ts';
import { evaluateCriteria, allCriteriaMet, type CriterionResult, type JudgedCriterion, type PartyOf, type ProposalFacts } from '../../domain/criteria.ts';
import { findBackingDecision, type BackingDecision } from '../meetings/backing.ts';
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize } from '../../policies.ts';
import { grantProposerLead } from './commands.ts';
import type { ProjectRef } from './policy.ts';
import { admissionDecisions, criterionJudgements } from './tables.ts';

export interface ProposalInput {
  themeId: string | null;
  title: LocalizedText;
  goal: LocalizedText;
  description: LocalizedText;
  safeguarding: LocalizedText;
  staffingArrangements: LocalizedText;
  financingArrangements: LocalizedText;
  leadOrganisationId: string;
  partnerOrganisationIds: string[];
}

/** The next free code in a theme ("2f" after "2e"), or "V1", "V2"... for proposals without one. */
async function nextCode(tx: Db, programmeId: string, themeId: string | null): Promise<string> {
  let prefix = 'V';
  if (themeId) {
    const [theme] = await tx.select({ code: themes.code }).from(themes).where(and(eq(themes.id, themeId), eq(themes.programmeId, programmeId)));
    if (theme) prefix = theme.code;
  }
  // Codes are unique ignoring case (a coordinator may have renamed one to "2F").
  const taken = new Set((await tx.select({ code: projects.code }).from(projects).where(and(eq(projects.programmeId, programmeId), ilike(projects.code, `${prefix}%`)))).map((r) => r.code.toLowerCase()));
  if (prefix !== 'V') {
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') if (!taken.has(`${prefix}${letter}`.toLowerCase())) return `${prefix}${letter}`;
  }
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${prefix === 'V' ? '' : '-'}${n}`.toLowerCase())) return `${prefix}${prefix === 'V' ? '' : '-'}${n}`;
}

export async function submitProposal(db: Db, input: { actor: Actor; programmeId: string; values: ProposalInput }): Promise<{ id: string; code: string }> {
  authorize(input.actor, 'project.propose');
  return db.transaction(async (tx) => {
    // Two proposals at once would otherwise both take the next free code and one would fail on
    // the unique index: code assignment is serialised per programme until this transaction ends.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`project-code:${input.programmeId}`}))`);
    const code = await nextCode(tx, input.programmeId, input.values.themeId);
    const { partnerOrganisationIds, ...fields } = input.values;
    const [project] = await tx
      .insert(projects)
      .values({ programmeId: input.programmeId, code, position: 1000, lifecycle: 'proposed', published: false, status: { nl: 'nieuw', en: 'new' }, ...fields })
      .returning();
    const ref = { id: project!.id, programmeId: input.programmeId };
    const partners = [input.values.leadOrganisationId, ...partnerOrganisationIds.filter((id) => id !== input.values.leadOrganisationId)];
    await tx.insert(projectPartners).values(
      partners.map((organisationId, position) => ({
        programmeId: input.programmeId,
        projectId: project!.id,
        organisationId,
        role: position === 0 ? ('lead' as const) : ('partner' as const),
        position,
        declaredInterest: true,
      })),
    );
    await grantProposerLead(tx, input.actor, ref);
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'proposal.submit', objectType: 'project', objectId: project!.id, after: { code, ...input.values } });
    return { id: project!.id, code };
  });
}

/** The party each organisation counts as (a unit as its parent party), for criterion a and joining. */
export async function loadPartyOf(db: Db, programmeId: string): Promise<PartyOf> {
  return (await loadProgrammeParties(db, programmeId)).partyOf;
}

const bothLanguages = (text: LocalizedText) => [text.nl, text.en].filter(Boolean).join(' ');

/** The facts criteria a-f are evaluated on, read in four queries. */
export async function loadAdmission(db: Db, project: typeof projects.$inferSelect, locale: Locale) {
  const [partners, judgements, decisions, partyOf] = await Promise.all([
    db
      .select({ partner: projectPartners, name: organisations.name })
      .from(projectPartners)
      .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
      .where(eq(projectPartners.projectId, project.id))
      .orderBy(asc(projectPartners.position)),
    db.select().from(criterionJudgements).where(eq(criterionJudgements.projectId, project.id)).orderBy(desc(criterionJudgements.createdAt)),
    db.select().from(admissionDecisions).where(eq(admissionDecisions.projectId, project.id)).orderBy(desc(admissionDecisions.createdAt)),
    loadPartyOf(db, project.programmeId),
  ]);
  const decision = decisions.find((d) => d.kind === 'decision') ?? null;
  const latest = (letter: JudgedCriterion) => judgements.find((j) => j.criterion === letter);
  const judged = (letter: JudgedCriterion) => {
    const j = latest(letter);
    return j ? { met: j.met, reasoning: resolveText(j.reasoning, locale).text } : undefined;
  };
  const facts: ProposalFacts = {
    partners: partners.map(({ partner, name }) => ({
      organisationId: partner.organisationId,
      name: resolveText(name, locale).text,
      role: partner.role,
      declaredInterest: partner.declaredInterest,
    })),
    safeguarding: bothLanguages(project.safeguarding),
    staffingArrangements: bothLanguages(project.staffingArrangements),
    financingArrangements: bothLanguages(project.financingArrangements),
    judgements: { c: judged('c'), d: judged('d') },
    admittedByAgreement: decision?.source === 'agreement' && decision.outcome === 'admit',
  };
  const results: CriterionResult[] = evaluateCriteria(facts, partyOf);
  return {
    results,
    judgements,
    recommendation: decisions.find((d) => d.kind === 'recommendation') ?? null,
    decision,
    decisions,
  };
}

/** A step the admission's state does not allow: refused for the whole form, nothing written. */
const notAllowed = (key: string): Refused => refusedField(FORM_ERROR, key);

export async function judgeCriterion(db: Db, input: { actor: Actor; project: ProjectRef; criterion: JudgedCriterion; met: boolean; reasoning: LocalizedText }): Promise<void> {
  authorize(input.actor, 'proposal.judge', input.project);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(criterionJudgements)
      .values({ programmeId: input.project.programmeId, projectId: input.project.id, criterion: input.criterion, met: input.met, reasoning: input.reasoning, judgedBy: input.actor.userId, judgedByLabel: input.actor.displayName })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.project.programmeId, action: 'criterion.judge', objectType: 'project', objectId: input.project.id, after: { judgementId: row!.id, criterion: input.criterion, met: input.met, reasoning: input.reasoning } });
  });
}

export async function recordRecommendation(
  db: Db,
  input: { actor: Actor; project: ProjectRef; lifecycle: string; outcome: 'admit' | 'reject'; reasons: LocalizedText; decidedOn: string },
): Promise<Outcome<null>> {
  authorize(input.actor, 'proposal.recommend', input.project);
  if (input.lifecycle !== 'proposed') return notAllowed('pf.admission.notProposed');
  return writeTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(admissionDecisions)
      .values({ programmeId: input.project.programmeId, projectId: input.project.id, kind: 'recommendation', outcome: input.outcome, reasons: input.reasons, decidedOn: input.decidedOn, recordedBy: input.actor.userId, recordedByLabel: input.actor.displayName })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.project.programmeId, action: 'admission.recommend', objectType: 'project', objectId: input.project.id, after: row });
    return done(null);
  });
}

/**
 * Whether the decision may be recorded, and the meeting decision it rests on: asked before the
 * confirmation step (so a refusal comes first) and again by the command.
 */
export async function checkAdmissionDecision(
  db: Db,
  input: { project: typeof projects.$inferSelect; outcome: 'admit' | 'reject'; decision: string; locale: Locale },
): Promise<Outcome<BackingDecision>> {
  if (input.project.lifecycle !== 'proposed') return notAllowed('pf.admission.notProposed');
  const admission = await loadAdmission(db, input.project, input.locale);
  if (!admission.recommendation) return notAllowed('pf.admission.needsRecommendation');
  if (input.outcome === 'admit' && !allCriteriaMet(admission.results)) return notAllowed('pf.admission.criteriaMissing');
  const backing = await findBackingDecision(db, input.project.programmeId, input.decision);
  if (!backing) return refusedField('decision', 'pf.admission.decisionNotEligible');
  return done(backing);
}

/**
 * The executive steering group's decision. It rests on a confirmed decision of a held meeting of
 * the executive level (../meetings/backing.ts), whose meeting date it takes. Admission needs a
 * recommendation first and every criterion met: the agreement admits only projects that meet a-f.
 */
export async function decideAdmission(
  db: Db,
  input: { actor: Actor; project: typeof projects.$inferSelect; outcome: 'admit' | 'reject'; reasons: LocalizedText; decision: string; locale: Locale },
): Promise<Outcome<null>> {
  const ref = { id: input.project.id, programmeId: input.project.programmeId };
  authorize(input.actor, 'proposal.decide', ref);
  const checked = await checkAdmissionDecision(db, input);
  if (!checked.ok) return checked;
  const backing = checked.value;
  return writeTransaction(db, async (tx) => {
    // The version check makes a concurrent second decision fail instead of silently winning.
    const updated = await tx
      .update(projects)
      .set({ lifecycle: input.outcome === 'admit' ? 'admitted' : 'rejected', published: input.outcome === 'admit', version: input.project.version + 1, updatedAt: new Date() })
      .where(and(eq(projects.id, ref.id), eq(projects.version, input.project.version), eq(projects.lifecycle, 'proposed')))
      .returning({ id: projects.id });
    if (updated.length === 0) return notAllowed('pf.admission.notProposed');
    const [row] = await tx
      .insert(admissionDecisions)
      .values({
        programmeId: ref.programmeId,
        projectId: ref.id,
        kind: 'decision',
        outcome: input.outcome,
        reasons: input.reasons,
        decidedOn: backing.meetingDate,
        source: 'decision',
        decisionId: backing.id,
        meetingId: backing.meetingId,
        recordedBy: input.actor.userId,
        recordedByLabel: input.actor.displayName,
      })
      .returning();
    await recordAudit(tx, {
      actor: input.actor,
      programmeId: ref.programmeId,
      action: 'admission.decide',
      objectType: 'project',
      objectId: ref.id,
      before: { lifecycle: 'proposed' },
      after: { lifecycle: input.outcome === 'admit' ? 'admitted' : 'rejected', admissionDecisionId: row!.id, meetingDecisionId: backing.id, meetingDate: backing.meetingDate, reasons: input.reasons },
    });
    return done(null);
  });
}
