// Who may do what with the accounts capability: its named actions, pure and denied by default.
import type { Rules } from '../../domain/policy.ts';

export const accountsRules = {} satisfies Rules;
