// Who may do what with the dashboard capability: its named actions, pure and denied by default.
import type { Rules } from '../../domain/policy.ts';

export const dashboardRules = {} satisfies Rules;
