// GET /programmes/{programme}/themes and /themes/{themeCode}.
import { and, asc, count, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { themes } from '../../../db/schema.ts';
import { notFound } from '../../../web/http.ts';
import { registerApiResource } from '../registry.ts';
import { LocalizedTextSchema, PagingQuery, localized, pageEnvelope, pageOf, pagingOf, problems } from '../schemas.ts';
import { ProgrammeParams } from './programmes.ts';

const ThemeSchema = Type.Object({
  code: Type.String(),
  position: Type.Integer(),
  title: LocalizedTextSchema,
  goal: LocalizedTextSchema,
  description: LocalizedTextSchema,
});

function toTheme(row: typeof themes.$inferSelect) {
  return { code: row.code, position: row.position, title: localized(row.title), goal: localized(row.goal), description: localized(row.description) };
}

registerApiResource({
  name: 'themes',
  order: 20,
  tag: { name: 'Themes', description: 'The programme\'s themes; projects belong to one.' },
  register(api, { db }) {
    api.get(
      '/programmes/:programme/themes',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Themes'],
          operationId: 'listThemes',
          summary: 'List the programme\'s themes',
          description: 'The themes of the programme, in their order in the agreement.',
          params: ProgrammeParams,
          querystring: Type.Object(PagingQuery, { additionalProperties: false }),
          response: { 200: pageOf(ThemeSchema, 'A page of themes.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const programmeId = request.programme!.id;
        const paging = pagingOf(request.query);
        const [rows, [total]] = await Promise.all([
          db.select().from(themes).where(eq(themes.programmeId, programmeId)).orderBy(asc(themes.position)).limit(paging.pageSize).offset(paging.offset),
          db.select({ n: count() }).from(themes).where(eq(themes.programmeId, programmeId)),
        ]);
        return pageEnvelope(rows.map(toTheme), paging, total!.n, `/programmes/${request.programme!.slug}/themes`, request.query);
      },
    );

    api.get(
      '/programmes/:programme/themes/:themeCode',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Themes'],
          operationId: 'getTheme',
          summary: 'Get a theme',
          description: 'One theme with its goal and description.',
          params: Type.Object({ ...ProgrammeParams.properties, themeCode: Type.String({ maxLength: 40 }) }),
          response: { 200: { ...ThemeSchema, description: 'The theme.' }, ...problems(400, 404) },
        },
      },
      async (request) => {
        const [row] = await db
          .select()
          .from(themes)
          .where(and(eq(themes.programmeId, request.programme!.id), eq(themes.code, request.params.themeCode)));
        if (!row) throw notFound();
        return toTheme(row);
      },
    );
  },
});
