// Organisations and the parties of the programme. The agreement's parties are its signatories; a
// unit (faculty, institute) is "deel van / part of" another organisation, and counts as the party
// its parent chain reaches. Pure: it sees only each organisation's parent and the set of parties.

/** Each organisation's parent (null or absent: it is part of nothing). */
export type Parents = ReadonlyMap<string, string | null>;

/**
 * The organisation and its parents, nearest first, starting with the organisation itself. Stops
 * before an organisation it has already seen, so a cycle in stored data cannot loop forever.
 */
export function chainOf(organisationId: string, parents: Parents): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: string | null | undefined = organisationId;
  while (current && !seen.has(current)) {
    seen.add(current);
    chain.push(current);
    current = parents.get(current);
  }
  return chain;
}

/**
 * The party an organisation counts as: itself when it is a party, otherwise the nearest organisation
 * up its parent chain that is one; null when the chain reaches no party (not part of the programme's
 * parties, e.g. a company that joined a project).
 */
export function partyOf(organisationId: string, parents: Parents, parties: ReadonlySet<string>): string | null {
  return chainOf(organisationId, parents).find((id) => parties.has(id)) ?? null;
}

/** The distinct parties a list of organisations counts as, in the order first met; non-parties left out. */
export function distinctParties(organisationIds: readonly string[], parents: Parents, parties: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const id of organisationIds) {
    const party = partyOf(id, parents, parties);
    if (party !== null && !found.includes(party)) found.push(party);
  }
  return found;
}

/** Whether an organisation counts as `partyId`: it is that party or one of its units. */
export function belongsToParty(organisationId: string, partyId: string, parents: Parents): boolean {
  return chainOf(organisationId, parents).includes(partyId);
}

export type ParentProblem = 'self' | 'cycle';

/**
 * Whether `parentId` may become the parent of `organisationId`: not itself, and not one of its own
 * units (directly or further down), which would close a cycle. Null: allowed (also for no parent).
 */
export function parentProblem(organisationId: string, parentId: string | null, parents: Parents): ParentProblem | null {
  // Stryker disable next-line ConditionalExpression: without it a null parent reaches chainOf, whose chain of nothing is empty: also null
  if (parentId === null) return null;
  if (parentId === organisationId) return 'self';
  return chainOf(parentId, parents).includes(organisationId) ? 'cycle' : null;
}
