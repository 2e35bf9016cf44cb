// Who may do what with the website capability: its named actions, pure and denied by default.
import type { Rules } from '../../domain/policy.ts';

export const websiteRules = {} satisfies Rules;
