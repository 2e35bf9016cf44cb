// Proposals and their admission: submit, judge criteria c and d, the support steering group's
// recommendation and the executive steering group's decision. The criteria themselves are the pure
// rule in domain/criteria.ts; this module gathers its facts and records what people decide.
import { and, asc, desc, eq, ilike, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { organisations, projectPartners, projects, themes } from '../../db/schema.ts';
import { evaluateCriteria, allCriteriaMet, type CriterionResult, type JudgedCriterion, type ProposalFacts } from '../../domain/criteria.ts';
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

/** The facts criteria a-f are evaluated on, read in three queries. */
export async function loadAdmission(db: Db, project: typeof projects.$inferSelect, locale: Locale) {
  const [partners, judgements, decisions] = await Promise.all([
    db
      .select({ partner: projectPartners, name: organisations.name })
      .from(projectPartners)
      .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
      .where(eq(projectPartners.projectId, project.id))
      .orderBy(asc(projectPartners.position)),
    db.select().from(criterionJudgements).where(eq(criterionJudgements.projectId, project.id)).orderBy(desc(criterionJudgements.createdAt)),
    db.select().from(admissionDecisions).where(eq(admissionDecisions.projectId, project.id)).orderBy(desc(admissionDecisions.createdAt)),
  ]);
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
      commitmentAgreed: partner.commitmentAgreed,
    })),
    safeguarding: [project.safeguarding.nl, project.safeguarding.en].filter(Boolean).join(' '),
    judgements: { c: judged('c'), d: judged('d') },
  };
  const results: CriterionResult[] = evaluateCriteria(facts);
  return {
    results,
    judgements,
    recommendation: decisions.find((d) => d.kind === 'recommendation') ?? null,
    decision: decisions.find((d) => d.kind === 'decision') ?? null,
    decisions,
  };
}

export class AdmissionRefused extends Error {
  constructor(public readonly messageKey: string) {
    super(messageKey);
  }
}

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
): Promise<void> {
  authorize(input.actor, 'proposal.recommend', input.project);
  if (input.lifecycle !== 'proposed') throw new AdmissionRefused('pf.admission.notProposed');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(admissionDecisions)
      .values({ programmeId: input.project.programmeId, projectId: input.project.id, kind: 'recommendation', outcome: input.outcome, reasons: input.reasons, decidedOn: input.decidedOn, recordedBy: input.actor.userId, recordedByLabel: input.actor.displayName })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.project.programmeId, action: 'admission.recommend', objectType: 'project', objectId: input.project.id, after: row });
  });
}

/**
 * The executive steering group's decision. Admission needs a recommendation first and every
 * criterion met: the agreement admits only projects that meet a-f.
 */
export async function decideAdmission(
  db: Db,
  input: { actor: Actor; project: typeof projects.$inferSelect; outcome: 'admit' | 'reject'; reasons: LocalizedText; decidedOn: string; locale: Locale },
): Promise<void> {
  const ref = { id: input.project.id, programmeId: input.project.programmeId };
  authorize(input.actor, 'proposal.decide', ref);
  if (input.project.lifecycle !== 'proposed') throw new AdmissionRefused('pf.admission.notProposed');
  const admission = await loadAdmission(db, input.project, input.locale);
  if (!admission.recommendation) throw new AdmissionRefused('pf.admission.needsRecommendation');
  if (input.outcome === 'admit' && !allCriteriaMet(admission.results)) throw new AdmissionRefused('pf.admission.criteriaMissing');
  await db.transaction(async (tx) => {
    // The version check makes a concurrent second decision fail instead of silently winning.
    const updated = await tx
      .update(projects)
      .set({ lifecycle: input.outcome === 'admit' ? 'admitted' : 'rejected', published: input.outcome === 'admit', version: input.project.version + 1, updatedAt: new Date() })
      .where(and(eq(projects.id, ref.id), eq(projects.version, input.project.version), eq(projects.lifecycle, 'proposed')))
      .returning({ id: projects.id });
    if (updated.length === 0) throw new AdmissionRefused('pf.admission.notProposed');
    const [row] = await tx
      .insert(admissionDecisions)
      .values({ programmeId: ref.programmeId, projectId: ref.id, kind: 'decision', outcome: input.outcome, reasons: input.reasons, decidedOn: input.decidedOn, recordedBy: input.actor.userId, recordedByLabel: input.actor.displayName })
      .returning();
    await recordAudit(tx, {
      actor: input.actor,
      programmeId: ref.programmeId,
      action: 'admission.decide',
      objectType: 'project',
      objectId: ref.id,
      before: { lifecycle: 'proposed' },
      after: { lifecycle: input.outcome === 'admit' ? 'admitted' : 'rejected', decisionId: row!.id, reasons: input.reasons },
    });
  });
}
