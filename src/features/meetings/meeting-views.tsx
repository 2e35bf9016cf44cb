// A meeting's page: when and where, its state, the agenda, proposals and decisions, the body's
// action list and the minutes. The sections are in ./meeting-*-views.tsx; the secretary's forms
// show only to who may prepare the meeting.
import { resolveText } from '../../domain/localized.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { Disclosure, Heading, PlainText, SelectField, SubmitButton, TextField, DataItem, DataList } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { BilingualField, Checkbox, ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { RecordBlock } from '../../domain/meeting-record.ts';
import type { FormState } from '../../web/forms.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { AttachmentData } from '../files/views.tsx';
import type { InvitationReport, InvitationStatus } from '../monitoring/invitations.ts';
import { InvitationsForm } from '../monitoring/mail-views.tsx';
import { ConflictPanel, type ConflictInfo } from '../portfolio/edit-views.tsx';
import { ActionsSection } from './meeting-action-views.tsx';
import { AgendaSection } from './meeting-agenda-views.tsx';
import { DecisionsSection, ProposalsSection } from './meeting-decision-views.tsx';
import type { Body, Meeting, MeetingDetail } from './queries.ts';
import { CancelInput, MeetingStateInput, MinutesInput, RescheduleInput } from './schema.ts';
import { MEETING_STATES } from './tables.ts';
import { MinutesApproval, PreviousMinutes, type MinutesRecord } from './record-views.tsx';
import './messages-documents.ts';
import { amsterdamDate, base, crumbs, label, MEETING_SECTIONS, meetingTitle, RecordBlocked, type SectionProps } from './views.tsx';

export interface MeetingPageProps {
  ctx: PageContext;
  meeting: Meeting;
  body: Body;
  detail: MeetingDetail;
  /** Uploaded documents per agenda item (the files capability). */
  files?: Map<string, AttachmentData>;
  canPrepare: boolean;
  state?: FormState;
  /** Why minutes, attendance and decisions cannot be recorded yet (null: they can). */
  blocked: RecordBlock | null;
  /** The decisions the reader may confirm. */
  confirmable: Set<string>;
  /** For the coordinator: what was sent to the members (monitoring's invitations). */
  invitations?: InvitationStatus;
  /** What the last press of "send invitations" did (from the address after the redirect). */
  invitationReport?: InvitationReport | null;
  /** The minutes' approval, the previous meeting and the corrections. */
  record: MinutesRecord;
  /** A stale save of the minutes: what changed, who and when (the typed text stays in the form). */
  minutesConflict?: ConflictInfo;
}

export function MeetingPage({ ctx, meeting, body, detail, files, canPrepare, state, invitations, invitationReport, blocked, confirmable, record, minutesConflict }: MeetingPageProps) {
  const { t } = ctx;
  const title = meetingTitle(ctx, body, meeting);
  const path = `${base(ctx)}/meetings/${meeting.id}`;
  const frozen = meeting.minutesApprovedAt !== null;
  const section = { ctx, detail, path, canPrepare, state, blocked, confirmable, frozen };
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx, { label: label(body.name, ctx), href: `${base(ctx)}/bodies/${body.kind}` }, { label: amsterdamDate(ctx, meeting.startsAt) })}>
      <Heading level={1}>{title}</Heading>
      {hiddenForms(frozen, record, state, meeting.state === 'planned').map((form) => (
        <ErrorSummary ctx={ctx} state={state} form={form} />
      ))}
      <Heading level={2} id={MEETING_SECTIONS.schedule}>
        {t('meetings.schedule.title')}
      </Heading>
      <MeetingFacts ctx={ctx} meeting={meeting} path={path} />
      {canPrepare && <ScheduleTools ctx={ctx} meeting={meeting} path={path} state={state} invited={!!invitations?.lastSentAt} />}
      {invitations && <InvitationsForm ctx={ctx} action={`${path}/invitations`} sequence={meeting.sequence} status={invitations} report={invitationReport ?? null} />}
      <PreviousMinutes {...section} record={record} frozen={frozen} />
      <AgendaSection {...section} files={files} />
      {body.kind === 'support' && <ProposalsSection {...section} />}
      <AttendanceSection {...section} startsAt={meeting.startsAt} />
      <DecisionsSection {...section} startsAt={meeting.startsAt} minutesApproved={meeting.minutesApprovedAt !== null} />
      <ActionsSection {...section} />
      <MinutesSection {...section} meeting={meeting} record={record} conflict={minutesConflict} />
    </Layout>
  );
}

/**
 * The forms this page does not show (the record is frozen, or the programme approves minutes the
 * other way): a refusal posted to one of them still shows its message, at the top.
 */
function hiddenForms(frozen: boolean, record: MinutesRecord, state: FormState | undefined, planned: boolean): string[] {
  const forms = frozen ? ['minutes', 'item', 'decision', 'attendance', 'finalise', 'move'] : ['note'];
  // Rescheduling and cancelling are offered for a planned meeting only.
  if (!planned) forms.push('reschedule', 'cancel');
  // An item's document form (doc-<item>) is hidden with the item's tools once frozen.
  if (frozen && state?.form.startsWith('doc-')) forms.push(state.form);
  if (!record.approvesAtNextMeeting) forms.push('approve');
  else if (!frozen) forms.push('finalise');
  return forms;
}

/**
 * The secretary's tools for the schedule, each opening on demand: reschedule and cancel a planned
 * meeting (cancelling asks for a reason, then for a confirmation), and mark it held or planned again.
 */
function ScheduleTools({ ctx, meeting, path, state, invited }: { ctx: PageContext; meeting: Meeting; path: string; state?: FormState; invited: boolean }) {
  const { t } = ctx;
  const starts = toAmsterdam(meeting.startsAt);
  const stored: Record<string, string> = { date: starts.date, startTime: starts.time, endTime: toAmsterdam(meeting.endsAt).time, location: meeting.location, onlineUrl: meeting.onlineUrl ?? '' };
  const r = (name: keyof typeof stored) => fieldProps(ctx, RescheduleInput, state, 'reschedule', name, stored[name]);
  const planned = meeting.state === 'planned';
  // Cancelling has its own form (reason, confirmation): the list offers it only to show a cancelled meeting's state.
  const states = MEETING_STATES.filter((s) => s !== 'cancelled' || meeting.state === 'cancelled');
  return (
    <>
      {planned && (
        <Disclosure id="reschedule-disclosure" summary={t('meetings.reschedule.title')} open={state?.form === 'reschedule'}>
          <ErrorSummary ctx={ctx} state={state} form="reschedule" />
          <p class="utrecht-paragraph">{t(invited ? 'meetings.reschedule.invited' : 'meetings.reschedule.notInvited')}</p>
          <PostForm ctx={ctx} action={`${path}/reschedule`} label={t('meetings.reschedule.title')} id="reschedule">
            <input type="hidden" name="sequence" value={String(meeting.sequence)} />
            <TextField {...r('date')} type="date" label={t('meetings.field.date')} />
            <TextField {...r('startTime')} label={t('meetings.field.startTime')} description="14:00" />
            <TextField {...r('endTime')} label={t('meetings.field.endTime')} description="16:00" />
            <TextField {...r('location')} label={t('meetings.field.location')} />
            <TextField {...r('onlineUrl')} type="url" label={t('meetings.field.onlineUrl')} />
            <SubmitButton>{t('meetings.reschedule.submit')}</SubmitButton>
          </PostForm>
        </Disclosure>
      )}
      {planned && (
        <Disclosure id="cancel-disclosure" summary={t('meetings.cancel.title')} open={state?.form === 'cancel'}>
          <ErrorSummary ctx={ctx} state={state} form="cancel" />
          <p class="utrecht-paragraph">{t(invited ? 'meetings.cancel.invited' : 'meetings.cancel.notInvited')}</p>
          <PostForm ctx={ctx} action={`${path}/cancel`} label={t('meetings.cancel.title')} id="cancel">
            <input type="hidden" name="sequence" value={String(meeting.sequence)} />
            <TextField {...fieldProps(ctx, CancelInput, state, 'cancel', 'reason')} label={t('meetings.cancel.reason')} />
            <SubmitButton secondary>{t('meetings.cancel.next')}</SubmitButton>
          </PostForm>
        </Disclosure>
      )}
      <Disclosure id="state-disclosure" summary={t('meetings.state.change')} open={state?.form === 'state'}>
        <PostForm ctx={ctx} action={`${path}/state`} label={t('meetings.state.change')} id="state">
          <ErrorSummary ctx={ctx} state={state} form="state" />
          <SelectField
            {...fieldProps(ctx, MeetingStateInput, state, 'state', 'state', meeting.state)}
            label={t('meetings.meeting.state')}
            options={states.map((s) => ({ value: s, label: t(`meetings.state.${s}`) }))}
          />
          <SubmitButton secondary>{t('meetings.state.change')}</SubmitButton>
        </PostForm>
      </Disclosure>
    </>
  );
}

function MeetingFacts({ ctx, meeting, path }: { ctx: PageContext; meeting: Meeting; path: string }) {
  const { t, locale } = ctx;
  return (
    <>
      <DataList>
        <DataItem label={t('meetings.meeting.when')}>
          {formatDateTime(locale, meeting.startsAt)} – {toAmsterdam(meeting.endsAt).time}
        </DataItem>
        {meeting.location && (
          <>
            <DataItem label={t('meetings.meeting.where')}>{meeting.location}</DataItem>
          </>
        )}
        {meeting.onlineUrl && (
          <>
            <DataItem label={t('meetings.meeting.online')}>
              <a class="utrecht-link" href={meeting.onlineUrl} rel="noopener">
                {meeting.onlineUrl}
              </a>
            </DataItem>
          </>
        )}
        <DataItem label={t('meetings.meeting.state')}>
          {t(`meetings.state.${meeting.state}`)}
          {meeting.state === 'cancelled' && meeting.cancelReason && <> — {t('meetings.cancel.reason')}: {meeting.cancelReason}</>}
        </DataItem>
      </DataList>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${path}/meeting.ics`}>
          {t('meetings.meeting.ics')}
        </a>
        {' · '}
        <a class="utrecht-link" href={`${path}/pack.pdf`}>
          {t('meetings.pack.pdf')}
        </a>
        {' · '}
        <a class="utrecht-link" href={`${path}/pack.docx`}>
          {t('meetings.pack.docx')}
        </a>
      </p>
    </>
  );
}

/** Who of the body's members attended and who sent apologies; the secretary records it once the meeting has started. */
function AttendanceSection({ ctx, detail, path, canPrepare, state, blocked, frozen, startsAt }: SectionProps & { startsAt: Date }) {
  const { t } = ctx;
  const present = detail.attendance.filter((row) => row.presence === 'present');
  const apologies = detail.attendance.filter((row) => row.presence === 'apologies');
  const recorded = present.length + apologies.length > 0;
  const names = (rows: typeof present) => rows.map((row) => `${row.name}${row.position === 'chair' ? ` (${t('meetings.position.chair')})` : ''}`).join(', ');
  return (
    <>
      <Heading level={2} id={MEETING_SECTIONS.attendance}>
        {t('meetings.attendance.title')}
      </Heading>
      {detail.attendance.length === 0 ? (
        <p class="utrecht-paragraph">{t('meetings.attendance.noMembers')}</p>
      ) : !recorded ? (
        <p class="utrecht-paragraph">{t('meetings.attendance.notRecorded')}</p>
      ) : (
        <DataList>
          <DataItem label={t('meetings.attendance.present')}>{present.length > 0 ? names(present) : '—'}</DataItem>
          <DataItem label={t('meetings.attendance.apologies')}>{apologies.length > 0 ? names(apologies) : '—'}</DataItem>
        </DataList>
      )}
      {canPrepare && blocked && (
        <>
          <ErrorSummary ctx={ctx} state={state} form="attendance" />
          <RecordBlocked ctx={ctx} blocked={blocked} startsAt={startsAt} />
        </>
      )}
      {canPrepare && detail.attendance.length > 0 && !blocked && !frozen && (
        <Disclosure id="save-attendance" summary={t('meetings.attendance.save')} open={state?.form === 'attendance'}>
          <ErrorSummary ctx={ctx} state={state} form="attendance" />
          <PostForm ctx={ctx} action={`${path}/attendance`} label={t('meetings.attendance.save')} id="attendance">
            {(['present', 'apologies'] as const).map((presence) => (
              <fieldset class="utrecht-form-fieldset" id={`attendance-${presence}`}>
                <legend class="utrecht-form-fieldset__legend">{t(`meetings.attendance.${presence}`)}</legend>
                {detail.attendance.map((row) => (
                  <Checkbox id={`attendance-${presence}-${row.membershipId}`} name={presence} value={row.membershipId} label={row.name} checked={row.presence === presence} />
                ))}
              </fieldset>
            ))}
            <SubmitButton>{t('meetings.attendance.save')}</SubmitButton>
          </PostForm>
        </Disclosure>
      )}
    </>
  );
}

function MinutesSection(props: SectionProps & { meeting: Meeting; record: MinutesRecord; conflict?: ConflictInfo }) {
  const { ctx, meeting, path, canPrepare, state, blocked, frozen } = props;
  const { t, locale } = ctx;
  return (
    <>
      <Heading level={2} id={MEETING_SECTIONS.minutes}>
        {t('meetings.minutes.title')}
      </Heading>
      {resolveText(meeting.minutes, locale).text ? <PlainText value={meeting.minutes} locale={locale} /> : <p class="utrecht-paragraph">{t('meetings.minutes.none')}</p>}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${path}/minutes.pdf`}>
          {t('meetings.minutes.pdf')}
        </a>
        {' · '}
        <a class="utrecht-link" href={`${path}/minutes.docx`}>
          {t('meetings.minutes.docx')}
        </a>
      </p>
      <MinutesApproval {...props} />
      {canPrepare && blocked && (
        <>
          <ErrorSummary ctx={ctx} state={state} form="minutes" />
          <RecordBlocked ctx={ctx} blocked={blocked} startsAt={meeting.startsAt} />
        </>
      )}
      {canPrepare && !blocked && !frozen && (
        <Disclosure id="save-minutes" summary={t('meetings.minutes.save')} open={state?.form === 'minutes' || Boolean(props.conflict)}>
          <ConflictPanel ctx={ctx} conflict={props.conflict} />
          <ErrorSummary ctx={ctx} state={state} form="minutes" />
          <p class="utrecht-paragraph">{t('meetings.minutes.shapeHint')}</p>
          <PostForm ctx={ctx} action={`${path}/minutes`} label={t('meetings.minutes.save')} id="minutes">
            <input type="hidden" name="version" value={String(meeting.minutesVersion)} />
            <BilingualField ctx={ctx} schema={MinutesInput} state={state} form="minutes" name="minutes" label={t('meetings.minutes.text')} stored={meeting.minutes} multiline rows={12} required />
            <SubmitButton>{t('meetings.minutes.save')}</SubmitButton>
          </PostForm>
        </Disclosure>
      )}
    </>
  );
}
