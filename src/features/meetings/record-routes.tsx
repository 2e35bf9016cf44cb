// Correcting a meeting's record until its minutes are approved (./record-commands.ts): edit pages
// for an agenda item and a decision (a stale save answers 409 with what changed, who and when, and
// keeps the input, as the project pages do), withdrawing an item, approving the previous meeting's
// minutes or making these final (each after a confirmation step), corrections as notes, and the
// coordinator's setting for how minutes are approved.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Conflict } from '../../db/versioned.ts';
import type { Outcome } from '../../domain/outcome.ts';
import { resolveText } from '../../domain/localized.ts';
import { can } from '../../policies.ts';
import { askToConfirm, isConfirmed } from '../../web/confirm.tsx';
import { formState, isUuid, readForm, type FormBody, type FormState } from '../../web/forms.ts';
import { notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import type { Translate } from '../../web/i18n.ts';
import { renderPage } from '../../web/render.ts';
import { pageContext } from '../../web/request-context.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { localizedPaths } from '../../web/routing.ts';
import { conflictRows } from '../portfolio/edit-routes.tsx';
import type { ConflictInfo } from '../portfolio/edit-views.tsx';
import * as q from './queries.ts';
import * as record from './record-commands.ts';
import { AgendaItemEditPage, DECISION_FORM, DecisionEditPage, ITEM_FORM, MinutesSettingPage } from './record-views.tsx';
import { AgendaItemEdit, DecisionEdit, MinutesSettingInput, NoteInput, WithdrawInput } from './schema.ts';
import { AGENDA_ITEM_KINDS, DECISION_OUTCOMES } from './tables.ts';
import { amsterdamDate, MEETING_SECTIONS, meetingTitle } from './views.tsx';

type MeetingParams = { programme: string; meeting: string };
type Loaded = Awaited<ReturnType<typeof q.getMeeting>> & {};

export interface MeetingRouteHelpers {
  loadMeeting: (request: FastifyRequest<{ Params: MeetingParams }>) => Promise<Loaded>;
  renderMeeting: (request: FastifyRequest<{ Params: MeetingParams }>, reply: FastifyReply, state?: FormState) => Promise<unknown>;
}

/** Kinds and outcomes by their label, for the stale-save panel. */
const choiceNames = (t: Translate) =>
  new Map<string, string>([...AGENDA_ITEM_KINDS.map((k) => [k, t(`meetings.kind.${k}`)] as const), ...DECISION_OUTCOMES.map((o) => [o, t(`meetings.outcome.${o}`)] as const)]);

export function registerRecordRoutes(app: FastifyInstance, db: Db, config: Config, url: string, { loadMeeting, renderMeeting }: MeetingRouteHelpers): void {
  type Req<P = object> = FastifyRequest<{ Params: MeetingParams & P; Body: FormBody }>;
  const meetingPath = (request: FastifyRequest<{ Params: MeetingParams }>, id: string) => `/${request.locale}/${request.programme!.slug}/meetings/${id}`;

  /** The meeting (404 unless visible) and the action answered for its body (404 if denied). */
  async function scoped(request: Req, action: 'agendaItem.edit' | 'agendaItem.withdraw' | 'decision.edit' | 'meeting.approveMinutes' | 'meeting.addNote', id?: string) {
    const found = await loadMeeting(request);
    if ((id !== undefined && !isUuid(id)) || !can(request.actor, action, found.body)) throw notFound();
    return { ...found, scope: { actor: request.actor, db, programmeId: request.programme!.id, meeting: found.meeting, body: found.body } };
  }

  async function itemOf(request: Req<{ item: string }>, action: 'agendaItem.edit' | 'agendaItem.withdraw') {
    const found = await scoped(request, action, request.params.item);
    const detail = await q.loadMeetingDetail(db, request.programme!.id, found.meeting);
    const row = detail.items.find((r) => r.item.id === request.params.item);
    if (!row) throw notFound();
    return { ...found, item: row.item };
  }

  const itemLabels = (t: Translate) => ({ title: t('meetings.agenda.itemTitle'), kind: t('meetings.agenda.kind'), notes: t('meetings.agenda.notes') });
  const itemPage = (request: Req<{ item: string }>, reply: FastifyReply, found: Awaited<ReturnType<typeof itemOf>>, status: number, version: number, state?: FormState, conflict?: ConflictInfo) =>
    sendHtml(reply, renderPage(<AgendaItemEditPage ctx={pageContext(request, config)} body={found.body} meeting={found.meeting} item={found.item} version={version} state={state} conflict={conflict} />), status);

  app.get<{ Params: MeetingParams & { item: string }; Body: FormBody }>(`${url}/items/:item/edit`, { config: { action: 'agendaItem.edit' } }, async (request, reply) => {
    const found = await itemOf(request, 'agendaItem.edit');
    return itemPage(request, reply, found, 200, found.item.version);
  });

  app.post<{ Params: MeetingParams & { item: string }; Body: FormBody }>(`${url}/items/:item/edit`, { config: { action: 'agendaItem.edit' } }, async (request, reply) => {
    const found = await itemOf(request, 'agendaItem.edit');
    const read = readForm(AgendaItemEdit, request.body);
    if (!read.ok) return itemPage(request, reply, found, 400, found.item.version, formState(ITEM_FORM, read.errors, request.body));
    const result = await record.editAgendaItem({ ...found.scope, itemId: found.item.id, expectedVersion: read.value.version, edit: read.value });
    if (result === null) throw notFound();
    if (!result.ok && 'conflict' in result) {
      const ctx = pageContext(request, config);
      const by = await q.lastChange(db, 'meeting_agenda_item', found.item.id, ['meeting.item.edit', 'meeting.item.withdraw']);
      const yours = { title: read.value.title, kind: read.value.kind, notes: read.value.notes ?? {} };
      const rows = conflictRows(result.current, yours, itemLabels(ctx.t), ctx.t, ctx.locale, choiceNames(ctx.t));
      return itemPage(request, reply, found, 409, result.current.version, formState(ITEM_FORM, {}, request.body), { rows, by: by?.actorLabel ?? null, at: by?.at ?? null });
    }
    if (!result.ok) return itemPage(request, reply, found, 400, read.value.version, formState(ITEM_FORM, result.errors, request.body));
    return redirectLocal(reply, undefined, `${meetingPath(request, found.meeting.id)}#${MEETING_SECTIONS.agenda}`);
  });

  // Withdrawing an item asks first (its title and the reason), then withdraws it.
  app.post<{ Params: MeetingParams & { item: string }; Body: FormBody }>(`${url}/items/:item/withdraw`, { config: { action: 'agendaItem.withdraw' } }, async (request, reply) => {
    const found = await itemOf(request, 'agendaItem.withdraw');
    const form = `withdraw-item-${found.item.id}`;
    const read = readForm(WithdrawInput, request.body);
    if (!read.ok) return renderMeeting(request, reply, formState(form, read.errors, request.body));
    const path = meetingPath(request, found.meeting.id);
    if (!isConfirmed(request.body) && !found.item.withdrawnAt) {
      const ctx = pageContext(request, config);
      return askToConfirm(request, reply, config, {
        title: ctx.t('meetings.agenda.withdrawTitle'),
        consequences: [resolveText(found.item.title, request.locale).text, `${ctx.t('meetings.agenda.withdrawReason')}: ${read.value.reason}`, ctx.t('meetings.agenda.withdrawEffect')],
        action: `${path}/items/${found.item.id}/withdraw`,
        values: { reason: read.value.reason },
        confirmLabel: ctx.t('meetings.agenda.withdraw', { title: resolveText(found.item.title, request.locale).text }),
        cancelHref: path,
      });
    }
    const result = await record.withdrawAgendaItem({ ...found.scope, itemId: found.item.id, withdrawal: read.value });
    if (result === null) throw notFound();
    if (!result.ok) return renderMeeting(request, reply, formState(form, result.errors, request.body));
    return redirectLocal(reply, undefined, `${path}#${MEETING_SECTIONS.agenda}`);
  });

  async function decisionOf(request: Req<{ decisionId: string }>) {
    const found = await scoped(request, 'decision.edit', request.params.decisionId);
    const detail = await q.loadMeetingDetail(db, request.programme!.id, found.meeting);
    const row = detail.decisions.find((r) => r.decision.id === request.params.decisionId);
    if (!row) throw notFound();
    return { ...found, decision: row.decision, items: detail.items };
  }

  const decisionLabels = (t: Translate) => ({ text: t('meetings.decisions.text'), outcome: t('meetings.decisions.outcome'), public: t('meetings.decisions.public'), agendaItemId: t('meetings.decisions.item') });
  const decisionPage = (request: Req<{ decisionId: string }>, reply: FastifyReply, found: Awaited<ReturnType<typeof decisionOf>>, status: number, version: number, state?: FormState, conflict?: ConflictInfo) =>
    sendHtml(
      reply,
      renderPage(<DecisionEditPage ctx={pageContext(request, config)} body={found.body} meeting={found.meeting} decision={found.decision} items={found.items} version={version} state={state} conflict={conflict} />),
      status,
    );

  app.get<{ Params: MeetingParams & { decisionId: string }; Body: FormBody }>(`${url}/decisions/:decisionId/edit`, { config: { action: 'decision.edit' } }, async (request, reply) => {
    const found = await decisionOf(request);
    return decisionPage(request, reply, found, 200, found.decision.version);
  });

  app.post<{ Params: MeetingParams & { decisionId: string }; Body: FormBody }>(`${url}/decisions/:decisionId/edit`, { config: { action: 'decision.edit' } }, async (request, reply) => {
    const found = await decisionOf(request);
    const read = readForm(DecisionEdit, request.body);
    if (!read.ok) return decisionPage(request, reply, found, 400, found.decision.version, formState(DECISION_FORM, read.errors, request.body));
    const result: Outcome<unknown> | Conflict<typeof found.decision> | null = await record.editDecision({ ...found.scope, decisionId: found.decision.id, expectedVersion: read.value.version, edit: read.value });
    if (result === null) throw notFound();
    if (!result.ok && 'conflict' in result) {
      const ctx = pageContext(request, config);
      const by = await q.lastChange(db, 'decision', found.decision.id, ['decision.edit', 'decision.withdraw', 'decision.confirm']);
      const names = choiceNames(ctx.t);
      for (const row of found.items) names.set(row.item.id, resolveText(row.item.title, ctx.locale).text);
      const yours = { text: read.value.text, outcome: read.value.outcome, public: read.value.public === 'yes', agendaItemId: read.value.item ?? null };
      const rows = conflictRows(result.current, yours, decisionLabels(ctx.t), ctx.t, ctx.locale, names);
      return decisionPage(request, reply, found, 409, result.current.version, formState(DECISION_FORM, {}, request.body), { rows, by: by?.actorLabel ?? null, at: by?.at ?? null });
    }
    if (!result.ok) return decisionPage(request, reply, found, 400, read.value.version, formState(DECISION_FORM, result.errors, request.body));
    return redirectLocal(reply, undefined, `${meetingPath(request, found.meeting.id)}#${MEETING_SECTIONS.decisions}`);
  });

  // This meeting approves the previous meeting's minutes (the setting on), after a confirmation step.
  app.post<{ Params: MeetingParams; Body: FormBody }>(`${url}/minutes/approve-previous`, { config: { action: 'meeting.approveMinutes' } }, async (request, reply) => {
    const found = await scoped(request, 'meeting.approveMinutes');
    const path = meetingPath(request, found.meeting.id);
    const previous = await record.previousMeeting(db, found.meeting);
    // Asks only when there is something to approve; otherwise the command refuses with its message.
    const askable =
      previous && !previous.minutesApprovedAt && (await record.approvesAtNextMeeting(db, request.programme!.id)) && !(await record.hasDecisionAwaitingConfirmation(db, previous.id));
    if (!isConfirmed(request.body) && askable) {
      const ctx = pageContext(request, config);
      const date = amsterdamDate(ctx, previous.startsAt);
      return askToConfirm(request, reply, config, {
        title: ctx.t('meetings.minutes.approveTitle', { date }),
        consequences: [ctx.t('meetings.minutes.approveWhat', { here: meetingTitle(ctx, found.body, found.meeting), date }), ctx.t('meetings.minutes.approveEffect')],
        action: `${path}/minutes/approve-previous`,
        values: {},
        confirmLabel: ctx.t('meetings.minutes.approvePrevious', { date }),
        cancelHref: path,
      });
    }
    const result = await record.approvePreviousMinutes(found.scope);
    if (!result.ok) return renderMeeting(request, reply, formState('approve', result.errors, request.body));
    return redirectLocal(reply, undefined, `${path}#${MEETING_SECTIONS.previous}`);
  });

  // The secretary makes these minutes final (the setting off), after a confirmation step.
  app.post<{ Params: MeetingParams; Body: FormBody }>(`${url}/minutes/final`, { config: { action: 'meeting.approveMinutes' } }, async (request, reply) => {
    const found = await scoped(request, 'meeting.approveMinutes');
    const path = meetingPath(request, found.meeting.id);
    const askable =
      !found.meeting.minutesApprovedAt && !(await record.approvesAtNextMeeting(db, request.programme!.id)) && !(await record.hasDecisionAwaitingConfirmation(db, found.meeting.id));
    if (!isConfirmed(request.body) && askable) {
      const ctx = pageContext(request, config);
      return askToConfirm(request, reply, config, {
        title: ctx.t('meetings.minutes.finaliseTitle'),
        consequences: [meetingTitle(ctx, found.body, found.meeting), ctx.t('meetings.minutes.finaliseEffect')],
        action: `${path}/minutes/final`,
        values: {},
        confirmLabel: ctx.t('meetings.minutes.finalise'),
        cancelHref: path,
      });
    }
    const result = await record.finaliseMinutes(found.scope);
    if (!result.ok) return renderMeeting(request, reply, formState('finalise', result.errors, request.body));
    return redirectLocal(reply, undefined, `${path}#${MEETING_SECTIONS.minutes}`);
  });

  app.post<{ Params: MeetingParams; Body: FormBody }>(`${url}/notes`, { config: { action: 'meeting.addNote' } }, async (request, reply) => {
    const found = await scoped(request, 'meeting.addNote');
    const read = readForm(NoteInput, request.body);
    const result = read.ok ? await record.addMinutesNote({ ...found.scope, note: read.value }) : read;
    if (!result.ok) return renderMeeting(request, reply, formState('note', result.errors, request.body));
    return redirectLocal(reply, undefined, `${meetingPath(request, found.meeting.id)}#${MEETING_SECTIONS.minutes}`);
  });
}

/** The coordinator's setting: minutes approved at the next meeting (default) or made final by the secretary. */
export function registerSettingsRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'meetings.settings.title', path: '/meetings/settings', order: 92, group: 'management' });
  for (const { url } of localizedPaths('/:programme/meetings/settings')) {
    app.get<{ Params: { programme: string }; Querystring: { saved?: string } }>(url, { config: { action: 'meetings.settings' } }, async (request, reply) => {
      const on = await record.approvesAtNextMeeting(db, request.programme!.id);
      return sendHtml(reply, renderPage(<MinutesSettingPage ctx={pageContext(request, config)} on={on} saved={request.query.saved === '1'} />));
    });
    app.post<{ Params: { programme: string }; Body: FormBody }>(url, { config: { action: 'meetings.settings' } }, async (request, reply) => {
      const read = readForm(MinutesSettingInput, request.body);
      const result = read.ok ? await record.setMinutesSetting({ actor: request.actor, db, programmeId: request.programme!.id, setting: read.value }) : read;
      if (!result.ok) {
        const on = await record.approvesAtNextMeeting(db, request.programme!.id);
        return sendHtml(reply, renderPage(<MinutesSettingPage ctx={pageContext(request, config)} on={on} state={formState('setting', result.errors, request.body)} />), 400);
      }
      return redirectLocal(reply, undefined, `/${request.locale}/${request.programme!.slug}/meetings/settings?saved=1`);
    });
  }
}
