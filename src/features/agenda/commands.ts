// Writes for the annual agenda. Each command takes parsed input (./schema.ts), checks permission
// (./policy.ts), enforces the state rule from src/domain/annual-agenda.ts, refuses per field
// (Outcome) and writes its audit row in the same transaction.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { carryForward, isValidSpan, transition, type AgendaTransition } from '../../domain/annual-agenda.ts';
import { done, refusedField, type Outcome } from '../../domain/outcome.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize, can } from '../../policies.ts';
import type { BodyRef } from '../meetings/policy.ts';
import { bodyRef, getBody } from '../meetings/queries.ts';
import { findBackingDecision, type BackingDecision } from '../meetings/backing.ts';
import { composeEntries, refreshActionStates } from './compose.ts';
import type { AdvanceInput, AgendaCreateInput } from './schema.ts';
import { annualAgendaEntries, annualAgendas } from './tables.ts';

interface Base {
  actor: Actor | null;
  db: Db;
  programmeId: string;
}

/** A steering level's body with its seated users: proposing and adopting are answered for it. */
async function levelBody(db: Db, programmeId: string, kind: 'support' | 'executive'): Promise<BodyRef | null> {
  const body = await getBody(db, programmeId, kind);
  return body ? bodyRef(db, body) : null;
}

/** Whether the actor may take this step (the state decides whether it is possible now). */
export async function mayTakeStep(db: Db, programmeId: string, actor: Actor | null, step: AgendaTransition): Promise<boolean> {
  if (!actor) return false;
  switch (step) {
    case 'propose':
    case 'reopen':
      return can(actor, 'agenda.propose', await levelBody(db, programmeId, 'support'));
    case 'adopt':
      return can(actor, 'agenda.adopt', await levelBody(db, programmeId, 'executive'));
    case 'publish':
      return can(actor, 'agenda.publish');
  }
}

async function authorizeStep(db: Db, programmeId: string, actor: Actor | null, step: AgendaTransition): Promise<void> {
  switch (step) {
    case 'propose':
    case 'reopen':
      return authorize(actor, 'agenda.propose', await levelBody(db, programmeId, 'support'));
    case 'adopt':
      return authorize(actor, 'agenda.adopt', await levelBody(db, programmeId, 'executive'));
    case 'publish':
      return authorize(actor, 'agenda.publish');
  }
}

/** A new draft: composed from the portfolio, or from an earlier agenda without finished actions. */
export async function createAgenda(input: Base & { agenda: AgendaCreateInput }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'agenda.draft');
  const { startYear, endYear = startYear, basedOn } = input.agenda;
  if (!isValidSpan(startYear, endYear)) return refusedField('startYear', 'agenda.error.span');
  let previous: { id: string } | undefined;
  if (basedOn) {
    [previous] = await input.db.select({ id: annualAgendas.id }).from(annualAgendas).where(and(eq(annualAgendas.id, basedOn), eq(annualAgendas.programmeId, input.programmeId)));
    if (!previous) return refusedField('basedOn', 'form.error.choice');
  }
  const [taken] = await input.db
    .select({ id: annualAgendas.id })
    .from(annualAgendas)
    .where(and(eq(annualAgendas.programmeId, input.programmeId), eq(annualAgendas.startYear, startYear), eq(annualAgendas.endYear, endYear)));
  if (taken) return refusedField('startYear', 'agenda.error.exists');
  return writeTransaction(input.db, async (tx) => {
    let entries;
    if (previous) {
      const rows = await tx.select().from(annualAgendaEntries).where(eq(annualAgendaEntries.agendaId, previous.id)).orderBy(annualAgendaEntries.position);
      entries = carryForward(await refreshActionStates(tx, rows));
    } else {
      entries = await composeEntries(tx, input.programmeId);
    }
    const [agenda] = await tx.insert(annualAgendas).values({ programmeId: input.programmeId, startYear, endYear, basedOnId: previous?.id ?? null }).returning();
    if (entries.length > 0) {
      await tx.insert(annualAgendaEntries).values(
        entries.map((entry, position) => ({ programmeId: input.programmeId, agendaId: agenda!.id, projectId: entry.projectId, position, lead: entry.lead, staffing: entry.staffing, actions: entry.actions })),
      );
    }
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'agenda.create', objectType: 'annual_agenda', objectId: agenda!.id, after: { startYear, endYear, basedOn: previous?.id ?? null, entries: entries.length } });
    return done({ id: agenda!.id });
  });
}

/**
 * The decision an adoption rests on, when it may: adopted by the executive level of this programme
 * at a held meeting and in force (confirmed by a member who attended, not withdrawn). Asked before
 * the confirmation step and again when adopting.
 */
export async function adoptionDecision(db: Db, programmeId: string, decisionId: string | undefined): Promise<Outcome<BackingDecision>> {
  const decision = await findBackingDecision(db, programmeId, decisionId);
  return decision ? done(decision) : refusedField('decision', 'agenda.error.decision');
}

/**
 * Moves the agenda one step, by whom the agreement says (./policy.ts), and never past a state
 * (src/domain/annual-agenda.ts). Adoption names the executive decision that adopted it
 * (`adoptionDecision`); the agenda shows that meeting's date.
 */
export async function advanceAgenda(input: Base & { agendaId: string; step: AgendaTransition; advance: AdvanceInput }): Promise<Outcome<{ id: string }> | null> {
  await authorizeStep(input.db, input.programmeId, input.actor, input.step);
  const [agenda] = await input.db.select().from(annualAgendas).where(and(eq(annualAgendas.id, input.agendaId), eq(annualAgendas.programmeId, input.programmeId)));
  if (!agenda) return null;
  const next = transition(agenda.state, input.step);
  if (!next) return refusedField('state', 'agenda.error.transition');
  let decisionId: string | null = agenda.adoptedByDecisionId;
  let adoptedBy = agenda.adoptedBy;
  let meetingDate: string | undefined;
  if (input.step === 'adopt') {
    const decision = await adoptionDecision(input.db, input.programmeId, input.advance.decision);
    if (!decision.ok) return decision;
    decisionId = decision.value.id;
    adoptedBy = 'decision';
    meetingDate = decision.value.meetingDate;
  }
  return writeTransaction(input.db, async (tx) => {
    // The version check makes two coordinators clicking at once move the agenda only once.
    const updated = await tx
      .update(annualAgendas)
      .set({ state: next, adoptedBy, adoptedByDecisionId: decisionId, version: agenda.version + 1, updatedAt: new Date() })
      .where(and(eq(annualAgendas.id, agenda.id), eq(annualAgendas.version, agenda.version)))
      .returning({ id: annualAgendas.id });
    if (updated.length === 0) return refusedField('state', 'agenda.error.transition');
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: `agenda.${input.step}`, objectType: 'annual_agenda', objectId: agenda.id, before: { state: agenda.state }, after: { state: next, decisionId, ...(meetingDate ? { meetingDate } : {}) } });
    return done({ id: agenda.id });
  });
}
