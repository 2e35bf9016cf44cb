// The annual agenda (jaaragenda): per calendar year or span, the projects with their actions, lead
// and staffing, as the steering group adopted them. Entries are snapshots, so two versions can be
// compared even after the projects themselves have moved on.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../domain/localized.ts';
import { programmes, projects } from '../../db/schema.ts';
import { decisions } from '../meetings/tables.ts';
import type { AgendaAction, AnnualAgendaState } from '../../domain/annual-agenda.ts';

export const AGENDA_ADOPTION_SOURCES = ['decision', 'agreement'] as const;
export type AgendaAdoptionSource = (typeof AGENDA_ADOPTION_SOURCES)[number];

const text2 = (name: string) => jsonb(name).$type<LocalizedText>();

export const annualAgendas = pgTable(
  'annual_agendas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    state: text('state').$type<AnnualAgendaState>().notNull().default('draft'),
    basedOnId: uuid('based_on_id'),
    /**
     * What adopted it: a confirmed executive decision (`adoptedByDecisionId`) or the agreement itself
     * (the first agenda, annexed to it); null while not adopted.
     */
    adoptedBy: text('adopted_by').$type<AgendaAdoptionSource>(),
    adoptedByDecisionId: uuid('adopted_by_decision_id').references(() => decisions.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('annual_agendas_programme_span').on(t.programmeId, t.startYear, t.endYear)],
);

export const annualAgendaEntries = pgTable(
  'annual_agenda_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    agendaId: uuid('agenda_id')
      .notNull()
      .references(() => annualAgendas.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    lead: text2('lead').notNull().default({}),
    staffing: text2('staffing').notNull().default({}),
    actions: jsonb('actions').$type<AgendaAction[]>().notNull().default([]),
  },
  (t) => [index('annual_agenda_entries_agenda').on(t.agendaId, t.position)],
);
