// Steering meetings, decisions and annual agendas. As on the pages: every meeting's schedule is
// public (it is in the public calendar feed), its agenda and minutes only for the body's members
// and the coordinator; decisions marked public for everyone, the others for who sees the body;
// published annual agendas for everyone, drafts for coordinator and steering levels. The
// coordinator plans meetings (POST) and changes them (PATCH with If-Match).
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { BODY_KINDS } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import { ANNUAL_AGENDA_STATES } from '../../../domain/annual-agenda.ts';
import { decisionStatus } from '../../../domain/meeting-record.ts';
import { readJson } from '../../../web/forms.ts';
import { HttpError, notFound } from '../../../web/http.ts';
import { authorize, can } from '../../../policies.ts';
import * as agendaQ from '../../agenda/queries.ts';
import * as q from '../../meetings/queries.ts';
import { AGENDA_ITEM_KINDS, DECISION_OUTCOMES, MEETING_STATES } from '../../meetings/tables.ts';
import { etagOf, requireIfMatch, seesInternal } from '../access.ts';
import { registerApiResource } from '../registry.ts';
import {
  API_PREFIX,
  DateSchema,
  DateTimeSchema,
  ETagHeader,
  IfMatchHeaders,
  LocalizedTextSchema,
  Nullable,
  PagingQuery,
  StringEnum,
  isoInstant,
  localized,
  pageEnvelope,
  pageOf,
  pagingOf,
  problems,
} from '../schemas.ts';
import { planMeeting, rescheduleMeeting } from '../../meetings/commands.ts';
import { MeetingCreate, MeetingPatch, meetingChange, refuseInvalid } from './meeting-input.ts';
import { ProgrammeParams } from './programmes.ts';

const BodyRefSchema = Type.Object({ kind: StringEnum(BODY_KINDS), name: LocalizedTextSchema });

const MeetingSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  body: BodyRefSchema,
  startsAt: DateTimeSchema,
  endsAt: DateTimeSchema,
  state: StringEnum(MEETING_STATES),
  location: Type.String(),
  onlineUrl: Nullable(Type.String()),
  sequence: Type.Integer({ minimum: 0, description: 'Counts every change (the ETag follows it).' }),
  updatedAt: DateTimeSchema,
});

const MeetingDetailSchema = Type.Object({
  ...MeetingSchema.properties,
  minutes: Type.Optional(Type.Object({ ...LocalizedTextSchema.properties }, { additionalProperties: false, description: 'Only for the body\'s members and the coordinator.' })),
  agendaItems: Type.Optional(
    Type.Array(
      Type.Object({ position: Type.Integer(), kind: StringEnum(AGENDA_ITEM_KINDS), title: LocalizedTextSchema, projects: Type.Array(Type.Object({ code: Type.String(), title: LocalizedTextSchema })) }),
      { description: 'Only for the body\'s members and the coordinator.' },
    ),
  ),
});

/** A decision's status as the API spells it (src/domain/meeting-record.ts decides it). */
const DECISION_API_STATUSES = ['awaiting_confirmation', 'confirmed', 'withdrawn'] as const;
const apiStatus = { awaitingConfirmation: 'awaiting_confirmation', confirmed: 'confirmed', withdrawn: 'withdrawn' } as const;

const DecisionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  text: LocalizedTextSchema,
  outcome: StringEnum(DECISION_OUTCOMES),
  public: Type.Boolean(),
  status: StringEnum(DECISION_API_STATUSES, {
    description:
      'awaiting_confirmation: recorded by the secretary, not yet confirmed by a member of the body who attended (backs nothing); confirmed: in force; withdrawn: kept in the record, backs nothing. The public sees confirmed ones only.',
  }),
  confirmedAt: Nullable(DateTimeSchema),
  withdrawnAt: Nullable(DateTimeSchema),
  body: BodyRefSchema,
  meeting: Type.Object({ id: Type.String({ format: 'uuid' }), startsAt: DateTimeSchema }),
  createdAt: DateTimeSchema,
});

const AgendaSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  startYear: Type.Integer(),
  endYear: Type.Integer(),
  state: StringEnum(ANNUAL_AGENDA_STATES),
  version: Type.Integer({ minimum: 1 }),
  updatedAt: DateTimeSchema,
});

const AgendaDetailSchema = Type.Object({
  ...AgendaSchema.properties,
  adoption: Nullable(
    Type.Object(
      {
        source: StringEnum(['decision', 'agreement'] as const, { description: 'What adopted the agenda: a confirmed executive decision at a held meeting, or the agreement itself (the first agenda, annexed to it).' }),
        date: DateSchema,
        decisionId: Nullable(Type.String({ format: 'uuid' })),
        meetingStartsAt: Nullable(DateTimeSchema),
      },
      { description: 'What adopted the agenda and on which date (the meeting\'s, or the day the agreement was signed).' },
    ),
  ),
  entries: Type.Array(
    Type.Object({
      position: Type.Integer(),
      project: Type.Object({ code: Type.String(), title: LocalizedTextSchema }),
      lead: LocalizedTextSchema,
      staffing: LocalizedTextSchema,
      actions: Type.Array(
        Type.Object({
          description: LocalizedTextSchema,
          owner: LocalizedTextSchema,
          due: LocalizedTextSchema,
          state: StringEnum(['open', 'in_progress', 'done', 'cancelled'] as const),
        }),
      ),
    }),
  ),
});

const MeetingParams = Type.Object({ ...ProgrammeParams.properties, meetingId: Type.String({ format: 'uuid' }) });
const DecisionParams = Type.Object({ ...ProgrammeParams.properties, decisionId: Type.String({ format: 'uuid' }) });
const AgendaParams = Type.Object({ ...ProgrammeParams.properties, agendaId: Type.String({ format: 'uuid' }) });

type Meeting = q.Meeting;
type Body = q.Body;

export function toMeeting(meeting: Meeting, body: Pick<Body, 'kind' | 'name'>) {
  return {
    id: meeting.id,
    body: { kind: body.kind, name: localized(body.name) },
    startsAt: isoInstant(meeting.startsAt)!,
    endsAt: isoInstant(meeting.endsAt)!,
    state: meeting.state,
    location: meeting.location,
    onlineUrl: meeting.onlineUrl,
    sequence: meeting.sequence,
    updatedAt: isoInstant(meeting.updatedAt)!,
  };
}

/** The bodies whose internal records (agenda, minutes, non-public decisions) this caller sees. */
async function insiderBodyIds(db: Db, request: FastifyRequest, bodies: Body[]): Promise<string[]> {
  if (!request.actor) return [];
  const ids: string[] = [];
  for (const body of bodies) if (can(request.actor, 'body.viewInternal', await q.bodyRef(db, body))) ids.push(body.id);
  return ids;
}

async function meetingBody(db: Db, request: FastifyRequest, meeting: Meeting, body: Body) {
  const insider = can(request.actor, 'body.viewInternal', await q.bodyRef(db, body));
  if (!insider) return toMeeting(meeting, body);
  const detail = await q.loadMeetingDetail(db, request.programme!.id, meeting);
  return {
    ...toMeeting(meeting, body),
    minutes: localized(meeting.minutes),
    agendaItems: detail.items.map((row) => ({
      position: row.item.position,
      kind: row.item.kind,
      title: localized(row.item.title),
      projects: row.projects.map((p) => ({ code: p.code, title: localized(p.title) })),
    })),
  };
}

async function visibleDecisions(db: Db, request: FastifyRequest) {
  const programmeId = request.programme!.id;
  const bodies = await q.listBodies(db, programmeId);
  const rows = await q.listDecisions(db, programmeId, await insiderBodyIds(db, request, bodies));
  return rows.map(toDecision);
}

export function toDecision(row: Awaited<ReturnType<typeof q.listDecisions>>[number]) {
  return {
    id: row.decision.id,
    text: localized(row.decision.text),
    outcome: row.decision.outcome,
    public: row.decision.public,
    status: apiStatus[decisionStatus(row.decision)],
    confirmedAt: isoInstant(row.decision.confirmedAt),
    withdrawnAt: isoInstant(row.decision.withdrawnAt),
    body: { kind: row.bodyKind, name: localized(row.bodyName) },
    meeting: { id: row.meetingId, startsAt: isoInstant(row.startsAt)! },
    createdAt: isoInstant(row.decision.createdAt)!,
  };
}

async function loadAgenda(db: Db, request: FastifyRequest, id: string) {
  const agenda = await agendaQ.getAgenda(db, request.programme!.id, id);
  if (!agenda || (agenda.state !== 'published' && !seesInternal(request))) throw notFound();
  return agenda;
}

const toAgenda = (a: agendaQ.AnnualAgenda) => ({ id: a.id, startYear: a.startYear, endYear: a.endYear, state: a.state, version: a.version, updatedAt: isoInstant(a.updatedAt)! });

registerApiResource({
  name: 'meetings',
  order: 90,
  tag: { name: 'Meetings', description: 'Meetings of the steering bodies, their decisions and the annual agendas.' },
  register(api, { db }) {
    const base = '/programmes/:programme/meetings';

    api.get(
      base,
      {
        config: { action: 'public' },
        schema: {
          tags: ['Meetings'],
          operationId: 'listMeetings',
          summary: 'List the steering bodies\' meetings',
          description: 'Every meeting\'s schedule (as in the public calendar feeds), earliest first; filter by body and state.',
          params: ProgrammeParams,
          querystring: Type.Object({ ...PagingQuery, body: Type.Optional(StringEnum(BODY_KINDS)), state: Type.Optional(StringEnum(MEETING_STATES)) }, { additionalProperties: false }),
          response: { 200: pageOf(MeetingSchema, 'A page of meetings.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const paging = pagingOf(request.query);
        const bodies = (await q.listBodies(db, request.programme!.id)).filter((b) => !request.query.body || b.kind === request.query.body);
        const lists = await Promise.all(bodies.map(async (body) => (await q.listBodyMeetings(db, body.id)).map((meeting) => ({ meeting, body }))));
        const all = lists
          .flat()
          .filter(({ meeting }) => !request.query.state || meeting.state === request.query.state)
          .sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime() || a.meeting.id.localeCompare(b.meeting.id));
        const items = all.slice(paging.offset, paging.offset + paging.pageSize).map(({ meeting, body }) => toMeeting(meeting, body));
        return pageEnvelope(items, paging, all.length, `/programmes/${request.programme!.slug}/meetings`, request.query);
      },
    );

    api.post(
      base,
      {
        config: { action: 'meeting.plan' },
        schema: {
          tags: ['Meetings'],
          operationId: 'createMeeting',
          summary: 'Plan a meeting',
          description: 'For the coordinator, with a read-write token. Times are UTC instants in whole minutes; the meeting must end after it starts, on the same day in Amsterdam time (as on the planning form), and needs a location or an online link.',
          security: [{ bearerAuth: [] }],
          params: ProgrammeParams,
          body: MeetingCreate,
          response: {
            201: { ...MeetingDetailSchema, description: 'The new meeting.', headers: { ...ETagHeader, Location: { type: 'string', description: 'The URL of the new meeting.' } } },
            ...problems(400, 401, 403, 404, 415),
          },
        },
      },
      async (request, reply) => {
        const read = readJson(MeetingCreate, request.body);
        if (!read.ok) refuseInvalid(read.errors);
        const body = await q.getBody(db, request.programme!.id, read.value.body);
        if (!body) throw new HttpError(400, 'error.badRequest', `body.body: this programme has no ${read.value.body} body`, [{ field: 'body.body', messageKey: 'api.invalid.required' }]);
        authorize(request.actor, 'meeting.plan', body);
        const schedule = meetingChange(read.value);
        if (!schedule.ok) refuseInvalid(schedule.errors);
        const result = await planMeeting({ actor: request.actor, db, programmeId: request.programme!.id, body, schedule: schedule.value, origin: 'api' });
        if (!result.ok) refuseInvalid(result.errors);
        const { meeting } = (await q.getMeeting(db, request.programme!.id, result.value.id))!;
        return reply
          .code(201)
          .header('Location', `${API_PREFIX}/programmes/${request.programme!.slug}/meetings/${meeting.id}`)
          .header('ETag', etagOf(meeting.id, meeting.sequence))
          .send(await meetingBody(db, request, meeting, body));
      },
    );

    api.get(
      `${base}/:meetingId`,
      {
        config: { action: 'public' },
        schema: {
          tags: ['Meetings'],
          operationId: 'getMeeting',
          summary: 'Get a meeting',
          description: 'The meeting\'s schedule; its agenda and minutes only for the body\'s members and the coordinator. The ETag header names the version to send back in If-Match.',
          params: MeetingParams,
          response: { 200: { ...MeetingDetailSchema, description: 'The meeting.', headers: ETagHeader }, ...problems(400, 404) },
        },
      },
      async (request, reply) => {
        const found = await q.getMeeting(db, request.programme!.id, request.params.meetingId);
        if (!found) throw notFound();
        reply.header('ETag', etagOf(found.meeting.id, found.meeting.sequence));
        return meetingBody(db, request, found.meeting, found.body);
      },
    );

    api.patch(
      `${base}/:meetingId`,
      {
        config: { action: 'meeting.update' },
        schema: {
          tags: ['Meetings'],
          operationId: 'updateMeeting',
          summary: 'Change a meeting\'s schedule or state',
          description: 'For the coordinator, with a read-write token. Send the ETag from GET in If-Match. The same rules as for planning apply to the changed schedule.',
          security: [{ bearerAuth: [] }],
          params: MeetingParams,
          headers: IfMatchHeaders,
          body: MeetingPatch,
          response: { 200: { ...MeetingDetailSchema, description: 'The changed meeting.', headers: ETagHeader }, ...problems(400, 401, 403, 404, 412, 415, 428) },
        },
      },
      async (request, reply) => {
        const found = await q.getMeeting(db, request.programme!.id, request.params.meetingId);
        if (!found) throw notFound();
        // Permission before precondition: who may not change it learns nothing about versions.
        authorize(request.actor, 'meeting.update', found.body);
        const expectedSequence = requireIfMatch(request, found.meeting.id, found.meeting.sequence);
        const read = readJson(MeetingPatch, request.body);
        if (!read.ok) refuseInvalid(read.errors);
        const change = meetingChange(read.value, found.meeting);
        if (!change.ok) refuseInvalid(change.errors);
        const result = await rescheduleMeeting({ actor: request.actor, db, programmeId: request.programme!.id, ...found, expectedSequence, change: change.value, origin: 'api' });
        if (!result.ok && 'stale' in result) throw new HttpError(412, 'api.error.preconditionFailed');
        if (!result.ok) refuseInvalid(result.errors);
        const changed = (await q.getMeeting(db, request.programme!.id, found.meeting.id))!;
        reply.header('ETag', etagOf(changed.meeting.id, changed.meeting.sequence));
        return meetingBody(db, request, changed.meeting, changed.body);
      },
    );

    api.get(
      '/programmes/:programme/decisions',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Meetings'],
          operationId: 'listDecisions',
          summary: 'List decisions',
          description: 'Public decisions of the steering bodies, newest meeting first (the latest 200); non-public ones also for the members of the body that took them and the coordinator.',
          params: ProgrammeParams,
          querystring: Type.Object({ ...PagingQuery, outcome: Type.Optional(StringEnum(DECISION_OUTCOMES)) }, { additionalProperties: false }),
          response: { 200: pageOf(DecisionSchema, 'A page of decisions.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const paging = pagingOf(request.query);
        const all = (await visibleDecisions(db, request)).filter((d) => !request.query.outcome || d.outcome === request.query.outcome);
        return pageEnvelope(all.slice(paging.offset, paging.offset + paging.pageSize), paging, all.length, `/programmes/${request.programme!.slug}/decisions`, request.query);
      },
    );

    api.get(
      '/programmes/:programme/decisions/:decisionId',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Meetings'],
          operationId: 'getDecision',
          summary: 'Get a decision',
          description: 'One decision the caller may see.',
          params: DecisionParams,
          response: { 200: { ...DecisionSchema, description: 'The decision.' }, ...problems(400, 404) },
        },
      },
      async (request) => {
        const decision = (await visibleDecisions(db, request)).find((d) => d.id === request.params.decisionId);
        if (!decision) throw notFound();
        return decision;
      },
    );

    api.get(
      '/programmes/:programme/annual-agendas',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Meetings'],
          operationId: 'listAnnualAgendas',
          summary: 'List the annual agendas',
          description: 'Published annual agendas, newest first; drafts and proposals also for the coordinator and the steering levels.',
          params: ProgrammeParams,
          querystring: Type.Object({ ...PagingQuery }, { additionalProperties: false }),
          response: { 200: pageOf(AgendaSchema, 'A page of annual agendas.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const paging = pagingOf(request.query);
        const all = (await agendaQ.listAgendas(db, request.programme!.id, seesInternal(request))).map(toAgenda);
        return pageEnvelope(all.slice(paging.offset, paging.offset + paging.pageSize), paging, all.length, `/programmes/${request.programme!.slug}/annual-agendas`, request.query);
      },
    );

    api.get(
      '/programmes/:programme/annual-agendas/:agendaId',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Meetings'],
          operationId: 'getAnnualAgenda',
          summary: 'Get an annual agenda with its projects',
          description: 'The agenda\'s projects with lead, staffing and actions as adopted, and the decision that adopted it.',
          params: AgendaParams,
          response: { 200: { ...AgendaDetailSchema, description: 'The annual agenda.' }, ...problems(400, 404) },
        },
      },
      async (request) => {
        const agenda = await loadAgenda(db, request, request.params.agendaId);
        const [entries, source] = await Promise.all([agendaQ.listEntries(db, agenda.id), agendaQ.adoptionSource(db, agenda)]);
        return {
          ...toAgenda(agenda),
          adoption: source
            ? {
                source: source.kind,
                date: source.date,
                decisionId: source.adoption?.decision.id ?? null,
                meetingStartsAt: source.adoption ? isoInstant(source.adoption.startsAt)! : null,
              }
            : null,
          entries: entries.map((row) => ({
            position: row.entry.position,
            project: { code: row.code, title: localized(row.title) },
            lead: localized(row.entry.lead),
            staffing: localized(row.entry.staffing),
            actions: row.entry.actions.map((a) => ({ description: localized(a.description), owner: localized(a.owner), due: localized(a.due), state: a.state })),
          })),
        };
      },
    );
  },
});
