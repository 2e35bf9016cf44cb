// Who may do what with the monitoring capability: its named actions, pure and denied by default.
import type { Rules } from '../../domain/policy.ts';

export const monitoringRules = {} satisfies Rules;
