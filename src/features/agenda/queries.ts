import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bodies, projects } from '../../db/schema.ts';
import type { AnnualAgendaState } from '../../domain/annual-agenda.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { decisionInForce } from '../meetings/queries.ts';
import { annualAgendaEntries, annualAgendas } from './tables.ts';

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

export async function getAdoption(db: Db, decisionId: string | null) {
  if (!decisionId) return null;
  const [row] = await db
    .select({ decision: decisions, meetingId: meetings.id, startsAt: meetings.startsAt })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .where(eq(decisions.id, decisionId));
  return row ?? null;
}

export async function adoptedExecutiveDecisions(db: Db, programmeId: string) {
  return db
    .select({ id: decisions.id, text: decisions.text, startsAt: meetings.startsAt })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(decisions.programmeId, programmeId), eq(decisions.outcome, 'adopted'), inArray(bodies.kind, ['executive']), decisionInForce()))
    .orderBy(desc(meetings.startsAt))
    .limit(100);
}
