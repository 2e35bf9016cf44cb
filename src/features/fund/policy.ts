// Who may do what with the fund. Only the executive level awards; the support level advises;
// coordinators record contributions, payments, releases and corrections; a lead applies for
// their own project; a partner sees its own earmark.
import type { Rules } from '../../domain/policy.ts';
import { hasRole, leadsProject, type Actor } from '../../domain/policy.ts';

export const fundPolicy = {
  manage: (actor: Actor | null | undefined) => hasRole(actor, 'admin', 'coordinator'),
  award: (actor: Actor | null | undefined) => hasRole(actor, 'executive'),
  advise: (actor: Actor | null | undefined) => hasRole(actor, 'support'),
  apply: (actor: Actor | null | undefined, projectId: string) => leadsProject(actor, projectId),
  /** Sees every fund, application and report of the programme. */
  viewAll: (actor: Actor | null | undefined) => hasRole(actor, 'admin', 'coordinator', 'executive', 'support'),
  /** Organisations whose earmark the actor may see as a partner. */
  partnerOrganisations: (actor: Actor | null | undefined) =>
    (actor?.assignments ?? []).filter((a) => a.role === 'partner' && a.organisationId).map((a) => a.organisationId!),
  ledProjects: (actor: Actor | null | undefined) => (actor?.assignments ?? []).filter((a) => a.role === 'lead' && a.projectId).map((a) => a.projectId!),
};

/** Any role that has some view of the fund: the overview page answers 404 to everyone else. */
export function seesFund(actor: Actor | null | undefined): boolean {
  return fundPolicy.viewAll(actor) || fundPolicy.partnerOrganisations(actor).length > 0 || fundPolicy.ledProjects(actor).length > 0;
}

/** The fund capability's named actions (issue 19: every route and command names one of these). */
export const fundRules = {} satisfies Rules;
