// The coordinator edits an organisation: its kind, short name, website and what it is "deel van /
// part of". A parent that would make the organisation part of itself (directly or through its own
// units) is refused, nothing stored: a unit counts as the party its parent chain reaches
// (src/domain/parties.ts), so the chain must end.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations, type OrganisationKind } from '../../db/schema.ts';
import { saveVersioned, type Conflict, type Saved } from '../../db/versioned.ts';
import { refusedField, type Refused } from '../../domain/outcome.ts';
import { parentProblem } from '../../domain/parties.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize } from '../../policies.ts';

export interface OrganisationInput {
  kind: OrganisationKind;
  shortName: string | null;
  website: string | null;
  parentId: string | null;
}

type OrganisationRow = typeof organisations.$inferSelect;

export async function updateOrganisation(
  db: Db,
  input: { actor: Actor; programmeId: string; organisationId: string; expectedVersion: number; values: OrganisationInput },
): Promise<Saved<OrganisationRow> | Conflict<OrganisationRow> | Refused> {
  authorize(input.actor, 'organisation.edit');
  return saveVersioned(db, {
    table: organisations,
    row: and(eq(organisations.id, input.organisationId), eq(organisations.programmeId, input.programmeId))!,
    what: 'organisation',
    expectedVersion: input.expectedVersion,
    values: input.values,
    refuse: async (tx, current) => {
      const parentId = input.values.parentId;
      if (parentId === null || parentId === current.parentId) return null;
      // Two saves that each look fine alone (A under B, B under A) would close a cycle together:
      // parent changes of one programme queue here, and the second reads what the first committed.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`organisation-parents:${input.programmeId}`}))`);
      const rows = await tx.select({ id: organisations.id, parentId: organisations.parentId }).from(organisations).where(eq(organisations.programmeId, input.programmeId));
      if (!rows.some((r) => r.id === parentId)) return refusedField('parentId', 'organisation.error.parentUnknown');
      const problem = parentProblem(current.id, parentId, new Map(rows.map((r) => [r.id, r.parentId])));
      if (problem === 'self') return refusedField('parentId', 'organisation.error.parentSelf');
      if (problem === 'cycle') return refusedField('parentId', 'organisation.error.parentCycle');
      return null;
    },
    audit: { actor: input.actor, action: 'organisation.update', objectType: 'organisation' },
  });
}
