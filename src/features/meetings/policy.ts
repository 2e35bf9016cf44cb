// Who may see and do what with a body's meetings. Pure and denied by default: the coordinator
// (and admin) prepares everything; a body's members see its non-public items; the executive level
// also sees the support level's preparations; everyone else sees only public decisions.
import type { BodyKind } from '../../db/schema.ts';
import { coordinates, hasRole, programmeRule, type Actor, type Rules } from '../../domain/policy.ts';

export interface BodyRef {
  id: string;
  kind: BodyKind;
  programmeId: string;
  /** Users with an active membership of this body. */
  memberUserIds: string[];
}

export type MeetingAction = { do: 'meetings.prepare' } | { do: 'body.viewInternal'; body: BodyRef };

export function canMeetings(actor: Actor | null | undefined, action: MeetingAction): boolean {
  if (!actor) return false;
  switch (action.do) {
    case 'meetings.prepare':
      return hasRole(actor, 'admin', 'coordinator');
    case 'body.viewInternal': {
      const { body } = action;
      if (actor.programmeId !== body.programmeId) return false;
      if (hasRole(actor, 'admin', 'coordinator')) return true;
      if (body.memberUserIds.includes(actor.userId)) return true;
      if (body.kind === 'executive') return hasRole(actor, 'executive');
      if (body.kind === 'support') return hasRole(actor, 'executive', 'support');
      return false;
    }
    default:
      return false;
  }
}

/** The meetings capability's named actions (issue 19: every route and command names one of these). */
export const meetingsRules = {
  /** Add members to a body of the steering group and end their seats: the secretary's work. */
  'body.manageMembers': programmeRule(coordinates),
} satisfies Rules;
