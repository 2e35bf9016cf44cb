// Bodies, meetings, decisions and calendars. Every route names its action (./policy.ts): a
// meeting's pages are for who sees its body's internal records, and the secretary's writes are
// answered for the meeting's body once it is loaded; anything the reader may not see or do answers
// 404. Each write reads its form with its declaration (./schema.ts) and calls one command.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import { now } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { organisations } from '../../db/schema.ts';
import { amsterdamYear } from '../../domain/cadence.ts';
import { resolveText } from '../../domain/localized.ts';
import { decisionStatus, recordBlock } from '../../domain/meeting-record.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { askToConfirm, isConfirmed } from '../../web/confirm.tsx';
import { formatDate } from '../../web/i18n.ts';
import { notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import type { TSchema } from 'typebox';
import { FORM_ERROR, refusedField, type Outcome } from '../../domain/outcome.ts';
import { can, type ActionName } from '../../policies.ts';
import * as commands from './commands.ts';
import * as items from './item-commands.ts';
import * as record from './record-commands.ts';
import { registerRecordRoutes, registerSettingsRoutes } from './record-routes.tsx';
import { registerCalendarFeedRoutes } from './calendar-feed-routes.tsx';
import { conflictRows } from '../portfolio/edit-routes.tsx';
import type { ConflictInfo } from '../portfolio/edit-views.tsx';
import { formState, isUuid, readForm, Type, type FormBody, type FormState, type Static } from '../../web/forms.ts';
import { ActionInput, AgendaItemInput, AttendanceInput, CancelInput, WithdrawInput, DecisionInput, DocumentInput, LeaveInput, MeetingStateInput, MemberInput, MinutesInput, MoveInput, ProposalInput, RescheduleInput, ScheduleInput } from './schema.ts';
import { meetingCalendar } from './ics.ts';
import { MEETING_ITEM } from '../files/owners.ts';
import { attachmentsOfMany } from '../files/queries.ts';
import { invitationStatus, readReport } from '../monitoring/invitations.ts';
import { evaluationCutoff, loadEvaluation } from './reports.ts';
import { evaluationDocument, meetingPackDocument, minutesDocument } from './documents.ts';
import { documentContext, sendDocument } from '../../documents/http.ts';
import './messages.ts';
import '../accounts/messages-people.ts';
import './messages-record.ts';
import './messages-schedule.ts';
import { registerCadencePanel } from './cadence-panel.tsx';
import * as q from './queries.ts';
import { DecisionsPage, MEETING_SECTIONS, meetingTitle, PlanMeetingPage, type MeetingSection } from './views.tsx';
import { MeetingPage } from './meeting-views.tsx';
import { BodiesPage, BodyPage } from './body-views.tsx';

type P = { programme: string };
type BodyParams = P & { kind: string };
type MeetingParams = P & { meeting: string };

export function registerMeetingRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'nav.meetings', path: '/bodies', order: 40 });
  registerCadencePanel();
  registerSettingsRoutes(app, db, config);
  registerCalendarFeedRoutes(app, db, config);

  const base = (request: FastifyRequest) => `/${request.locale}/${request.programme!.slug}`;

  async function loadBody(request: FastifyRequest<{ Params: BodyParams }>) {
    const body = await q.getBody(db, request.programme!.id, request.params.kind);
    if (!body) throw notFound();
    return body;
  }

  async function renderBody(request: FastifyRequest<{ Params: BodyParams }>, reply: FastifyReply, state?: FormState) {
    const body = await loadBody(request);
    const programmeId = request.programme!.id;
    const ref = await q.bodyRef(db, body);
    const [members, meetingList, orgs] = await Promise.all([
      q.listMembers(db, body.id),
      can(request.actor, 'body.viewInternal', ref) ? q.listBodyMeetings(db, body.id) : Promise.resolve(null),
      db.select({ slug: organisations.slug, name: organisations.name }).from(organisations).where(eq(organisations.programmeId, programmeId)).orderBy(asc(organisations.slug)),
    ]);
    const evaluationYears =
      body.kind === 'executive' && meetingList ? [...new Set([...meetingList.map((m) => amsterdamYear(m.startsAt)), amsterdamYear(now())])].sort() : [];
    const page = (
      <BodyPage
        ctx={pageContext(request, config)}
        body={body}
        members={members}
        meetings={meetingList}
        canPrepare={can(request.actor, 'body.manageMembers')}
        canPlan={can(request.actor, 'meeting.plan', body)}
        organisations={orgs}
        evaluationYears={evaluationYears}
        state={state}
      />
    );
    return sendHtml(reply, renderPage(page), state ? 400 : 200);
  }

  /** Loads a meeting the actor may see; anything else does not exist for them. */
  async function loadMeeting(request: FastifyRequest<{ Params: MeetingParams }>) {
    const found = await q.getMeeting(db, request.programme!.id, request.params.meeting);
    if (!found) throw notFound();
    if (!can(request.actor, 'meeting.view', await q.bodyRef(db, found.body))) throw notFound();
    return found;
  }

  async function renderMeeting(request: FastifyRequest<{ Params: MeetingParams }>, reply: FastifyReply, state?: FormState, status?: number, minutesConflict?: ConflictInfo) {
    const { meeting, body } = await loadMeeting(request);
    const prepares = can(request.actor, 'meeting.update', body);
    const detail = await q.loadMeetingDetail(db, request.programme!.id, meeting);
    const files = await attachmentsOfMany(db, config, request.programme!.id, MEETING_ITEM, detail.items.map((row) => row.item.id), prepares);
    const invitations = prepares ? await invitationStatus(db, meeting) : undefined;
    const blocked = recordBlock(meeting, now());
    // Four eyes: the decisions this reader may confirm (a member who attended, not the recorder).
    const confirmable = new Set(
      detail.decisions
        .filter((row) => decisionStatus(row.decision) === 'awaitingConfirmation')
        .filter((row) => can(request.actor, 'decision.confirm', { programmeId: meeting.programmeId, attendedUserIds: detail.attendedUserIds, recordedByUserId: row.decision.recordedByUserId }))
        .map((row) => row.decision.id),
    );
    const [approvesAtNext, previous, approvedIn, notes] = await Promise.all([
      record.approvesAtNextMeeting(db, request.programme!.id),
      record.previousMeeting(db, meeting),
      q.approvingMeeting(db, meeting),
      q.listMinutesNotes(db, meeting.id),
    ]);
    const page = (
      <MeetingPage
        record={{ approvesAtNextMeeting: approvesAtNext, previous, approvedIn, notes }}
        ctx={pageContext(request, config)}
        meeting={meeting}
        body={body}
        detail={detail}
        files={files}
        canPrepare={prepares}
        state={state}
        invitations={invitations}
        invitationReport={invitations ? readReport((request.query as { invited?: unknown } | undefined)?.invited) : null}
        blocked={blocked}
        confirmable={confirmable}
        minutesConflict={minutesConflict}
      />
    );
    return sendHtml(reply, renderPage(page), status ?? (minutesConflict ? 409 : state ? 400 : 200));
  }

  for (const { url } of localizedPaths('/:programme/bodies')) {
    app.get<{ Params: P }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const bodies = await q.listBodies(db, request.programme!.id);
      const members = new Map(await Promise.all(bodies.map(async (b) => [b.id, await q.listMembers(db, b.id)] as const)));
      return sendHtml(reply, renderPage(<BodiesPage ctx={pageContext(request, config)} bodies={bodies} members={members} subscribes={can(request.actor, 'calendar.subscribe')} />));
    });
  }

  for (const { url } of localizedPaths('/:programme/bodies/:kind')) {
    app.get<{ Params: BodyParams }>(url, { config: { action: 'public' } }, async (request, reply) => renderBody(request, reply));

    app.post<{ Params: BodyParams; Body: FormBody }>(`${url}/members`, { config: { action: 'body.manageMembers' } }, async (request, reply) => {
      const body = await loadBody(request);
      const read = readForm(MemberInput, request.body);
      const result = read.ok ? await commands.addMember({ actor: request.actor, db, programmeId: request.programme!.id, bodyId: body.id, member: read.value }) : read;
      if (!result.ok) return renderBody(request, reply, formState('member', result.errors, request.body));
      return redirectLocal(reply, undefined, `${base(request)}/bodies/${body.kind}`);
    });

    app.post<{ Params: BodyParams & { membership: string }; Body: FormBody }>(`${url}/members/:membership/leave`, { config: { action: 'body.manageMembers' } }, async (request, reply) => {
      const body = await loadBody(request);
      if (!isUuid(request.params.membership)) throw notFound();
      const read = readForm(LeaveInput, request.body);
      const result = read.ok
        ? await commands.endMembership({ actor: request.actor, db, programmeId: request.programme!.id, bodyId: body.id, membershipId: request.params.membership, leave: read.value })
        : read;
      if (result === null) throw notFound();
      if (!result.ok) return renderBody(request, reply, formState(`leave-${request.params.membership}`, result.errors, request.body));
      return redirectLocal(reply, undefined, `${base(request)}/bodies/${body.kind}`);
    });

    app.get<{ Params: BodyParams }>(`${url}/meetings.ics`, { config: { action: 'public' } }, async (request, reply) => {
      const body = await loadBody(request);
      const list = await q.listBodyMeetings(db, body.id);
      const ics = meetingCalendar({ baseUrl: config.baseUrl, locale: request.locale, programmeSlug: request.programme!.slug, bodyName: body.name, meetings: list, now: new Date(), refreshSeconds: 60 * 60 });
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${body.kind}.ics"`).send(ics);
    });

    // The mid-term evaluation is for the executive meeting: its members and the coordinator.
    app.get<{ Params: BodyParams & { year: string; format: string } }>(`${url}/evaluations/:year/:format`, { config: { action: 'evaluation.view' } }, async (request, reply) => {
      const body = await loadBody(request);
      const year = Number(request.params.year);
      const format = request.params.format;
      if (body.kind !== 'executive' || !/^\d{4}$/.test(request.params.year) || year < 2000 || year > 2100 || !['report.pdf', 'report.docx'].includes(format)) throw notFound();
      if (!can(request.actor, 'evaluation.view', await q.bodyRef(db, body))) throw notFound();
      const rows = await loadEvaluation(db, request.programme!.id, year);
      const document = evaluationDocument(documentContext(request), { rows, year, cutoff: evaluationCutoff(year) });
      return sendDocument(request, reply, format === 'report.pdf' ? 'pdf' : 'docx', document, `evaluation-${year}-${request.locale}`);
    });

    /** The body to plan a meeting for, if the actor may. */
    async function bodyToPlan(request: FastifyRequest<{ Params: BodyParams }>) {
      const body = await loadBody(request);
      if (!can(request.actor, 'meeting.plan', body)) throw notFound();
      return body;
    }

    app.get<{ Params: BodyParams }>(`${url}/meetings/new`, { config: { action: 'meeting.plan' } }, async (request, reply) => {
      const body = await bodyToPlan(request);
      return sendHtml(reply, renderPage(<PlanMeetingPage ctx={pageContext(request, config)} body={body} />));
    });

    app.post<{ Params: BodyParams; Body: FormBody }>(`${url}/meetings`, { config: { action: 'meeting.plan' } }, async (request, reply) => {
      const body = await bodyToPlan(request);
      const read = readForm(ScheduleInput, request.body);
      const result = read.ok ? await commands.planMeeting({ actor: request.actor, db, programmeId: request.programme!.id, body, schedule: read.value }) : read;
      if (!result.ok) {
        return sendHtml(reply, renderPage(<PlanMeetingPage ctx={pageContext(request, config)} body={body} state={formState('plan', result.errors, request.body)} />), 400);
      }
      return redirectLocal(reply, undefined, `${base(request)}/meetings/${result.value.id}`);
    });
  }

  for (const { url } of localizedPaths('/:programme/decisions')) {
    app.get<{ Params: P }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const programmeId = request.programme!.id;
      const bodies = await q.listBodies(db, programmeId);
      const internal: string[] = [];
      if (request.actor) {
        for (const body of bodies) if (can(request.actor, 'body.viewInternal', await q.bodyRef(db, body))) internal.push(body.id);
      }
      const rows = await q.listDecisions(db, programmeId, internal);
      return sendHtml(reply, renderPage(<DecisionsPage ctx={pageContext(request, config)} rows={rows} />));
    });
  }

  for (const { url } of localizedPaths('/:programme/meetings/:meeting')) {
    app.get<{ Params: MeetingParams }>(url, { config: { action: 'meeting.view' } }, async (request, reply) => renderMeeting(request, reply));

    app.get<{ Params: MeetingParams }>(`${url}/meeting.ics`, { config: { action: 'meeting.view' } }, async (request, reply) => {
      const { meeting, body } = await loadMeeting(request);
      const ics = meetingCalendar({ baseUrl: config.baseUrl, locale: request.locale, programmeSlug: request.programme!.slug, bodyName: body.name, meetings: [meeting], now: new Date() });
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="meeting-${meeting.id}.ics"`).send(ics);
    });

    // The meeting pack and the minutes: for whoever may see the meeting page they come from.
    for (const format of ['pdf', 'docx'] as const) {
      app.get<{ Params: MeetingParams }>(`${url}/pack.${format}`, { config: { action: 'meeting.view' } }, async (request, reply) => {
        const { meeting, body } = await loadMeeting(request);
        const detail = await q.loadMeetingDetail(db, request.programme!.id, meeting);
        const document = meetingPackDocument(documentContext(request), { meeting, detail, meetingTitle: meetingTitle(pageContext(request, config), body, meeting) });
        return sendDocument(request, reply, format, document, `meeting-pack-${toAmsterdam(meeting.startsAt).date}-${request.locale}`);
      });

      app.get<{ Params: MeetingParams }>(`${url}/minutes.${format}`, { config: { action: 'meeting.view' } }, async (request, reply) => {
        const { meeting, body } = await loadMeeting(request);
        const [detail, notes] = await Promise.all([q.loadMeetingDetail(db, request.programme!.id, meeting), q.listMinutesNotes(db, meeting.id)]);
        const document = minutesDocument(documentContext(request), { meeting, detail, notes, meetingTitle: meetingTitle(pageContext(request, config), body, meeting) });
        return sendDocument(request, reply, format, document, `minutes-${toAmsterdam(meeting.startsAt).date}-${request.locale}`);
      });
    }

    type WriteRequest = FastifyRequest<{ Params: MeetingParams & Record<string, string>; Body: FormBody }>;
    type Scope = commands.Base & commands.MeetingScope;

    /**
     * A secretary's write to a meeting: load the meeting (404 unless visible), answer the action for
     * its body (404 if denied), read the form with its declaration and run the command; a refusal
     * shows the page again with the problems and what was typed, `null` means the sub-record is gone.
     */
    function write<S extends TSchema>(
      path: string,
      action: MeetingWrite,
      schema: S,
      form: (request: WriteRequest) => string,
      run: (scope: Scope, input: Static<S>, request: WriteRequest) => Promise<Outcome<{ id: string }> | null>,
      /** The page's section the save returns to (MEETING_SECTIONS). */
      section: MeetingSection,
    ) {
      app.post<{ Params: MeetingParams & Record<string, string>; Body: FormBody }>(`${url}${path}`, { config: { action } }, async (request, reply) => {
        const { meeting, body } = await loadMeeting(request);
        for (const [name, value] of Object.entries(request.params)) if (name !== 'programme' && name !== 'meeting' && !isUuid(value)) throw notFound();
        if (!can(request.actor, action, body)) throw notFound();
        const read = readForm(schema, request.body);
        const scope = { actor: request.actor, db, programmeId: request.programme!.id, meeting, body };
        const result = read.ok ? await run(scope, read.value, request) : read;
        if (result === null) throw notFound();
        if (!result.ok) return renderMeeting(request, reply, formState(form(request), result.errors, request.body));
        return redirectLocal(reply, undefined, `${base(request)}/meetings/${meeting.id}#${MEETING_SECTIONS[section]}`);
      });
    }
    const named = (name: string) => () => name;
    const noFields = Type.Object({});

    // Cancelling asks for a reason and a confirmation (the cancel form below): not a choice in the state list.
    write('/state', 'meeting.update', MeetingStateInput, named('state'), async (scope, change) => (change.state === 'cancelled' ? refusedField('state', 'meetings.cancel.useForm') : commands.setMeetingState({ ...scope, change })), 'schedule');
    // The minutes: a save from a stale version (another tab, another secretary) answers 409 with the
    // minutes as saved now, who saved them and when, and what this person typed, still in the form.
    app.post<{ Params: MeetingParams; Body: FormBody }>(`${url}/minutes`, { config: { action: 'meeting.recordMinutes' } }, async (request, reply) => {
      const { meeting, body } = await loadMeeting(request);
      if (!can(request.actor, 'meeting.recordMinutes', body)) throw notFound();
      const read = readForm(MinutesInput, request.body);
      if (!read.ok) return renderMeeting(request, reply, formState('minutes', read.errors, request.body));
      const result = await commands.saveMinutes({ actor: request.actor, db, programmeId: request.programme!.id, meeting, body, minutes: read.value });
      if (!result.ok && 'conflict' in result) {
        const ctx = pageContext(request, config);
        const by = await q.lastChange(db, 'meeting', meeting.id, ['meeting.minutes']);
        const rows = conflictRows(result.current, { minutes: read.value.minutes }, { minutes: ctx.t('meetings.minutes.text') }, ctx.t, ctx.locale, new Map());
        return renderMeeting(request, reply, formState('minutes', {}, request.body), 409, { rows, by: by?.actorLabel ?? null, at: by?.at ?? null });
      }
      if (!result.ok) return renderMeeting(request, reply, formState('minutes', result.errors, request.body));
      return redirectLocal(reply, undefined, `${base(request)}/meetings/${meeting.id}#${MEETING_SECTIONS.minutes}`);
    });
    write('/items', 'agendaItem.add', AgendaItemInput, named('item'), (scope, item) => items.addAgendaItem({ ...scope, item }), 'agenda');
    write('/items/:item/move', 'agendaItem.move', MoveInput, named('move'), (scope, move, request) => items.moveAgendaItem({ ...scope, itemId: request.params.item!, move }), 'agenda');
    write('/items/:item/documents', 'agendaItem.addDocument', DocumentInput, (request) => `doc-${request.params.item}`, (scope, document, request) =>
      items.addDocument({ ...scope, itemId: request.params.item!, document }),
      'agenda',
    );
    write('/proposals', 'decision.propose', ProposalInput, named('proposal'), (scope, proposal) => items.prepareProposal({ ...scope, proposal }), 'proposals');
    write('/decisions', 'decision.record', DecisionInput, named('decision'), (scope, decision) => items.recordDecision({ ...scope, decision }), 'decisions');
    write('/attendance', 'meeting.recordAttendance', AttendanceInput, named('attendance'), (scope, attendance) => items.recordAttendance({ ...scope, attendance }), 'attendance');
    write('/actions', 'meetingAction.add', ActionInput, named('action'), (scope, action) => items.addAction({ ...scope, action }), 'actions');

    // Rescheduling a planned meeting: the same command as the API's PATCH, from the sequence the page
    // showed (a stale form answers 409 with what was typed). When invitations went out, the save
    // lands on the invitations section, which now offers to send the members the update.
    app.post<{ Params: MeetingParams; Body: FormBody }>(`${url}/reschedule`, { config: { action: 'meeting.update' } }, async (request, reply) => {
      const { meeting, body } = await loadMeeting(request);
      if (!can(request.actor, 'meeting.update', body)) throw notFound();
      const read = readForm(RescheduleInput, request.body, request.locale);
      if (!read.ok) return renderMeeting(request, reply, formState('reschedule', read.errors, request.body));
      if (meeting.state !== 'planned') return renderMeeting(request, reply, formState('reschedule', { [FORM_ERROR]: { key: 'meetings.reschedule.notPlanned' } }, request.body));
      const { sequence, ...schedule } = read.value;
      const result = await commands.rescheduleMeeting({ actor: request.actor, db, programmeId: request.programme!.id, meeting, body, expectedSequence: sequence, change: { ...schedule, state: meeting.state } });
      if (!result.ok && 'stale' in result) return renderMeeting(request, reply, formState('reschedule', { [FORM_ERROR]: { key: 'meetings.reschedule.stale' } }, request.body), 409);
      if (!result.ok) return renderMeeting(request, reply, formState('reschedule', result.errors, request.body));
      const invited = (await invitationStatus(db, meeting)).lastSentAt !== null;
      return redirectLocal(reply, undefined, `${base(request)}/meetings/${meeting.id}#${invited ? 'invitations-heading' : MEETING_SECTIONS.schedule}`);
    });

    // Cancelling: with a reason, after a confirmation step that says what happens to the invitations.
    app.post<{ Params: MeetingParams; Body: FormBody }>(`${url}/cancel`, { config: { action: 'meeting.update' } }, async (request, reply) => {
      const { meeting, body } = await loadMeeting(request);
      if (!can(request.actor, 'meeting.update', body)) throw notFound();
      const read = readForm(CancelInput, request.body, request.locale);
      if (!read.ok) return renderMeeting(request, reply, formState('cancel', read.errors, request.body));
      if (meeting.state !== 'planned') return renderMeeting(request, reply, formState('cancel', { [FORM_ERROR]: { key: 'meetings.cancel.notPlanned' } }, request.body));
      const path = `${base(request)}/meetings/${meeting.id}`;
      const invited = (await invitationStatus(db, meeting)).lastSentAt !== null;
      if (!isConfirmed(request.body)) {
        const ctx = pageContext(request, config);
        return askToConfirm(request, reply, config, {
          title: ctx.t('meetings.cancel.confirmTitle', { title: meetingTitle(ctx, body, meeting) }),
          consequences: [
            ctx.t('meetings.cancel.effect'),
            `${ctx.t('meetings.cancel.reason')}: ${read.value.reason}`,
            ctx.t(invited ? 'meetings.cancel.invited' : 'meetings.cancel.notInvited'),
          ],
          action: `${path}/cancel`,
          values: { sequence: String(read.value.sequence), reason: read.value.reason },
          confirmLabel: ctx.t('meetings.cancel.submit'),
          cancelHref: `${path}#${MEETING_SECTIONS.schedule}`,
        });
      }
      const when = toAmsterdam(meeting.startsAt);
      const change = { date: when.date, startTime: when.time, endTime: toAmsterdam(meeting.endsAt).time, location: meeting.location || undefined, onlineUrl: meeting.onlineUrl ?? undefined, state: 'cancelled' as const };
      const result = await commands.rescheduleMeeting({ actor: request.actor, db, programmeId: request.programme!.id, meeting, body, expectedSequence: read.value.sequence, change, reason: read.value.reason });
      if (!result.ok && 'stale' in result) return renderMeeting(request, reply, formState('cancel', { [FORM_ERROR]: { key: 'meetings.reschedule.stale' } }, request.body), 409);
      if (!result.ok) return renderMeeting(request, reply, formState('cancel', result.errors, request.body));
      return redirectLocal(reply, undefined, `${path}#${invited ? 'invitations-heading' : MEETING_SECTIONS.schedule}`);
    });
    // A member who attended confirms a recorded decision (four eyes), after a confirmation step.
    app.post<{ Params: MeetingParams & { decisionId: string }; Body: FormBody }>(`${url}/decisions/:decisionId/confirm`, { config: { action: 'decision.confirm' } }, async (request, reply) => {
      const { meeting, body } = await loadMeeting(request);
      if (!isUuid(request.params.decisionId)) throw notFound();
      const programmeId = request.programme!.id;
      const ref = await items.decisionRef(db, programmeId, meeting.id, request.params.decisionId);
      if (!ref || !can(request.actor, 'decision.confirm', ref)) throw notFound();
      const path = `${base(request)}/meetings/${meeting.id}`;
      const [decision] = (await q.loadMeetingDetail(db, programmeId, meeting)).decisions.filter((row) => row.decision.id === request.params.decisionId);
      // One awaiting confirmation asks first; one confirmed or withdrawn is refused by the command with its message.
      if (!isConfirmed(request.body) && decisionStatus(decision!.decision) === 'awaitingConfirmation') {
        const ctx = pageContext(request, config);
        const text = resolveText(decision!.decision.text, request.locale).text;
        return askToConfirm(request, reply, config, {
          title: ctx.t('meetings.decisions.confirmTitle'),
          consequences: [
            ctx.t('meetings.decisions.confirmWhat', { body: resolveText(body.name, request.locale).text, date: formatDate(request.locale, toAmsterdam(meeting.startsAt).date), text, outcome: ctx.t(`meetings.outcome.${decision!.decision.outcome}`) }),
            ctx.t('meetings.decisions.confirmEffect'),
            ctx.t('meetings.decisions.confirmName'),
          ],
          action: `${path}/decisions/${request.params.decisionId}/confirm`,
          values: {},
          confirmLabel: ctx.t('meetings.decisions.confirm'),
          cancelHref: path,
        });
      }
      const result = await items.confirmDecision({ actor: request.actor, db, programmeId, meetingId: meeting.id, decisionId: request.params.decisionId });
      if (result === null) throw notFound();
      if (!result.ok) return renderMeeting(request, reply, formState(`confirm-${request.params.decisionId}`, result.errors, request.body));
      return redirectLocal(reply, undefined, `${path}#${MEETING_SECTIONS.decisions}`);
    });
    // The secretary withdraws a decision (audited) until the minutes are approved, after a confirmation step.
    app.post<{ Params: MeetingParams & { decisionId: string }; Body: FormBody }>(`${url}/decisions/:decisionId/withdraw`, { config: { action: 'decision.withdraw' } }, async (request, reply) => {
      const { meeting, body } = await loadMeeting(request);
      if (!isUuid(request.params.decisionId) || !can(request.actor, 'decision.withdraw', body)) throw notFound();
      const programmeId = request.programme!.id;
      const path = `${base(request)}/meetings/${meeting.id}`;
      const [decision] = (await q.loadMeetingDetail(db, programmeId, meeting)).decisions.filter((row) => row.decision.id === request.params.decisionId);
      if (!decision) throw notFound();
      const read = readForm(WithdrawInput, request.body);
      if (!read.ok) return renderMeeting(request, reply, formState(`withdraw-${request.params.decisionId}`, read.errors, request.body));
      if (!isConfirmed(request.body) && !decision.decision.withdrawnAt) {
        const ctx = pageContext(request, config);
        return askToConfirm(request, reply, config, {
          title: ctx.t('meetings.decisions.withdrawTitle'),
          consequences: [resolveText(decision.decision.text, request.locale).text, `${ctx.t('meetings.decisions.withdrawReason')}: ${read.value.reason}`, ctx.t('meetings.decisions.withdrawEffect')],
          action: `${path}/decisions/${request.params.decisionId}/withdraw`,
          values: { reason: read.value.reason },
          confirmLabel: ctx.t('meetings.decisions.withdraw'),
          cancelHref: path,
        });
      }
      const result = await items.withdrawDecision({ actor: request.actor, db, programmeId, meeting, body, decisionId: request.params.decisionId, withdrawal: read.value });
      if (result === null) throw notFound();
      if (!result.ok) return renderMeeting(request, reply, formState(`withdraw-${request.params.decisionId}`, result.errors, request.body));
      return redirectLocal(reply, undefined, `${path}#${MEETING_SECTIONS.decisions}`);
    });
    registerRecordRoutes(app, db, config, url, { loadMeeting, renderMeeting });
    write('/actions/:action/done', 'meetingAction.complete', noFields, named('done'), (scope, _none, request) => items.completeAction({ ...scope, actionId: request.params.action! }), 'actions');
  }
}

/** The secretary's writes to a meeting, each answered for the meeting's body. */
type MeetingWrite = Extract<ActionName, 'meeting.update' | 'meeting.recordAttendance' | 'agendaItem.add' | 'agendaItem.move' | 'agendaItem.addDocument' | 'decision.propose' | 'decision.record' | 'meetingAction.add' | 'meetingAction.complete'>;
