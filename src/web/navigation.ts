// The programme's main navigation. Each capability adds its entries when its routes register,
// so the layout does not need to know which capabilities exist.
import type { ActionName } from '../policies.ts';
import type { PageContext } from './context.ts';

export interface NavItem {
  /** Message key of the label. */
  label: string;
  /** Path inside the programme, e.g. "/projects". */
  path: string;
  order: number;
  /**
   * Shown only to readers the named action allows (the same rule the page's route enforces), e.g.
   * 'programme.manage' for the coordinator's tools, 'outbox.view' for administrators.
   */
  action?: ActionName;
}

const items: NavItem[] = [];

export function registerNavItem(item: NavItem): void {
  if (items.some((existing) => existing.path === item.path)) return;
  items.push(item);
  items.sort((a, b) => a.order - b.order);
}

export function navItemsFor(ctx: PageContext): NavItem[] {
  return items.filter((item) => !item.action || ctx.may(item.action));
}
