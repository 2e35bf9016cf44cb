// Who moves the annual agenda through its states. Pure and denied by default. The agreement has
// the support level propose it and the executive level adopt it, so:
//   draft    — the coordinator draws it up (and publishes it once adopted);
//   propose  — members of the support steering group, or the coordinator as its secretary;
//   adopt    — members of the executive steering group, or the coordinator recording the decision
//              an executive meeting took (the command requires that decision either way).
// A member is someone with the level's role in this programme or an active seat in the body, so
// proposing and adopting are answered for the level's body (null when the programme has none).
// Which step may follow which is the state rule in src/domain/annual-agenda.ts, not this file.
import { coordinates, hasRole, inProgramme, programmeRule, recordRule, type Actor, type Rules } from '../../domain/policy.ts';
import type { BodyRef } from '../meetings/policy.ts';

const seated = (actor: Actor, body: BodyRef | null) => !!body && inProgramme(actor, body.programmeId) && body.memberUserIds.includes(actor.userId);

/** The agenda capability's named actions. */
export const agendaRules = {
  /** Draw up a new annual agenda (from the portfolio or an earlier agenda). */
  'agenda.draft': programmeRule(coordinates),
  /** Propose a draft, for the support body (its members and secretary). */
  'agenda.propose': recordRule<BodyRef | null>((actor, support) => coordinates(actor) || hasRole(actor, 'support') || seated(actor, support)),
  /** Record the executive decision that adopted a proposal, for the executive body. */
  'agenda.adopt': recordRule<BodyRef | null>((actor, executive) => coordinates(actor) || hasRole(actor, 'executive') || seated(actor, executive)),
  /** Publish an adopted agenda on the website. */
  'agenda.publish': programmeRule(coordinates),
} satisfies Rules;
