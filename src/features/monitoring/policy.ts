// Who may do what with monitoring: its named actions, pure and denied by default. The programme's
// targets and their measurements are public; the coordinator records measurements of every
// target and a project's lead those of the project's own targets; the lead (and the coordinator)
// files the project's progress report and only they read it; everyone with a role in the
// programme sees the deadlines; admins read the outbox; the coordinator sends invitations.
import { coordinates, hasRole, inProgramme, leadsProject, programmeRule, publicRecordRule, publicRule, type Actor, type Rules } from '../../domain/policy.ts';

/** A target as the rules need it: its programme and, for a project's target, the project. */
export interface TargetRef {
  programmeId: string;
  projectId: string | null;
}

/** A project whose progress reports are asked for. */
export interface ReportingProject {
  id: string;
  programmeId: string;
}

const recordsMeasurement = (actor: Actor | null, target: TargetRef) =>
  !!actor && inProgramme(actor, target.programmeId) && (coordinates(actor) || (!!target.projectId && leadsProject(actor, target.projectId)));

const reportsOn = (actor: Actor | null, project: ReportingProject) =>
  !!actor && inProgramme(actor, project.programmeId) && (coordinates(actor) || leadsProject(actor, project.id));

// The record rules below are answered by the handler for every caller, visitors included, so the
// measurement form and the report page answer 404 (they do not exist) to whoever may not use them,
// exactly as to someone signed in without the role.
export const monitoringRules = {
  /** Record a measurement of a target. */
  'measurement.record': publicRecordRule<TargetRef>(recordsMeasurement),
  /** File a project's progress report for a quarter (the page with the form and the earlier reports). */
  'report.file': publicRecordRule<ReportingProject>(reportsOn),
  /** Read a project's progress reports. */
  'report.view': publicRecordRule<ReportingProject>(reportsOn),
  /** The deadlines overview: anyone with a role in the programme. */
  'deadlines.view': programmeRule((actor) => actor.assignments.length > 0),
  /** Every mail sent or held back, with its text. */
  'outbox.view': programmeRule((actor) => hasRole(actor, 'admin')),
  /** Send (or resend after a change) a meeting's invitations to the members of its body. */
  'meeting.sendInvitations': programmeRule(coordinates),
  /** Choose which mails one receives, and in which language. */
  'mail.setPreferences': programmeRule(() => true),
  /** Switch mail off with the secret link in a mail: the token stands in for a session. */
  'mail.unsubscribe': publicRule(),
} satisfies Rules;
