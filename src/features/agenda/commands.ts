// Writes for the annual agenda. Each command checks permission (./policy.ts), enforces the state
// rule from src/domain/annual-agenda.ts and writes its audit row in the same transaction.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { bodies } from '../../db/schema.ts';
import { carryForward, isValidSpan, transition, type AgendaTransition } from '../../domain/annual-agenda.ts';
import { AccessDenied, type Actor } from '../../domain/policy.ts';
import { field, UUID, type FieldErrors, type FormBody } from '../meetings/forms.ts';
import { bodyRef, getBody } from '../meetings/queries.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { composeEntries, refreshActionStates } from './compose.ts';
import { canAgenda, type AgendaAction } from './policy.ts';
import { annualAgendaEntries, annualAgendas } from './tables.ts';

export type Result = { ok: true; id: string } | { ok: false; errors: FieldErrors };

interface Base {
  actor: Actor | null;
  db: Db;
  programmeId: string;
}

/** The permission each step needs; the steering levels' bodies are loaded for the seat check. */
export async function stepAction(db: Db, programmeId: string, step: AgendaTransition): Promise<AgendaAction> {
  const ref = async (kind: 'support' | 'executive') => {
    const body = await getBody(db, programmeId, kind);
    return body ? bodyRef(db, body) : null;
  };
  switch (step) {
    case 'propose':
    case 'reopen':
      return { do: 'agenda.propose', support: await ref('support') };
    case 'adopt':
      return { do: 'agenda.adopt', executive: await ref('executive') };
    case 'publish':
      return { do: 'agenda.publish' };
  }
}

function requireAgenda(actor: Actor | null, action: AgendaAction): void {
  if (!canAgenda(actor, action)) throw new AccessDenied(action.do);
}

/** A new draft: composed from the portfolio, or from an earlier agenda without finished actions. */
export async function createAgenda(input: Base & { form: FormBody }): Promise<Result> {
  requireAgenda(input.actor, { do: 'agenda.draft' });
  const errors: FieldErrors = {};
  const startYear = Number(field(input.form, 'startYear'));
  const endYear = Number(field(input.form, 'endYear') || field(input.form, 'startYear'));
  if (!isValidSpan(startYear, endYear)) errors.startYear = 'agenda.error.span';
  const basedOn = field(input.form, 'basedOn');
  let previous: { id: string } | undefined;
  if (basedOn) {
    if (UUID.test(basedOn)) {
      [previous] = await input.db.select({ id: annualAgendas.id }).from(annualAgendas).where(and(eq(annualAgendas.id, basedOn), eq(annualAgendas.programmeId, input.programmeId)));
    }
    if (!previous) errors.basedOn = 'meetings.error.choose';
  }
  if (!errors.startYear) {
    const [taken] = await input.db
      .select({ id: annualAgendas.id })
      .from(annualAgendas)
      .where(and(eq(annualAgendas.programmeId, input.programmeId), eq(annualAgendas.startYear, startYear), eq(annualAgendas.endYear, endYear)));
    if (taken) errors.startYear = 'agenda.error.exists';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return input.db.transaction(async (tx) => {
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
    return { ok: true as const, id: agenda!.id };
  });
}

/**
 * Moves the agenda one step, by whom the agreement says (./policy.ts), and never past a state
 * (src/domain/annual-agenda.ts). Adoption names the executive decision that adopted it; that
 * decision must be adopted and taken by the executive level of this programme.
 */
export async function advanceAgenda(input: Base & { agendaId: string; step: AgendaTransition; form: FormBody }): Promise<Result | null> {
  requireAgenda(input.actor, await stepAction(input.db, input.programmeId, input.step));
  const [agenda] = await input.db.select().from(annualAgendas).where(and(eq(annualAgendas.id, input.agendaId), eq(annualAgendas.programmeId, input.programmeId)));
  if (!agenda) return null;
  const next = transition(agenda.state, input.step);
  if (!next) return { ok: false, errors: { state: 'agenda.error.transition' } };
  let decisionId: string | null = agenda.adoptedByDecisionId;
  if (input.step === 'adopt') {
    const chosen = field(input.form, 'decision');
    let decision: { id: string } | undefined;
    if (UUID.test(chosen)) {
      [decision] = await input.db
        .select({ id: decisions.id })
        .from(decisions)
        .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
        .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
        .where(and(eq(decisions.id, chosen), eq(decisions.programmeId, input.programmeId), eq(decisions.outcome, 'adopted'), eq(bodies.kind, 'executive')));
    }
    if (!decision) return { ok: false, errors: { decision: 'agenda.error.decision' } };
    decisionId = decision.id;
  }
  return input.db.transaction(async (tx) => {
    // The version check makes two coordinators clicking at once move the agenda only once.
    const updated = await tx
      .update(annualAgendas)
      .set({ state: next, adoptedByDecisionId: decisionId, version: agenda.version + 1, updatedAt: new Date() })
      .where(and(eq(annualAgendas.id, agenda.id), eq(annualAgendas.version, agenda.version)))
      .returning({ id: annualAgendas.id });
    if (updated.length === 0) return { ok: false as const, errors: { state: 'agenda.error.transition' } };
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: `agenda.${input.step}`, objectType: 'annual_agenda', objectId: agenda.id, before: { state: agenda.state }, after: { state: next, decisionId } });
    return { ok: true as const, id: agenda.id };
  });
}
