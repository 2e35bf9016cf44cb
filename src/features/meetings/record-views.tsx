// Correcting a meeting's record: the edit pages of an agenda item and a decision (with the
// project's stale-save panel), the minutes' approval state, the corrections appended after
// approval, and the programme setting for how minutes are approved ("not in the agreement").
import type { ComponentChildren } from 'preact';
import { Alert, Disclosure, Heading, Link, PlainText, SelectField, SubmitButton } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { BilingualField, ErrorSummary, fieldProps, PostForm, RadioGroup } from '../../web/form-components.tsx';
import { typedValue, type FormState } from '../../web/forms.ts';
import { Layout } from '../../web/layout.tsx';
import { ConflictPanel, type ConflictInfo } from '../portfolio/edit-views.tsx';
import type { Body, listMinutesNotes, Meeting, MeetingDetail } from './queries.ts';
import { AgendaItemEdit, DecisionEdit, MinutesSettingInput, NoteInput } from './schema.ts';
import { DecisionFields } from './meeting-decision-views.tsx';
import { AGENDA_ITEM_KINDS } from './tables.ts';
import { amsterdamDate, base, crumbs, label, MEETING_SECTIONS, meetingTitle, type SectionProps } from './views.tsx';

export const ITEM_FORM = 'edit-item';
export const DECISION_FORM = 'edit-decision';

type ItemRow = MeetingDetail['items'][number]['item'];
type DecisionRow = MeetingDetail['decisions'][number]['decision'];

interface EditFrame {
  ctx: PageContext;
  body: Body;
  meeting: Meeting;
  state?: FormState;
  conflict?: ConflictInfo;
  /** The version the form saves against: the stored one, or after a conflict the one now saved. */
  version: number;
}

function EditLayout({ ctx, body, meeting, title, children }: { ctx: PageContext; body: Body; meeting: Meeting; title: string; children: ComponentChildren }) {
  const meetingPath = `${base(ctx)}/meetings/${meeting.id}`;
  return (
    <Layout
      ctx={ctx}
      title={`${title} — ${meetingTitle(ctx, body, meeting)}`}
      indexable={false}
      crumbs={crumbs(ctx, { label: label(body.name, ctx), href: `${base(ctx)}/bodies/${body.kind}` }, { label: amsterdamDate(ctx, meeting.startsAt), href: meetingPath }, { label: title })}
    >
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{meetingTitle(ctx, body, meeting)}</p>
      {children}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={meetingPath}>
          {ctx.t('meetings.backToMeeting')}
        </a>
      </p>
    </Layout>
  );
}

export function AgendaItemEditPage(props: EditFrame & { item: ItemRow }) {
  const { ctx, item, state } = props;
  const { t } = ctx;
  const title = t('meetings.agenda.editTitle');
  return (
    <EditLayout ctx={ctx} body={props.body} meeting={props.meeting} title={title}>
      <ConflictPanel ctx={ctx} conflict={props.conflict} />
      <p class="utrecht-paragraph">{t('meetings.agenda.editHint')}</p>
      <ErrorSummary ctx={ctx} state={state} form={ITEM_FORM} />
      <PostForm ctx={ctx} action={`${base(ctx)}/meetings/${props.meeting.id}/items/${item.id}/edit`} label={title} id={ITEM_FORM}>
        <input type="hidden" name="version" value={String(props.version)} />
        <BilingualField ctx={ctx} schema={AgendaItemEdit} state={state} form={ITEM_FORM} name="title" label={t('meetings.agenda.itemTitle')} stored={item.title} required />
        <SelectField
          {...fieldProps(ctx, AgendaItemEdit, state, ITEM_FORM, 'kind', item.kind)}
          label={t('meetings.agenda.kind')}
          options={AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
        />
        <BilingualField ctx={ctx} schema={AgendaItemEdit} state={state} form={ITEM_FORM} name="notes" label={t('meetings.agenda.notes')} stored={item.notes} multiline />
        <SubmitButton>{t('meetings.save')}</SubmitButton>
      </PostForm>
    </EditLayout>
  );
}

export function DecisionEditPage(props: EditFrame & { decision: DecisionRow; items: MeetingDetail['items'] }) {
  const { ctx, decision, state } = props;
  const { t } = ctx;
  const title = t('meetings.decisions.editTitle');
  return (
    <EditLayout ctx={ctx} body={props.body} meeting={props.meeting} title={title}>
      <ConflictPanel ctx={ctx} conflict={props.conflict} />
      <p class="utrecht-paragraph">{t('meetings.decisions.editHint')}</p>
      <ErrorSummary ctx={ctx} state={state} form={DECISION_FORM} />
      <PostForm ctx={ctx} action={`${base(ctx)}/meetings/${props.meeting.id}/decisions/${decision.id}/edit`} label={title} id={DECISION_FORM}>
        <input type="hidden" name="version" value={String(props.version)} />
        <DecisionFields ctx={ctx} schema={DecisionEdit} state={state} form={DECISION_FORM} items={props.items} stored={decision} />
        <SubmitButton>{t('meetings.save')}</SubmitButton>
      </PostForm>
    </EditLayout>
  );
}

/** What the minutes section needs to show the approval and the corrections. */
export interface MinutesRecord {
  approvesAtNextMeeting: boolean;
  /** The body's previous meeting (not cancelled), whose minutes this meeting approves. */
  previous: Pick<Meeting, 'id' | 'startsAt' | 'minutesApprovedAt'> | null;
  /** The meeting that approved these minutes, when one did. */
  approvedIn: { id: string; startsAt: Date } | null;
  notes: Awaited<ReturnType<typeof listMinutesNotes>>;
}

/** Whether the minutes are approved, and the corrections appended since (with the form for the secretary). */
export function MinutesApproval({ ctx, meeting, path, canPrepare, state, blocked, record }: SectionProps & { meeting: Meeting; record: MinutesRecord }) {
  const { t, locale } = ctx;
  const approvedAt = meeting.minutesApprovedAt;
  return (
    <>
      {approvedAt ? (
        <Alert kind="info">
          <p class="utrecht-paragraph">
            {record.approvedIn ? (
              <a class="utrecht-link" href={`${base(ctx)}/meetings/${record.approvedIn.id}`}>
                {t('meetings.minutes.approvedAt', { date: amsterdamDate(ctx, record.approvedIn.startsAt) })}
              </a>
            ) : (
              t('meetings.minutes.finalAt', { date: amsterdamDate(ctx, approvedAt) })
            )}{' '}
            {t('meetings.minutes.frozen')}
          </p>
        </Alert>
      ) : (
        <p class="utrecht-paragraph">{record.approvesAtNextMeeting ? t('meetings.minutes.notApproved') : t('meetings.minutes.notFinal')}</p>
      )}
      {!approvedAt && !record.approvesAtNextMeeting && <ErrorSummary ctx={ctx} state={state} form="finalise" />}
      {canPrepare && !approvedAt && !record.approvesAtNextMeeting && !blocked && (
        <>
          <PostForm ctx={ctx} action={`${path}/minutes/final`} label={t('meetings.minutes.finalise')} id="finalise">
            <SubmitButton secondary>{t('meetings.minutes.finalise')}</SubmitButton>
          </PostForm>
        </>
      )}
      {record.notes.length > 0 && (
        <section aria-labelledby="minutes-notes">
          <Heading level={3} id="minutes-notes">
            {t('meetings.notes.title')}
          </Heading>
          <ol class="utrecht-ordered-list">
            {record.notes.map((note) => (
              <li class="utrecht-ordered-list__item">
                <PlainText value={note.text} locale={locale} />
                <p class="utrecht-paragraph ks-muted">{t('meetings.notes.by', { name: note.authorName, date: amsterdamDate(ctx, note.createdAt) })}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
      {canPrepare && approvedAt && (
        <Disclosure id="add-note" summary={t('meetings.notes.add')} open={state?.form === 'note'}>
          <ErrorSummary ctx={ctx} state={state} form="note" />
          <PostForm ctx={ctx} action={`${path}/notes`} label={t('meetings.notes.add')} id="note">
            <BilingualField ctx={ctx} schema={NoteInput} state={state} form="note" name="note" label={t('meetings.notes.text')} multiline required />
            <SubmitButton>{t('meetings.notes.add')}</SubmitButton>
          </PostForm>
        </Disclosure>
      )}
    </>
  );
}

/** At a later meeting: the previous meeting's minutes, and the secretary's button to record their approval. */
export function PreviousMinutes({ ctx, path, canPrepare, state, blocked, record, frozen }: SectionProps & { record: MinutesRecord; frozen: boolean }) {
  const { t } = ctx;
  if (!record.approvesAtNextMeeting) return null;
  const previous = record.previous;
  return (
    <>
      <Heading level={2} id={MEETING_SECTIONS.previous}>
        {t('meetings.minutes.previousTitle')}
      </Heading>
      {!previous ? (
        <p class="utrecht-paragraph">{t('meetings.minutes.previousNone')}</p>
      ) : (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base(ctx)}/meetings/${previous.id}`}>
            {previous.minutesApprovedAt
              ? t('meetings.minutes.previousApproved', { date: amsterdamDate(ctx, previous.startsAt) })
              : t('meetings.minutes.previousOpen', { date: amsterdamDate(ctx, previous.startsAt) })}
          </a>
        </p>
      )}
      <ErrorSummary ctx={ctx} state={state} form="approve" />
      {canPrepare && previous && !previous.minutesApprovedAt && !blocked && !frozen && (
        <PostForm ctx={ctx} action={`${path}/minutes/approve-previous`} label={t('meetings.minutes.approvePrevious', { date: amsterdamDate(ctx, previous.startsAt) })} id="approve">
          <SubmitButton secondary>{t('meetings.minutes.approvePrevious', { date: amsterdamDate(ctx, previous.startsAt) })}</SubmitButton>
        </PostForm>
      )}
    </>
  );
}

export function MinutesSettingPage({ ctx, on, state, saved }: { ctx: PageContext; on: boolean; state?: FormState; saved?: boolean }) {
  const { t } = ctx;
  const title = t('meetings.settings.title');
  const value = typedValue(state, 'setting', 'approval', on ? 'nextMeeting' : 'secretary');
  const field = fieldProps(ctx, MinutesSettingInput, state, 'setting', 'approval');
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx, { label: title })}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">
        <strong class="ks-not-in-agreement">{t('meetings.settings.notInAgreement')}</strong>
      </p>
      <p class="utrecht-paragraph">{t('meetings.settings.why')}</p>
      {saved && <Alert kind="ok">{t('meetings.settings.saved')}</Alert>}
      <ErrorSummary ctx={ctx} state={state} form="setting" />
      <PostForm ctx={ctx} action={`${base(ctx)}/meetings/settings`} label={title} id="setting">
        <RadioGroup
          id="setting-approval"
          name="approval"
          legend={t('meetings.settings.field')}
          value={value}
          error={field.error}
          options={[
            { value: 'nextMeeting', label: t('meetings.settings.on') },
            { value: 'secretary', label: t('meetings.settings.off') },
          ]}
        />
        <SubmitButton>{t('meetings.settings.save')}</SubmitButton>
      </PostForm>
      <p class="utrecht-paragraph">{t('meetings.settings.explainOn')}</p>
      <p class="utrecht-paragraph">{t('meetings.settings.explainOff')}</p>
      <p class="utrecht-paragraph">
        <Link ctx={ctx} to={`/${ctx.programme!.slug}/bodies`}>
          {t('meetings.bodies.title')}
        </Link>
      </p>
    </Layout>
  );
}
