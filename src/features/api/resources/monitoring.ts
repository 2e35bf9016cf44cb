// A target's measurements and a project's progress reports, with the monitoring rules: whoever
// sees a target sees its measurements (a target of an internal project is internal, as in the
// target endpoints); the coordinator records measurements of every target, a project's lead those
// of the project's targets; the lead (and the coordinator) files the project's progress report
// for the current quarter or the one before, and only they read the reports.
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Db } from '../../../db/client.ts';
import { AccessDenied } from '../../../domain/policy.ts';
import { HttpError, notFound } from '../../../web/http.ts';
import { canFileReport, canRecordMeasurement, fileReport, validateMeasurement, validateReport } from '../../monitoring/commands.ts';
import { isoToday, periodOf, previousPeriod } from '../../monitoring/periods.ts';
import * as q from '../../monitoring/queries.ts';
import { REPORT_STATUSES } from '../../monitoring/tables.ts';
import { addMeasurement } from '../../monitoring/commands.ts';
import { isPublicProject, seesInternal } from '../access.ts';
import { registerApiResource } from '../registry.ts';
import { DateSchema, DateTimeSchema, LocalizedTextInput, LocalizedTextSchema, PagingQuery, StringEnum, isoInstant, localized, mergeLocalized, pageEnvelope, pageOf, pagingOf, problems } from '../schemas.ts';
import { ProgrammeParams } from './programmes.ts';
import { ProjectParams, loadVisibleProject } from './projects.ts';

const MeasurementSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  measuredOn: DateSchema,
  value: Type.Number(),
  source: Type.String(),
  createdAt: DateTimeSchema,
});

const MeasurementCreate = Type.Object(
  {
    measuredOn: DateSchema,
    value: Type.Number({ minimum: -1e12, maximum: 1e12 }),
    source: Type.String({ minLength: 1, maxLength: 500, description: 'Where the figure comes from.' }),
  },
  { additionalProperties: false },
);

const ReportSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  period: Type.String({ description: 'A quarter, e.g. 2026-Q4.' }),
  status: StringEnum(REPORT_STATUSES),
  narrative: LocalizedTextSchema,
  filedAt: DateTimeSchema,
});

const ReportCreate = Type.Object(
  {
    period: Type.String({ pattern: '^\\d{4}-Q[1-4]$', description: 'The current quarter or the one before, e.g. 2026-Q4.' }),
    status: StringEnum(REPORT_STATUSES),
    narrative: LocalizedTextInput,
  },
  { additionalProperties: false, description: 'Filing again for the same period replaces the report.' },
);

const TargetParams = Type.Object({ ...ProgrammeParams.properties, targetKey: Type.String({ maxLength: 80 }) });

const toMeasurement = (m: q.MeasurementRow) => ({ id: m.id, measuredOn: m.measuredOn, value: m.value, source: m.source, createdAt: isoInstant(m.createdAt)! });
const toReport = (r: Awaited<ReturnType<typeof q.listReports>>[number]) => ({ id: r.id, period: r.period, status: r.status, narrative: localized(r.narrative), filedAt: isoInstant(r.filedAt)! });

/** The target with its measurements, if this caller may see it. */
async function loadVisibleTarget(db: Db, request: FastifyRequest, key: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(key)) throw notFound();
  const [item] = await q.listTargetsWithTrend(db, request.programme!.id, isoToday(), key);
  if (!item) throw notFound();
  if (item.target.projectId && item.projectCode) {
    const project = await q.getProjectByCode(db, request.programme!.id, item.projectCode);
    const visible = !project || isPublicProject(project) || seesInternal(request) || canRecordMeasurement(request.actor, item.target);
    if (!visible) throw notFound();
  }
  return item;
}

/** Field problems from the monitoring rules as a 400 listing each of them. */
function invalid(errors: Record<string, string>, field: (name: string) => string): HttpError {
  const problems = Object.entries(errors).map(([name, messageKey]) => ({ field: field(name), messageKey }));
  return new HttpError(400, 'error.badRequest', problems.map((p) => `${p.field}: invalid`).join('; '), problems);
}

registerApiResource({
  name: 'monitoring',
  order: 65,
  tag: { name: 'Monitoring', description: 'Measurements of the targets and the projects\' progress reports.' },
  register(api, { db }) {
    const measurementsPath = '/programmes/:programme/targets/:targetKey/measurements';

    api.get(
      measurementsPath,
      {
        config: { action: 'public' },
        schema: {
          tags: ['Monitoring'],
          operationId: 'listMeasurements',
          summary: 'List a target\'s measurements',
          description: 'The target\'s measurements, oldest first.',
          params: TargetParams,
          querystring: Type.Object({ ...PagingQuery }, { additionalProperties: false }),
          response: { 200: pageOf(MeasurementSchema, 'A page of measurements.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const item = await loadVisibleTarget(db, request, request.params.targetKey);
        const paging = pagingOf(request.query);
        const all = item.measurements.map(toMeasurement);
        const path = `/programmes/${request.programme!.slug}/targets/${encodeURIComponent(item.target.key)}/measurements`;
        return pageEnvelope(all.slice(paging.offset, paging.offset + paging.pageSize), paging, all.length, path, request.query);
      },
    );

    api.post(
      measurementsPath,
      {
        config: { access: 'record' },
        schema: {
          tags: ['Monitoring'],
          operationId: 'createMeasurement',
          summary: 'Record a measurement',
          description: 'For the coordinator (every target) and a project\'s lead (the project\'s targets), with a read-write token. The date may not lie in the future.',
          security: [{ bearerAuth: [] }],
          params: TargetParams,
          body: MeasurementCreate,
          response: { 201: { ...MeasurementSchema, description: 'The new measurement.' }, ...problems(400, 401, 403, 404, 415) },
        },
      },
      async (request, reply) => {
        const item = await loadVisibleTarget(db, request, request.params.targetKey);
        if (!canRecordMeasurement(request.actor, item.target)) throw new AccessDenied('measurement.add');
        const body = request.body as Static<typeof MeasurementCreate>;
        const values = { measuredOn: body.measuredOn, value: String(body.value), source: body.source.trim() };
        const errors = validateMeasurement(values, isoToday());
        if (Object.keys(errors).length > 0) throw invalid(errors, (name) => `body.${name}`);
        const row = await addMeasurement(db, { actor: request.actor!, target: item.target, ...values });
        return reply.code(201).send(toMeasurement(row));
      },
    );

    const reportsPath = '/programmes/:programme/projects/:projectCode/progress-reports';

    async function loadReportProject(request: FastifyRequest, code: string) {
      const { found } = await loadVisibleProject(db, request, code);
      return found.project;
    }

    api.get(
      reportsPath,
      {
        config: { access: 'record' },
        schema: {
          tags: ['Monitoring'],
          operationId: 'listProgressReports',
          summary: 'List a project\'s progress reports',
          description: 'For the project\'s lead and the coordinator, newest period first.',
          security: [{ bearerAuth: [] }],
          params: ProjectParams,
          querystring: Type.Object({ ...PagingQuery }, { additionalProperties: false }),
          response: { 200: pageOf(ReportSchema, 'A page of progress reports.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const project = await loadReportProject(request, request.params.projectCode);
        if (!canFileReport(request.actor, project)) throw notFound();
        const paging = pagingOf(request.query);
        const all = (await q.listReports(db, project.id)).map(toReport);
        const path = `/programmes/${request.programme!.slug}/projects/${encodeURIComponent(project.code)}/progress-reports`;
        return pageEnvelope(all.slice(paging.offset, paging.offset + paging.pageSize), paging, all.length, path, request.query);
      },
    );

    api.post(
      reportsPath,
      {
        config: { access: 'record' },
        schema: {
          tags: ['Monitoring'],
          operationId: 'fileProgressReport',
          summary: 'File a progress report',
          description: 'For the project\'s lead (and the coordinator), with a read-write token: the current quarter or the one before. Filing again for the same period replaces the report (200).',
          security: [{ bearerAuth: [] }],
          params: ProjectParams,
          body: ReportCreate,
          response: {
            200: { ...ReportSchema, description: 'The report replaced the earlier one for this period.' },
            201: { ...ReportSchema, description: 'The new report.' },
            ...problems(400, 401, 403, 404, 415),
          },
        },
      },
      async (request, reply) => {
        const project = await loadReportProject(request, request.params.projectCode);
        if (!canFileReport(request.actor, project)) throw new AccessDenied('report.file');
        const body = request.body as Static<typeof ReportCreate>;
        const narrative = mergeLocalized({}, body.narrative);
        const errors = validateReport({ period: body.period, status: body.status, narrative_nl: narrative.nl ?? '', narrative_en: narrative.en ?? '' });
        const current = periodOf(isoToday());
        if (!errors.period && body.period !== current && body.period !== previousPeriod(current)) errors.period = 'monitoring.error.period';
        if (Object.keys(errors).length > 0) throw invalid(errors, (name) => (name.startsWith('narrative') ? 'body.narrative' : `body.${name}`));
        const existed = (await q.listReports(db, project.id)).some((r) => r.period === body.period);
        const row = await fileReport(db, { actor: request.actor!, project, period: body.period, status: body.status, narrative });
        return reply.code(existed ? 200 : 201).send(toReport(row));
      },
    );
  },
});
