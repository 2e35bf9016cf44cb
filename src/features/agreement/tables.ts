// The agreement's life after signing: who speaks for each party, every consolidated version,
// proposed amendments (text edits or a renewal) and each party's answer to them.
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../domain/localized.ts';
import type { StaleTranslations } from '../../domain/translation.ts';
import { agreementParties, agreements, programmes, users } from '../../db/schema.ts';

const programmeRef = () =>
  uuid('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' });
const agreementRef = () =>
  uuid('agreement_id')
    .notNull()
    .references(() => agreements.id, { onDelete: 'cascade' });

/** One section as it stands in a version. */
export interface SectionSnapshot {
  key: string;
  position: number;
  heading: LocalizedText;
  body: LocalizedText;
}

/** A proposed new text for one existing section. */
export interface SectionEdit {
  key: string;
  body: LocalizedText;
}

/** Users entitled to speak for a party, appointed by the coordinator: people of that party (or its units). */
export const agreementRepresentatives = pgTable(
  'agreement_representatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    partyId: uuid('party_id')
      .notNull()
      .references(() => agreementParties.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One person represents at most one party at a time (issue 17: unanimity means every party).
  (t) => [uniqueIndex('agreement_representatives_programme_user').on(t.programmeId, t.userId), index('agreement_representatives_user').on(t.userId), index('agreement_representatives_party').on(t.partyId)],
);

/** Every consolidated text, whole: version 1 is the signed text. */
export const agreementVersions = pgTable(
  'agreement_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    agreementId: agreementRef(),
    number: integer('number').notNull(),
    sections: jsonb('sections').$type<SectionSnapshot[]>().notNull(),
    /** The amendment that produced this version; null for the signed text. */
    amendmentId: uuid('amendment_id'),
    effectiveOn: date('effective_on').notNull(),
    /**
     * Per section key, the language whose text is behind: an amendment that changed one language of
     * a section and not the other leaves the other out of date until a later amendment updates it.
     */
    staleTranslations: jsonb('stale_translations').$type<StaleTranslations>().notNull().default({}),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agreement_versions_number').on(t.agreementId, t.number)],
);

export const AMENDMENT_KINDS = ['text', 'renewal'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

export const agreementAmendments = pgTable(
  'agreement_amendments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    agreementId: agreementRef(),
    /** Sequence per agreement, shown as "amendment 3". */
    number: integer('number').notNull(),
    kind: text('kind').$type<AmendmentKind>().notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    reason: jsonb('reason').$type<LocalizedText>().notNull(),
    edits: jsonb('edits').$type<SectionEdit[]>().notNull().default([]),
    /** The version the edits were written against. */
    baseVersion: integer('base_version').notNull(),
    proposedByPartyId: uuid('proposed_by_party_id')
      .notNull()
      .references(() => agreementParties.id),
    proposedByUserId: uuid('proposed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    proposedByName: text('proposed_by_name').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    /** The version written on adoption (text amendments). */
    resultVersion: integer('result_version'),
  },
  (t) => [uniqueIndex('agreement_amendments_number').on(t.agreementId, t.number)],
);

export const ANSWERS = ['consent', 'objection'] as const;

/** One answer of a party; a withdrawn answer stays on record. At most one standing answer per party. */
export const agreementConsents = pgTable(
  'agreement_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeRef(),
    amendmentId: uuid('amendment_id')
      .notNull()
      .references(() => agreementAmendments.id, { onDelete: 'cascade' }),
    partyId: uuid('party_id')
      .notNull()
      .references(() => agreementParties.id),
    answer: text('answer').$type<(typeof ANSWERS)[number]>().notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    personName: text('person_name').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note').notNull().default(''),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnByName: text('withdrawn_by_name'),
  },
  (t) => [
    uniqueIndex('agreement_consents_standing').on(t.amendmentId, t.partyId).where(sql`withdrawn_at is null`),
    index('agreement_consents_amendment').on(t.amendmentId),
  ],
);

/** Each adopted renewal and the term it set. */
export const agreementRenewals = pgTable('agreement_renewals', {
  id: uuid('id').primaryKey().defaultRandom(),
  programmeId: programmeRef(),
  agreementId: agreementRef(),
  amendmentId: uuid('amendment_id')
    .notNull()
    .references(() => agreementAmendments.id),
  previousEndOn: date('previous_end_on').notNull(),
  newEndOn: date('new_end_on').notNull(),
  adoptedAt: timestamp('adopted_at', { withTimezone: true }).notNull().defaultNow(),
});
