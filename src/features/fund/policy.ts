// Who may do what with the fund. Only the executive level awards; the support level advises;
// coordinators set up funds, record contributions, corrections, payments and releases; a lead
// applies for their own project; everyone with a view of the fund sees its balances (partners
// their own earmark and the joint funds), and the coordinator and both steering levels see all of
// it, with the reports.
import { coordinates, hasRole, leadsProject, programmeRule, recordRule, seesInternal, type Actor, type Rules } from '../../domain/policy.ts';

/** An application as the rules need it: the project it is for. */
export interface ApplicationRef {
  projectId: string;
}

/** Organisations whose earmark the actor may see as a partner. */
export function partnerOrganisations(actor: Actor | null | undefined): string[] {
  return (actor?.assignments ?? []).filter((a) => a.role === 'partner' && a.organisationId).map((a) => a.organisationId!);
}

/** The projects the actor leads, for which they may apply. */
export function ledProjects(actor: Actor | null | undefined): string[] {
  return (actor?.assignments ?? []).filter((a) => a.role === 'lead' && a.projectId).map((a) => a.projectId!);
}

/** Sees every fund, application and report of the programme: the coordinator and both steering levels. */
export const seesWholeFund = (actor: Actor | null | undefined) => seesInternal(actor);

/** Any role that has some view of the fund: the overview answers 404 to everyone else. */
const seesFund = (actor: Actor) => seesWholeFund(actor) || partnerOrganisations(actor).length > 0 || ledProjects(actor).length > 0;

export const fundRules = {
  /** The fund's balances and the list of applications (each sees the part that is theirs to see). */
  'fund.view': programmeRule(seesFund),
  /** The reports per party and per project, and their downloads. */
  'fund.viewReports': programmeRule(seesWholeFund),
  /** Set up a fund or an earmark, and the hours that make one FTE. */
  'fund.manage': programmeRule(coordinates),
  /** Record a party's contribution in money or hours (the contributions page). */
  'fund.contribute': programmeRule(coordinates),
  /** Correct a recorded contribution with a new entry. */
  'fund.correct': programmeRule(coordinates),
  /** Record a payment on an award, or release what an award will not use. */
  'fund.pay': programmeRule(coordinates),
  /** Apply for money or hours: a project's lead. */
  'fund.apply': programmeRule((actor) => ledProjects(actor).length > 0),
  /** Apply for this project: its own lead only. */
  'fund.applyFor': recordRule<{ id: string }>((actor, project) => leadsProject(actor, project.id)),
  /** Open an application: who sees the whole fund, and the lead of the project it is for. */
  'fund.viewApplication': recordRule<ApplicationRef>((actor, application) => seesWholeFund(actor) || leadsProject(actor, application.projectId)),
  // Advice and award are answered once the application is loaded: someone who may see it but not
  // decide on it is refused (403), while to anyone else it does not exist (404).
  /** Advise on an application: the support level. */
  'fund.advise': recordRule<ApplicationRef>((actor) => hasRole(actor, 'support')),
  /** Decide on an application (award in full, in part, or not): the executive level only. */
  'fund.award': recordRule<ApplicationRef>((actor) => hasRole(actor, 'executive')),
} satisfies Rules;
