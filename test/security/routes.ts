// Every route the server registers, read from Fastify's route tree (printRoutes), as
// "METHOD /pattern" with the language prefix of page routes taken off ("GET /:programme/projects").
import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  /** The full pattern, e.g. /nl/:programme/projects/:code */
  url: string;
}

export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const out: RegisteredRoute[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[└├]── (.+?) \(([A-Z, ]+)\)$/.exec(line.replace(/\u00a0/g, ' '));
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const parent = stack.join('');
    const segment = match[2]!;
    const joined = parent === '' ? segment : parent.endsWith('/') || segment.startsWith('/') || segment.startsWith('.') ? parent + segment : `${parent}/${segment}`;
    stack[depth] = joined.slice(parent.length);
    for (const method of match[3]!.split(',').map((m) => m.trim())) out.push({ method, url: joined });
  }
  return out;
}

/** "GET /:programme/projects" for a page route under /nl or /en; the URL as is otherwise. */
export function routeKey(route: RegisteredRoute): string {
  return `${route.method} ${stripLocale(route.url)}`;
}

export function stripLocale(url: string): string {
  const stripped = url.replace(/^\/(nl|en)(?=\/|$)/, '');
  return url === stripped ? url : `~${stripped || '/'}`;
}
