// Who may do what with the accounts capability: its named actions, pure and denied by default.
import { coordinates, programmeRule, type Rules } from '../../domain/policy.ts';

export const accountsRules = {
  /** Link a person record (a body member, a project's contact) to an account, or invite them to one. */
  'person.link': programmeRule(coordinates),
} satisfies Rules;
