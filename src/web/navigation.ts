// The programme's main navigation. Each capability adds its entries when its routes register,
// so the layout does not need to know which capabilities exist.
import type { PageContext } from './context.ts';

export interface NavItem {
  /** Message key of the label. */
  label: string;
  /** Path inside the programme, e.g. "/projects". */
  path: string;
  order: number;
  /** Shown only to signed-in users who may manage the programme. */
  manageOnly?: boolean;
}

const items: NavItem[] = [];

export function registerNavItem(item: NavItem): void {
  if (items.some((existing) => existing.path === item.path)) return;
  items.push(item);
  items.sort((a, b) => a.order - b.order);
}

export function navItemsFor(ctx: PageContext): NavItem[] {
  return items.filter((item) => !item.manageOnly || ctx.canManage);
}
