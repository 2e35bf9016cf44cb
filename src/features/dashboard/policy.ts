// Who may see the coordinator's dashboard: pure and denied by default.
import { coordinates, programmeRule, type Rules } from '../../domain/policy.ts';

export const dashboardRules = {
  /** The panels that ask for the coordinator's attention (deadlines, pending proposals, translations...). */
  'dashboard.view': programmeRule(coordinates),
} satisfies Rules;
