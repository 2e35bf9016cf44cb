// A successor programme: started from a running or finished programme, it carries over the parties
// (with their representatives), themes, criteria and bodies, and the projects the administrator
// selects with their partners and the actions still open. These are the rules of what may be
// carried; the copying itself is src/features/programmes/successor-commands.ts.
import type { ActionState, Lifecycle, Role } from '../db/schema.ts';
import type { ProgrammeStage } from './lifecycle.ts';
import { addDays, addMonths } from './term.ts';

/** An action still to be done: open or in progress. Done and cancelled ones stay with the predecessor. */
export function isOpenAction(state: ActionState): boolean {
  return state === 'open' || state === 'in_progress';
}

/**
 * Projects that still have work ahead may go on in the successor: proposed, admitted or running.
 * A completed, safeguarded, rejected or stopped project is part of the predecessor's results.
 */
export function mayCarryProject(lifecycle: Lifecycle): boolean {
  return lifecycle === 'proposed' || lifecycle === 'admitted' || lifecycle === 'running';
}

/** Why a programme cannot have a successor started now, or null when it can. */
export type SuccessorBlock = 'preparation' | 'hasSuccessor';

/** A programme that has started (running or finished) may get one successor; one in preparation none. */
export function successorBlock(stage: ProgrammeStage, hasSuccessor: boolean): SuccessorBlock | null {
  if (hasSuccessor) return 'hasSuccessor';
  if (stage === 'preparation') return 'preparation';
  return null;
}

/** The shortest and longest term a successor may be started with, in whole years. */
export const SUCCESSOR_TERM_YEARS = { min: 1, max: 10 } as const;

/** The last day in force of a term of `years` starting on `startOn` (the day before the anniversary). */
export function successorEndOn(startOn: string, years: number): string {
  return addDays(addMonths(startOn, years * 12), -1);
}

/** A successor starts after its predecessor started (it may overlap a running one's last months). */
export function validSuccessorStart(startOn: string, predecessorStartOn: string): boolean {
  return startOn > predecessorStartOn;
}

/**
 * The roles someone keeps in the successor. The one who starts it keeps their programme-wide role
 * (administrator or coordinator), or nobody could manage the new programme. Everyone else's roles
 * follow what is carried: a lead keeps leading a carried project, a partner contact keeps their
 * organisation (every organisation is carried). Steering-group seats and other coordinators are not
 * carried: the parties appoint them anew for the new term.
 */
export function carriedRole(
  assignment: { role: Role; userId: string; projectId: string | null; organisationId: string | null },
  starterUserId: string,
  carriedProjectIds: ReadonlySet<string>,
): boolean {
  switch (assignment.role) {
    case 'admin':
    case 'coordinator':
      return assignment.userId === starterUserId;
    case 'lead':
      return assignment.projectId !== null && carriedProjectIds.has(assignment.projectId);
    case 'partner':
      return assignment.organisationId !== null;
    default:
      return false;
  }
}

/** A programme's address: lower-case letters, digits and single hyphens, 2 to 60 characters. */
export function validProgrammeSlug(slug: string): boolean {
  return slug.length >= 2 && slug.length <= 60 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug);
}

/** Addresses that a programme may not take because the installation's own pages use them. */
export const RESERVED_SLUGS: readonly string[] = ['account', 'admin', 'api', 'assets', 'invitation', 'login', 'logout', 'mail', 'my-work', 'open-data', 'password', 'programmes', 'setup'];
