// Who moves the annual agenda through its states. Pure and denied by default. The agreement has
// the support level propose it and the executive level adopt it, so:
//   draft    — the coordinator draws it up (and publishes it once adopted);
//   propose  — members of the support steering group, or the coordinator as its secretary;
//   adopt    — members of the executive steering group, or the coordinator recording the decision
//              an executive meeting took (the command requires that decision either way).
// A member is someone with the level's role in this programme or an active seat in the body.
// Which step may follow which is the state rule in src/domain/annual-agenda.ts, not this file.
import type { Rules } from '../../domain/policy.ts';
import { hasRole, type Actor } from '../../domain/policy.ts';
import type { BodyRef } from '../meetings/policy.ts';

export type AgendaAction =
  | { do: 'agenda.draft' }
  | { do: 'agenda.propose'; support: BodyRef | null }
  | { do: 'agenda.adopt'; executive: BodyRef | null }
  | { do: 'agenda.publish' };

const seated = (actor: Actor, body: BodyRef | null) => !!body && body.programmeId === actor.programmeId && body.memberUserIds.includes(actor.userId);

export function canAgenda(actor: Actor | null | undefined, action: AgendaAction): boolean {
  if (!actor) return false;
  const coordinates = hasRole(actor, 'admin', 'coordinator');
  switch (action.do) {
    case 'agenda.draft':
    case 'agenda.publish':
      return coordinates;
    case 'agenda.propose':
      return coordinates || hasRole(actor, 'support') || seated(actor, action.support);
    case 'agenda.adopt':
      return coordinates || hasRole(actor, 'executive') || seated(actor, action.executive);
    default:
      return false;
  }
}

/** The agenda capability's named actions (issue 19: every route and command names one of these). */
export const agendaRules = {} satisfies Rules;
