// The one table of named actions: the core rules and each capability's own (its policy.ts). Views
// ask `can` to show or hide a control, commands call `authorize` so no caller can forget, and every
// route names the action it performs in `config: { action }` (the server refuses to start with a
// route that names none or an unknown one). Denied by default: an action without a rule is refused.
import { AccessDenied, coreRules, type Actor, type Rule } from './domain/policy.ts';
import { accountsRules } from './features/accounts/policy.ts';
import { agendaRules } from './features/agenda/policy.ts';
import { agreementRules } from './features/agreement/policy.ts';
import { apiRules } from './features/api/policy.ts';
import { cityNetworkRules } from './features/city-network/policy.ts';
import { dashboardRules } from './features/dashboard/policy.ts';
import { filesRules } from './features/files/policy.ts';
import { fundRules } from './features/fund/policy.ts';
import { meetingsRules } from './features/meetings/policy.ts';
import { monitoringRules } from './features/monitoring/policy.ts';
import { openDataRules } from './features/open-data/policy.ts';
import { portfolioRules } from './features/portfolio/policy.ts';
import { successorRules } from './features/programmes/successor-policy.ts';
import { programmesRules } from './features/programmes/programme-policy.ts';
import { websiteRules } from './features/website/policy.ts';

export const RULES = {
  ...coreRules,
  ...accountsRules,
  ...agendaRules,
  ...agreementRules,
  ...apiRules,
  ...cityNetworkRules,
  ...dashboardRules,
  ...filesRules,
  ...fundRules,
  ...meetingsRules,
  ...monitoringRules,
  ...openDataRules,
  ...portfolioRules,
  ...successorRules,
  ...programmesRules,
  ...websiteRules,
};

export type ActionName = keyof typeof RULES;

/** The record an action's rule is answered for (none for programme-wide actions). */
export type RecordOf<A extends ActionName> = (typeof RULES)[A] extends Rule<infer R> ? R : never;
type RecordArgs<A extends ActionName> = [RecordOf<A>] extends [void] ? [] : [record: RecordOf<A>];

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.hasOwn(RULES, name);
}

export function ruleOf(action: ActionName): Rule<unknown> {
  return RULES[action] as Rule<unknown>;
}

export function can<A extends ActionName>(actor: Actor | null | undefined, action: A, ...record: RecordArgs<A>): boolean {
  const rule = RULES[action] as Rule<unknown> | undefined;
  if (!rule) return false;
  if (!actor && !rule.anyone) return false;
  return rule.allow(actor ?? null, record[0]);
}

export function authorize<A extends ActionName>(actor: Actor | null | undefined, action: A, ...record: RecordArgs<A>): void {
  if (!can(actor, action, ...record)) throw new AccessDenied(action);
}
