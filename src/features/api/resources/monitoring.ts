// A target's measurements and a project's progress reports, with the monitoring rules: whoever
// sees a target sees its measurements (a target of an internal project is internal, as in the
// target endpoints); the coordinator records measurements of every target, a project's lead those
// of the project's targets; the lead (and the coordinator) files the project's progress report
// for the current quarter or the one before, and only they read the reports.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../../db/client.ts';
import type { FieldErrors } from '../../../domain/outcome.ts';
import { readJson } from '../../../web/forms.ts';
import { HttpError, notFound } from '../../../web/http.ts';
import { can } from '../../../policies.ts';
import { addMeasurement, fileReport } from '../../monitoring/commands.ts';
import { isoToday } from '../../monitoring/periods.ts';
import * as q from '../../monitoring/queries.ts';
import { MeasurementInput, ReportInput } from '../../monitoring/schema.ts';
import { REPORT_STATUSES } from '../../monitoring/tables.ts';
import { isPublicProject, seesInternal } from '../access.ts';
import { registerApiResource } from '../registry.ts';
import { DateSchema, DateTimeSchema, LocalizedTextSchema, PagingQuery, StringEnum, isoInstant, localized, mergeLocalized, pageEnvelope, pageOf, pagingOf, problems } from '../schemas.ts';
import { ProgrammeParams } from './programmes.ts';
import { ProjectParams, loadVisibleProject } from './projects.ts';

const MeasurementSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  measuredOn: DateSchema,
  value: Type.Number(),
  source: Type.String(),
  createdAt: DateTimeSchema,
});

const ReportSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  period: Type.String({ description: 'A quarter, e.g. 2026-Q4.' }),
  status: StringEnum(REPORT_STATUSES),
  narrative: LocalizedTextSchema,
  filedAt: DateTimeSchema,
});

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
    const visible = !project || isPublicProject(project) || seesInternal(request) || can(request.actor, 'measurement.record', item.target);
    if (!visible) throw notFound();
  }
  return item;
}

/**
 * A refused input as a 400 listing each problem at its place in the body; a problem with one
 * language of a text is the text's (`narrative_nl` is `body.narrative`).
 */
function invalid(errors: FieldErrors): HttpError {
  const problems = Object.entries(errors).map(([name, error]) => ({ field: `body.${name.replace(/_(nl|en)$/, '')}`, messageKey: error.key }));
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
        config: { action: 'measurement.record' },
        schema: {
          tags: ['Monitoring'],
          operationId: 'createMeasurement',
          summary: 'Record a measurement',
          description: 'For the coordinator (every target) and a project\'s lead (the project\'s targets), with a read-write token. The date may not lie in the future.',
          security: [{ bearerAuth: [] }],
          params: TargetParams,
          body: MeasurementInput,
          response: { 201: { ...MeasurementSchema, description: 'The new measurement.' }, ...problems(400, 401, 403, 404, 415) },
        },
      },
      async (request, reply) => {
        const item = await loadVisibleTarget(db, request, request.params.targetKey);
        const read = readJson(MeasurementInput, request.body);
        // A caller who may not record is refused (403) before anything about the input is said.
        const result = read.ok ? await addMeasurement({ actor: request.actor, db, target: item.target, measurement: { ...read.value, source: read.value.source.trim() } }) : read;
        if (!result.ok) throw invalid(result.errors);
        return reply.code(201).send(toMeasurement(result.value));
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
        config: { action: 'report.view' },
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
        if (!can(request.actor, 'report.view', project)) throw notFound();
        const paging = pagingOf(request.query);
        const all = (await q.listReports(db, project.id)).map(toReport);
        const path = `/programmes/${request.programme!.slug}/projects/${encodeURIComponent(project.code)}/progress-reports`;
        return pageEnvelope(all.slice(paging.offset, paging.offset + paging.pageSize), paging, all.length, path, request.query);
      },
    );

    api.post(
      reportsPath,
      {
        config: { action: 'report.file' },
        schema: {
          tags: ['Monitoring'],
          operationId: 'fileProgressReport',
          summary: 'File a progress report',
          description: 'For the project\'s lead (and the coordinator), with a read-write token: the current quarter or the one before. Filing again for the same period replaces the report (200).',
          security: [{ bearerAuth: [] }],
          params: ProjectParams,
          body: ReportInput,
          response: {
            200: { ...ReportSchema, description: 'The report replaced the earlier one for this period.' },
            201: { ...ReportSchema, description: 'The new report.' },
            ...problems(400, 401, 403, 404, 415),
          },
        },
      },
      async (request, reply) => {
        const project = await loadReportProject(request, request.params.projectCode);
        const read = readJson(ReportInput, request.body);
        const result = read.ok ? await fileReport({ actor: request.actor, db, project, report: { ...read.value, narrative: mergeLocalized({}, read.value.narrative) } }) : read;
        if (!result.ok) throw invalid(result.errors);
        return reply.code(result.value.replaced ? 200 : 201).send(toReport(result.value.report));
      },
    );
  },
});
