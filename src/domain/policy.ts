// Who may do what: pure functions over the actor's role assignments in one programme. Denied by
// default: an action that no rule allows is refused. Views call `can` to show or hide controls;
// commands call `authorize` so no caller can forget the check.
import type { Role } from '../db/schema.ts';

export interface Assignment {
  role: Role;
  projectId?: string | null;
  organisationId?: string | null;
}

export interface Actor {
  userId: string;
  displayName: string;
  programmeId: string | null;
  assignments: Assignment[];
}

export interface ProjectRef {
  id: string;
  programmeId: string;
  partnerOrganisationIds?: string[];
}

export type Action =
  | { do: 'programme.manage' }
  | { do: 'programme.viewInternal' }
  | { do: 'users.manage' }
  | { do: 'project.propose' }
  | { do: 'project.edit'; project: ProjectRef }
  | { do: 'project.viewInternal'; project: ProjectRef };

export function hasRole(actor: Actor | null | undefined, ...roles: Role[]): boolean {
  return !!actor && actor.assignments.some((assignment) => roles.includes(assignment.role));
}

export function leadsProject(actor: Actor | null | undefined, projectId: string): boolean {
  return !!actor && actor.assignments.some((a) => a.role === 'lead' && a.projectId === projectId);
}

export function memberOfOrganisation(actor: Actor | null | undefined, organisationIds: string[]): boolean {
  return !!actor && actor.assignments.some((a) => a.role === 'partner' && !!a.organisationId && organisationIds.includes(a.organisationId));
}

export function can(actor: Actor | null | undefined, action: Action): boolean {
  if (!actor) return false;
  switch (action.do) {
    case 'programme.manage':
      return hasRole(actor, 'admin', 'coordinator');
    case 'users.manage':
      return hasRole(actor, 'admin');
    case 'programme.viewInternal':
      return hasRole(actor, 'admin', 'coordinator', 'executive', 'support');
    case 'project.propose':
      return actor.assignments.length > 0;
    case 'project.edit':
      return inProgramme(actor, action.project.programmeId) && (hasRole(actor, 'admin', 'coordinator') || leadsProject(actor, action.project.id));
    case 'project.viewInternal':
      return (
        inProgramme(actor, action.project.programmeId) &&
        (hasRole(actor, 'admin', 'coordinator', 'executive', 'support') ||
          leadsProject(actor, action.project.id) ||
          memberOfOrganisation(actor, action.project.partnerOrganisationIds ?? []))
      );
    default:
      return false;
  }
}

function inProgramme(actor: Actor, programmeId: string): boolean {
  return actor.programmeId === programmeId;
}

export class AccessDenied extends Error {
  constructor(public readonly action: string) {
    super(`Not allowed: ${action}`);
  }
}

export function authorize(actor: Actor | null | undefined, action: Action): void {
  if (!can(actor, action)) throw new AccessDenied(action.do);
}
