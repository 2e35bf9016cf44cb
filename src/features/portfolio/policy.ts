// Who may do what with projects, proposals and cross-overs: the portfolio capability's named
// actions, answered by pure functions over the actor's assignments in the programme and denied by
// default. Views ask `can` (src/policies.ts) to show or hide a control; commands call `authorize`
// so no caller can forget; every route names the action it performs.
//
// The project rules are answered for a project (a record): a coordinator of another programme
// edits nothing here, a lead edits only the project they lead, and a partner organisation's people
// see the internal side of their organisation's projects.
import { coordinates, hasRole, inProgramme, leadsProject, memberOfOrganisation, programmeRule, recordRule, seesInternal, type Actor, type Rules } from '../../domain/policy.ts';

/** A project as the rules need it: its programme and, for its internal side, its partner organisations. */
export interface ProjectRef {
  id: string;
  programmeId: string;
  partnerOrganisationIds?: string[];
}

/** Edits the project: the coordinator (and admin) of its programme, and its own lead. */
function editsProject(actor: Actor, project: ProjectRef): boolean {
  return inProgramme(actor, project.programmeId) && (coordinates(actor) || leadsProject(actor, project.id));
}

/** Sees the project's internal side: the programme's internal roles, its lead and its partners' people. */
function seesProject(actor: Actor, project: ProjectRef): boolean {
  return (
    inProgramme(actor, project.programmeId) &&
    (seesInternal(actor) || leadsProject(actor, project.id) || memberOfOrganisation(actor, project.partnerOrganisationIds ?? []))
  );
}

/** The organisations the actor speaks for as a partner contact that are not yet partners of the project. */
export function organisationsThatMayAsk(actor: Actor, project: ProjectRef): string[] {
  if (!inProgramme(actor, project.programmeId)) return [];
  const partners = project.partnerOrganisationIds ?? [];
  return [...new Set(actor.assignments.flatMap((a) => (a.role === 'partner' && a.organisationId && !partners.includes(a.organisationId) ? [a.organisationId] : [])))];
}

/** A join request as the rules need it: its programme and who asked. */
export interface JoinRequestRef {
  programmeId: string;
  requestedBy: string | null;
}

/** Links projects at all: the coordinator (and admin), or a lead (for a project they lead: crossOver.manage). */
const linksProjects = (actor: Actor) => hasRole(actor, 'admin', 'coordinator', 'lead');

export const portfolioRules = {
  /** Propose a new project: anyone with a role in the programme. */
  'project.propose': programmeRule((actor) => actor.assignments.length > 0),
  /** Change a project's texts, theme, lead and (the coordinator only) code and lifecycle. */
  'project.edit': recordRule<ProjectRef>(editsProject),
  /** A project's internal side: its history, consultations, commitments and admission page. */
  'project.viewInternal': recordRule<ProjectRef>(seesProject),
  /** Add an action to a project's plan. */
  'projectAction.add': recordRule<ProjectRef>(editsProject),
  /** Change one of a project's actions (its state, owner, due date). */
  'projectAction.edit': recordRule<ProjectRef>(editsProject),
  /** Change a partner's commitment to a project (capacity, money, agreed). */
  'partner.edit': recordRule<ProjectRef>(editsProject),
  /** Change an organisation's kind, short name, website and what it is part of: the coordinator. */
  'organisation.edit': programmeRule(coordinates),
  /** Add an organisation to a project after consulting the steering group. */
  'partner.join': recordRule<ProjectRef>(editsProject),
  /** Ask to join a project: a partner organisation's contact, for an organisation not yet a partner of it. */
  'joinRequest.ask': recordRule<ProjectRef>((actor, project) => organisationsThatMayAsk(actor, project).length > 0),
  /** Withdraw a join request: only who asked. */
  'joinRequest.withdraw': recordRule<JoinRequestRef>((actor, request) => inProgramme(actor, request.programmeId) && request.requestedBy === actor.userId),
  // The support steering group prepares admission: it judges c and d and recommends.
  /** Judge criterion c or d of a proposal. */
  'proposal.judge': recordRule<ProjectRef>((actor, project) => inProgramme(actor, project.programmeId) && hasRole(actor, 'admin', 'coordinator', 'support')),
  /** Recommend to admit or reject a proposal. */
  'proposal.recommend': recordRule<ProjectRef>((actor, project) => inProgramme(actor, project.programmeId) && hasRole(actor, 'admin', 'coordinator', 'support')),
  /** Admit or reject a proposal: only the executive steering group (and admin). */
  'proposal.decide': recordRule<ProjectRef>((actor, project) => inProgramme(actor, project.programmeId) && hasRole(actor, 'admin', 'executive')),
  /** Link projects as cross-overs, and see the suggestions: the coordinator, or a lead. */
  'crossOver.link': programmeRule(linksProjects),
  /** Link these two projects: the coordinator, or the lead of one of them; both in the programme. */
  'crossOver.manage': recordRule<ProjectRef[]>(
    (actor, projects) =>
      projects.length > 0 &&
      projects.every((p) => inProgramme(actor, p.programmeId)) &&
      (coordinates(actor) || projects.some((p) => leadsProject(actor, p.id))),
  ),
} satisfies Rules;
