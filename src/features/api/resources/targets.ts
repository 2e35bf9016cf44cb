// The programme's targets (value, unit, deadline, baseline, project). A target of an internal
// project is internal too.
import { and, asc, count, eq, isNull, notInArray, or, type SQL } from 'drizzle-orm';
import { Type } from 'typebox';
import { projects, targets } from '../../../db/schema.ts';
import { notFound } from '../../../web/http.ts';
import { INTERNAL_LIFECYCLES } from '../../portfolio/queries.ts';
import { seesInternal } from '../access.ts';
import { registerApiResource } from '../registry.ts';
import { DateSchema, LocalizedTextSchema, Nullable, PagingQuery, localized, pageEnvelope, pageOf, pagingOf, problems } from '../schemas.ts';
import { ProgrammeParams } from './programmes.ts';

const TargetSchema = Type.Object({
  key: Type.String(),
  title: LocalizedTextSchema,
  targetValue: Nullable(Type.Integer()),
  unit: LocalizedTextSchema,
  baselineValue: Nullable(Type.Integer()),
  deadlineOn: Nullable(DateSchema),
  deadlineLabel: LocalizedTextSchema,
  source: LocalizedTextSchema,
  project: Nullable(Type.Object({ code: Type.String(), title: LocalizedTextSchema })),
});

type Row = { target: typeof targets.$inferSelect; project: { code: string | null; title: unknown } | null };

function toTarget({ target, project }: Row) {
  return {
    key: target.key,
    title: localized(target.title),
    targetValue: target.targetValue,
    unit: localized(target.unit),
    baselineValue: target.baselineValue,
    deadlineOn: target.deadlineOn,
    deadlineLabel: localized(target.deadlineLabel),
    source: localized(target.source),
    project: project?.code ? { code: project.code, title: localized(project.title as { nl?: string; en?: string }) } : null,
  };
}

function visibleTargets(programmeId: string, includeInternal: boolean, extra: SQL[] = []): SQL {
  const parts: SQL[] = [eq(targets.programmeId, programmeId), ...extra];
  if (!includeInternal) {
    parts.push(or(isNull(targets.projectId), and(eq(projects.published, true), notInArray(projects.lifecycle, INTERNAL_LIFECYCLES)))!);
  }
  return and(...parts)!;
}

registerApiResource({
  name: 'targets',
  order: 60,
  tag: { name: 'Targets', description: 'What the programme aims to reach, and by when.' },
  register(api, { db }) {
    api.get(
      '/programmes/:programme/targets',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Targets'],
          operationId: 'listTargets',
          summary: 'List the programme\'s targets',
          description: 'The programme\'s targets with value, unit, baseline and deadline; targets of internal projects only for callers who may see them.',
          params: ProgrammeParams,
          querystring: Type.Object(
            { ...PagingQuery, project: Type.Optional(Type.String({ maxLength: 40, description: 'Only targets of this project (its code).' })) },
            { additionalProperties: false },
          ),
          response: { 200: pageOf(TargetSchema, 'A page of targets.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const paging = pagingOf(request.query);
        const extra = request.query.project ? [eq(projects.code, request.query.project)] : [];
        const where = visibleTargets(request.programme!.id, seesInternal(request), extra);
        const [rows, [total]] = await Promise.all([
          db
            .select({ target: targets, project: { code: projects.code, title: projects.title } })
            .from(targets)
            .leftJoin(projects, eq(projects.id, targets.projectId))
            .where(where)
            .orderBy(asc(targets.key))
            .limit(paging.pageSize)
            .offset(paging.offset),
          db.select({ n: count() }).from(targets).leftJoin(projects, eq(projects.id, targets.projectId)).where(where),
        ]);
        return pageEnvelope(rows.map(toTarget), paging, total!.n, `/programmes/${request.programme!.slug}/targets`, request.query);
      },
    );

    api.get(
      '/programmes/:programme/targets/:targetKey',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Targets'],
          operationId: 'getTarget',
          summary: 'Get a target',
          description: 'One target, by its key.',
          params: Type.Object({ ...ProgrammeParams.properties, targetKey: Type.String({ maxLength: 80 }) }),
          response: { 200: { ...TargetSchema, description: 'The target.' }, ...problems(400, 404) },
        },
      },
      async (request) => {
        const [row] = await db
          .select({ target: targets, project: { code: projects.code, title: projects.title } })
          .from(targets)
          .leftJoin(projects, eq(projects.id, targets.projectId))
          .where(visibleTargets(request.programme!.id, seesInternal(request), [eq(targets.key, request.params.targetKey)]));
        if (!row) throw notFound();
        return toTarget(row);
      },
    );
  },
});
