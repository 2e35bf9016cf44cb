// Who may do what with the agreement capability: its named actions, pure and denied by default.
import type { Rules } from '../../domain/policy.ts';

export const agreementRules = {} satisfies Rules;
