// Which party of the programme an organisation counts as: a signatory itself, or a unit whose
// "part of" chain reaches one (src/domain/parties.ts holds the rule). Two queries per call,
// whatever the depth: every organisation's parent and the signatories.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agreementParties, organisations } from '../../db/schema.ts';
import { belongsToParty, distinctParties, partyOf, type Parents } from '../../domain/parties.ts';

export interface ProgrammeParties {
  parents: Parents;
  /** The organisation ids of the signatory parties. */
  partyOrganisationIds: ReadonlySet<string>;
  /** The agreement_parties row of each signatory organisation. */
  partyRowOf: ReadonlyMap<string, string>;
  /** The organisation id of the party `organisationId` counts as; null when none. */
  partyOf(organisationId: string): string | null;
  /** The distinct parties a list of organisations counts as (two units of one party count once). */
  distinctParties(organisationIds: readonly string[]): string[];
  /** Whether the organisation is the party's own organisation or one of its units. */
  belongsTo(organisationId: string, partyOrganisationId: string): boolean;
}

export async function loadProgrammeParties(db: Db, programmeId: string): Promise<ProgrammeParties> {
  const [orgs, parties] = await Promise.all([
    db.select({ id: organisations.id, parentId: organisations.parentId }).from(organisations).where(eq(organisations.programmeId, programmeId)),
    db.select({ id: agreementParties.id, organisationId: agreementParties.organisationId }).from(agreementParties).where(eq(agreementParties.programmeId, programmeId)),
  ]);
  const parents: Parents = new Map(orgs.map((o) => [o.id, o.parentId]));
  const partyOrganisationIds = new Set(parties.map((p) => p.organisationId));
  return {
    parents,
    partyOrganisationIds,
    partyRowOf: new Map(parties.map((p) => [p.organisationId, p.id])),
    partyOf: (organisationId) => partyOf(organisationId, parents, partyOrganisationIds),
    distinctParties: (organisationIds) => distinctParties(organisationIds, parents, partyOrganisationIds),
    belongsTo: (organisationId, partyOrganisationId) => belongsToParty(organisationId, partyOrganisationId, parents),
  };
}

/** The organisation id of the party an organisation counts as, or null. */
export async function partyOfOrganisation(db: Db, programmeId: string, organisationId: string): Promise<string | null> {
  return (await loadProgrammeParties(db, programmeId)).partyOf(organisationId);
}
