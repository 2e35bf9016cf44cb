// The HTML pages a role may open, from the access matrix (test/security) with the matrix's own
// objects filled in: a new page is checked by the layout and HTML tests as soon as it is in the table.
import { ACCESS_MATRIX } from '../security/access-matrix.ts';
import { fillPattern } from '../security/matrix-walk.ts';
import { ROLE_KEYS, type RoleKey, type World } from '../security/world.ts';

/** Not pages: files, feeds, data and the redirects that lead elsewhere. */
export const NOT_A_PAGE = /[./](css|csv|xlsx|ics|xml|json|pdf|docx|png|svg|ico|txt|atom)$|\/feeds?\/|\/export\/|\/files\/|\/logo$|\/download$|\/data\//;

/** The Dutch addresses of the pages the role may open (2xx in the matrix), sorted. */
export function pagesFor(world: World, role: RoleKey): string[] {
  const index = ROLE_KEYS.indexOf(role);
  const urls = new Set<string>();
  for (const [key, expectation] of Object.entries(ACCESS_MATRIX)) {
    if (!key.startsWith('GET ~')) continue;
    if (expectation.own.replace(/\s+/g, '')[index] !== 'o') continue;
    const url = fillPattern(key, 'own', world, world.actors[role]);
    if (!NOT_A_PAGE.test(url)) urls.add(url);
  }
  return [...urls].sort();
}
