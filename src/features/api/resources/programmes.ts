// GET /programmes and /programmes/{programme}: the programmes this installation hosts.
import { asc, count, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { programmes } from '../../../db/schema.ts';
import { programmeTerm, programmeTerms, type ProgrammeTerm } from '../../agreement/term-queries.ts';
import { registerApiResource } from '../registry.ts';
import { DateSchema, LocalizedTextSchema, Nullable, PagingQuery, localized, pageEnvelope, pageOf, pagingOf, problems } from '../schemas.ts';

export const ProgrammeParams = Type.Object({ programme: Type.String({ pattern: '^[a-z0-9-]{1,60}$', description: 'The programme\'s slug, e.g. leiden.' }) });

const ProgrammeSchema = Type.Object({
  slug: Type.String(),
  name: LocalizedTextSchema,
  city: Type.String(),
  periodStart: DateSchema,
  periodEnd: DateSchema,
  mission: LocalizedTextSchema,
  contactEmail: Nullable(Type.String({ format: 'email' })),
});

/** The period is the programme's term (programmeTerm): the agreement's, renewals included. */
function toProgramme(row: typeof programmes.$inferSelect, term: ProgrammeTerm) {
  return {
    slug: row.slug,
    name: localized(row.name),
    city: row.city,
    periodStart: term.startOn,
    periodEnd: term.endOn,
    mission: localized(row.mission),
    contactEmail: row.contactEmail,
  };
}

registerApiResource({
  name: 'programmes',
  order: 10,
  tag: { name: 'Programmes', description: 'The knowledge-city programmes of this installation.' },
  register(api, { db }) {
    api.get(
      '/programmes',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Programmes'],
          operationId: 'listProgrammes',
          summary: 'List programmes',
          description: 'Every programme this installation hosts, by slug.',
          querystring: Type.Object(PagingQuery, { additionalProperties: false }),
          response: { 200: pageOf(ProgrammeSchema, 'A page of programmes.'), ...problems(400) },
        },
      },
      async (request) => {
        const paging = pagingOf(request.query);
        const [rows, [total]] = await Promise.all([
          db.select().from(programmes).orderBy(asc(programmes.slug)).limit(paging.pageSize).offset(paging.offset),
          db.select({ n: count() }).from(programmes),
        ]);
        const terms = await programmeTerms(db, rows.map((r) => r.id));
        return pageEnvelope(rows.map((row) => toProgramme(row, terms.get(row.id)!)), paging, total!.n, '/programmes', request.query);
      },
    );

    api.get(
      '/programmes/:programme',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Programmes'],
          operationId: 'getProgramme',
          summary: 'Get a programme',
          description: 'A programme\'s name, city, period, mission and contact address.',
          params: ProgrammeParams,
          response: { 200: { ...ProgrammeSchema, description: 'The programme.' }, ...problems(400, 404) },
        },
      },
      async (request) => {
        const [row] = await db.select().from(programmes).where(eq(programmes.id, request.programme!.id));
        return toProgramme(row!, await programmeTerm(db, row!.id));
      },
    );
  },
});
