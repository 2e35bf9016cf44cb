import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agreements, projects } from '../../db/schema.ts';
import type { AnnualAgendaState } from '../../domain/annual-agenda.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { annualAgendaEntries, annualAgendas } from './tables.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';

export type AnnualAgenda = typeof annualAgendas.$inferSelect;

export async function listAgendas(db: Db, programmeId: string, includeInternal: boolean) {
  const scope = eq(annualAgendas.programmeId, programmeId);
  return db
    .select()
    .from(annualAgendas)
    .where(includeInternal ? scope : and(scope, eq(annualAgendas.state, 'published' as AnnualAgendaState)))
    .orderBy(desc(annualAgendas.startYear), desc(annualAgendas.endYear));
}

export async function getAgenda(db: Db, programmeId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(annualAgendas).where(and(eq(annualAgendas.id, id), eq(annualAgendas.programmeId, programmeId)));
  return row ?? null;
}

export async function listEntries(db: Db, agendaId: string) {
  return db
    .select({ entry: annualAgendaEntries, code: projects.code, title: projects.title })
    .from(annualAgendaEntries)
    .innerJoin(projects, eq(projects.id, annualAgendaEntries.projectId))
    .where(eq(annualAgendaEntries.agendaId, agendaId))
    .orderBy(asc(annualAgendaEntries.position));
}

export type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];

/** The meeting decision that adopted the agenda, with its meeting; null for none. */
export async function getAdoption(db: Db, decisionId: string | null) {
  if (!decisionId) return null;
  const [row] = await db
    .select({ decision: decisions, meetingId: meetings.id, startsAt: meetings.startsAt })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .where(eq(decisions.id, decisionId));
  return row ?? null;
}

/**
 * What adopted the agenda, as its page and the API show it: a meeting decision (the meeting's date)
 * or the agreement (the day it was signed); null while not adopted.
 */
export async function adoptionSource(db: Db, agenda: AnnualAgenda) {
  if (agenda.adoptedBy === 'agreement') {
    const [agreement] = await db.select({ signedOn: agreements.signedOn }).from(agreements).where(eq(agreements.programmeId, agenda.programmeId)).orderBy(asc(agreements.signedOn)).limit(1);
    return agreement ? { kind: 'agreement' as const, date: agreement.signedOn, adoption: null } : null;
  }
  const adoption = await getAdoption(db, agenda.adoptedByDecisionId);
  return adoption ? { kind: 'decision' as const, date: toAmsterdam(adoption.startsAt).date, adoption } : null;
}

export type AdoptionSource = Awaited<ReturnType<typeof adoptionSource>>;

