// Who may do what with the api capability: its named actions, pure and denied by default.
import type { Rules } from '../../domain/policy.ts';

export const apiRules = {} satisfies Rules;
