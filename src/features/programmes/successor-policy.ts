// Who may start a successor programme. The coordinator runs the programme and is the one person
// who may still correct it once it is an archive; starting its successor copies only what the
// coordinator already manages (parties, themes, criteria, bodies, projects) into a new programme in
// which the starter keeps the role they hold. So the rule is the coordinator's work, as
// `programme.manage`: administrators and coordinators of the predecessor. Granting anyone else a
// new role stays with `users.manage`.
import { coordinates, programmeRule, type Rules } from '../../domain/policy.ts';

export const successorRules = {
  'programme.startSuccessor': programmeRule(coordinates),
} satisfies Rules;
