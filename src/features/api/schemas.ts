// Building blocks for API route schemas. Every resource file composes its schemas from these, so
// the served OpenAPI document states the same things for every endpoint: problem+json errors with
// status, title and detail; paging with a page-size limit; dates as `date`, instants as UTC `date-time`.
import { Type, type Static, type TSchema } from 'typebox';

export const API_VERSION = '1.0.0';
export const API_PREFIX = '/api/v1';
export const MAX_PAGE_SIZE = 100;

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const LocalizedTextSchema = Type.Object(
  {
    nl: Type.Optional(Type.String({ description: 'Dutch text' })),
    en: Type.Optional(Type.String({ description: 'English text' })),
  },
  { additionalProperties: false, description: 'A text in Dutch and English; a language may be missing.' },
);

/** Input for a localized text: give one or both languages; an empty string clears one. */
export const LocalizedTextInput = Type.Object(
  {
    nl: Type.Optional(Type.String({ maxLength: 20000 })),
    en: Type.Optional(Type.String({ maxLength: 20000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const DateSchema = Type.String({ format: 'date', description: 'A calendar date (YYYY-MM-DD).' });
export const DateTimeSchema = Type.String({ format: 'date-time', description: 'An instant in UTC (ISO 8601, ending in Z).' });

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'A URI that identifies the kind of problem; about:blank when it is the status itself.' }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.String(),
    instance: Type.String(),
    invalidParams: Type.Optional(
      Type.Array(
        Type.Object({
          name: Type.String({ description: 'Where the problem is, e.g. query.pageSize or body.title.' }),
          reason: Type.String(),
        }),
      ),
    ),
  },
  { description: 'RFC 9457 problem details.' },
);

export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: every problem is listed in invalidParams.',
  401: 'The bearer token is missing, unknown or revoked.',
  403: 'The token or its user may not do this.',
  404: 'Not found, or not visible to this caller.',
  406: 'The requested representation is not available.',
  409: 'Conflict.',
  412: 'The If-Match header names an older version of the record.',
  415: 'Unsupported media type: send application/json.',
  428: 'An If-Match header with the record\'s ETag is required.',
  429: 'Too many requests: more than the rate limit per minute for this token or address, or too many invalid tokens. Wait the number of seconds in Retry-After.',
  500: 'Server error.',
};

/** Error responses of an operation, all as application/problem+json. */
// As a JSON schema: @fastify/swagger turns response headers into OpenAPI header objects.
const RETRY_AFTER_HEADER = { type: 'integer', minimum: 1, description: 'Seconds to wait before the next request is accepted.' };

export function problems(...statuses: number[]): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  // Any operation answers 401 to a bearer token that is unknown or revoked, and 429 beyond the
  // rate limit (API_RATE_LIMIT per minute per token or address).
  for (const status of [...new Set([...statuses, 401, 429])].sort()) {
    out[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Error',
      ...(status === 429 ? { headers: { 'Retry-After': RETRY_AFTER_HEADER } } : {}),
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return out;
}

export const PagingQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1, description: 'Page number, from 1.' })),
  pageSize: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20, description: `Items per page, at most ${MAX_PAGE_SIZE}.` }),
  ),
};

export interface Paging {
  page: number;
  pageSize: number;
}

export function pagingOf(query: { page?: number; pageSize?: number }): Paging & { offset: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export const PageInfoSchema = Type.Object({
  number: Type.Integer({ minimum: 1 }),
  size: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE }),
  totalItems: Type.Integer({ minimum: 0 }),
  totalPages: Type.Integer({ minimum: 0 }),
});

export const PageLinksSchema = Type.Object({
  self: Type.String({ format: 'uri-reference' }),
  first: Type.String({ format: 'uri-reference' }),
  last: Type.String({ format: 'uri-reference' }),
  prev: Type.Optional(Type.String({ format: 'uri-reference' })),
  next: Type.Optional(Type.String({ format: 'uri-reference' })),
});

/** A page of a collection: its items, where it is, and links to its neighbours. */
export function pageOf<T extends TSchema>(item: T, description: string) {
  return Type.Object({ items: Type.Array(item), page: PageInfoSchema, links: PageLinksSchema }, { description });
}

export type PageInfo = Static<typeof PageInfoSchema>;

/** Builds the page block and links for a collection at `path` (with its other query keys kept). */
export function pageEnvelope<T>(
  items: T[],
  paging: Paging,
  totalItems: number,
  path: string,
  query: Record<string, unknown>,
): { items: T[]; page: PageInfo; links: Static<typeof PageLinksSchema> } {
  const totalPages = Math.ceil(totalItems / paging.pageSize);
  const link = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (key !== 'page' && value !== undefined) params.set(key, String(value));
    }
    params.set('page', String(page));
    params.set('pageSize', String(paging.pageSize));
    return `${API_PREFIX}${path}?${params.toString()}`;
  };
  const last = Math.max(totalPages, 1);
  return {
    items,
    page: { number: paging.page, size: paging.pageSize, totalItems, totalPages },
    links: {
      self: link(paging.page),
      first: link(1),
      last: link(last),
      ...(paging.page > 1 ? { prev: link(Math.min(paging.page - 1, last)) } : {}),
      ...(paging.page < totalPages ? { next: link(paging.page + 1) } : {}),
    },
  };
}

export const ETagHeader = { ETag: { type: 'string', description: 'The version of the record; send it back in If-Match to update it.' } };

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The ETag of the version this update starts from (required).' })),
});

export function isoInstant(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? new Date(value) : value).toISOString();
}

/** Drops empty languages so `{nl: 'x', en: ''}` is served as `{nl: 'x'}`. */
export function localized(value: { nl?: string; en?: string } | null | undefined): { nl?: string; en?: string } {
  const out: { nl?: string; en?: string } = {};
  if (value?.nl) out.nl = value.nl;
  if (value?.en) out.en = value.en;
  return out;
}

/** Applies a partial localized input onto the stored text; an empty string removes that language. */
export function mergeLocalized(current: { nl?: string; en?: string }, input: { nl?: string; en?: string }): { nl?: string; en?: string } {
  const next = { ...current };
  for (const locale of ['nl', 'en'] as const) {
    const value = input[locale];
    if (value === undefined) continue;
    if (value.trim() === '') delete next[locale];
    else next[locale] = value.trim();
  }
  return next;
}

/** A string from a fixed list, as a plain `enum` (clearer in the document than anyOf of consts). */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}
