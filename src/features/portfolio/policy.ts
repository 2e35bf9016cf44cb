// Who may do what with projects, proposals and cross-overs. Pure functions over the actor's
// assignments in the programme, denied by default, built on the shared rules in domain/policy.ts.
// Views use these to show or hide controls; commands call `require` so no caller can forget.
import type { Rules } from '../../domain/policy.ts';
import { AccessDenied, can, hasRole, leadsProject, type Actor, type ProjectRef } from '../../domain/policy.ts';

export type PortfolioAction =
  | { do: 'project.edit'; project: ProjectRef }
  | { do: 'project.viewInternal'; project: ProjectRef }
  | { do: 'project.propose' }
  | { do: 'proposal.judge'; project: ProjectRef }
  | { do: 'proposal.recommend'; project: ProjectRef }
  | { do: 'proposal.decide'; project: ProjectRef }
  | { do: 'crossOver.manage'; projects: ProjectRef[] }
  | { do: 'portfolio.export' };

const inProgramme = (actor: Actor, ref: ProjectRef) => actor.programmeId === ref.programmeId;

export function may(actor: Actor | null | undefined, action: PortfolioAction): boolean {
  if (!actor) return false;
  switch (action.do) {
    case 'project.edit':
    case 'project.viewInternal':
    case 'project.propose':
      return can(actor, action);
    // The support steering group prepares admission: it judges c and d and recommends.
    case 'proposal.judge':
    case 'proposal.recommend':
      return inProgramme(actor, action.project) && hasRole(actor, 'admin', 'coordinator', 'support');
    // Only the executive steering group admits or rejects.
    case 'proposal.decide':
      return inProgramme(actor, action.project) && hasRole(actor, 'admin', 'executive');
    case 'crossOver.manage':
      return (
        action.projects.length > 0 &&
        action.projects.every((p) => inProgramme(actor, p)) &&
        (hasRole(actor, 'admin', 'coordinator') || action.projects.some((p) => leadsProject(actor, p.id)))
      );
    case 'portfolio.export':
      return can(actor, { do: 'programme.viewInternal' });
    default:
      return false;
  }
}

export function requirePermission(actor: Actor | null | undefined, action: PortfolioAction): void {
  if (!may(actor, action)) throw new AccessDenied(action.do);
}

/** The portfolio capability's named actions (issue 19: every route and command names one of these). */
export const portfolioRules = {} satisfies Rules;
