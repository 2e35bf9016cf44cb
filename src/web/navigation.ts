// The programme's menus. Each capability adds its entries when its routes register, so the layout
// does not need to know which capabilities exist. Who sees an entry is not written here: it is the
// action the entry's page route names (`config: { action }`), answered by the one policy table.
// A page anyone may open goes in the public menu; a page that needs signing in goes in the
// signed-in menu, in its group, shown only to those whose role the action allows.
import { ruleOf } from '../policies.ts';
import type { PageContext } from './context.ts';

/** The groups of the signed-in menu. */
export const MENU_GROUPS = ['programme', 'steeringGroup', 'management'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export interface NavItem {
  /** Message key of the label. */
  label: string;
  /** Path inside the programme, e.g. "/projects"; its GET route's action decides who sees it. */
  path: string;
  order: number;
  /** Where the entry goes in the signed-in menu when its page needs signing in (default: programme). */
  group?: MenuGroup;
  /** The signed-in person's start page: first in their menu, before the groups. */
  start?: boolean;
}

export interface Menus {
  /** Pages anyone may open (no entry leads a visitor to the login page). */
  public: NavItem[];
  /** The signed-in person's start page(s). */
  start: NavItem[];
  /** The signed-in pages the reader's role may open, by group; empty groups left out. */
  groups: { group: MenuGroup; items: NavItem[] }[];
}

const items: NavItem[] = [];

export function registerNavItem(item: NavItem): void {
  if (items.some((existing) => existing.path === item.path)) return;
  items.push(item);
  items.sort((a, b) => a.order - b.order);
}

/** Every registered entry (tests check each has a page route). */
export function allNavItems(): readonly NavItem[] {
  return items;
}

export function menusFor(ctx: PageContext): Menus {
  const menus: Menus = { public: [], start: [], groups: [] };
  const grouped = new Map<MenuGroup, NavItem[]>(MENU_GROUPS.map((group) => [group, []]));
  for (const item of items) {
    // Denied by default: an entry whose page has no route, or whose action the reader may not perform, is left out.
    const action = ctx.pageAction(item.path);
    if (!action || !ctx.may(action)) continue;
    if (ruleOf(action).anyone) menus.public.push(item);
    else if (item.start) menus.start.push(item);
    else grouped.get(item.group ?? 'programme')!.push(item);
  }
  menus.groups = MENU_GROUPS.map((group) => ({ group, items: grouped.get(group)! })).filter((entry) => entry.items.length > 0);
  return menus;
}
