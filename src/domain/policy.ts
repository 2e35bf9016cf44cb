// Who may do what: pure functions over the actor's role assignments in one programme, denied by
// default. Each capability names its actions in its own policy module (`fund.award`,
// `meeting.recordMinutes`, ...) as rules built with the helpers below; src/policies.ts gathers
// them into one table, with one `can` (views show or hide a control) and one `authorize` (commands
// throw), and every route names the action it performs (`config: { action }`).
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

/**
 * One named action's rule. `needsRecord: false` rules are answered before the route's handler
 * runs (from the actor and the programme alone); record rules are answered by the handler or
 * command once it has loaded the record. Anonymous visitors are refused unless `anyone`.
 */
export interface Rule<R> {
  readonly anyone: boolean;
  readonly needsRecord: boolean;
  readonly allow: (actor: Actor | null, record: R) => boolean;
}

export type Rules = Record<string, Rule<any>>;

/** Anyone, signed in or not (public pages). */
export function publicRule(): Rule<void> {
  return { anyone: true, needsRecord: false, allow: () => true };
}

/** A signed-in actor the rule allows, from their roles in the programme. */
export function programmeRule(allow: (actor: Actor) => boolean): Rule<void> {
  return { anyone: false, needsRecord: false, allow: (actor) => !!actor && allow(actor) };
}

/** A signed-in actor the rule allows for one record. */
export function recordRule<R>(allow: (actor: Actor, record: R) => boolean): Rule<R> {
  return { anyone: false, needsRecord: true, allow: (actor, record) => !!actor && allow(actor, record) };
}

/** A record anyone may use when the rule says so (a published project), signed in or not. */
export function publicRecordRule<R>(allow: (actor: Actor | null, record: R) => boolean): Rule<R> {
  return { anyone: true, needsRecord: true, allow };
}

export class AccessDenied extends Error {
  constructor(public readonly action: string) {
    super(`Not allowed: ${action}`);
  }
}

export function hasRole(actor: Actor | null | undefined, ...roles: Role[]): boolean {
  return !!actor && actor.assignments.some((assignment) => roles.includes(assignment.role));
}

export function leadsProject(actor: Actor | null | undefined, projectId: string): boolean {
  return !!actor && actor.assignments.some((a) => a.role === 'lead' && a.projectId === projectId);
}

export function memberOfOrganisation(actor: Actor | null | undefined, organisationIds: string[]): boolean {
  return !!actor && actor.assignments.some((a) => a.role === 'partner' && !!a.organisationId && organisationIds.includes(a.organisationId));
}

export function inProgramme(actor: Actor, programmeId: string): boolean {
  return actor.programmeId === programmeId;
}

/** The coordinator's work: the programme's management pages and writes (administrators too). */
export const coordinates = (actor: Actor | null | undefined) => hasRole(actor, 'admin', 'coordinator');

/** Coordinators and steering-group members see the programme's internal records. */
export const seesInternal = (actor: Actor | null | undefined) => hasRole(actor, 'admin', 'coordinator', 'executive', 'support');

/** The rules every capability builds on. */
export const coreRules = {
  /** A public page or feed. */
  public: publicRule(),
  /** Any signed-in person: their account, their start page. */
  'account.use': programmeRule(() => true),
  'programme.manage': programmeRule(coordinates),
  /** A finished programme is an archive (src/domain/lifecycle.ts): only its coordinator corrects it. */
  'programme.correctArchive': programmeRule(coordinates),
  'programme.viewInternal': programmeRule(seesInternal),
  'users.manage': programmeRule((actor) => hasRole(actor, 'admin')),
} satisfies Rules;
