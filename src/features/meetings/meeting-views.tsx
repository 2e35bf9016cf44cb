// A meeting's page: when and where, its state, the agenda, proposals and decisions, the body's
// action list and the minutes. The sections are in ./meeting-*-views.tsx; the secretary's forms
// show only to who may prepare the meeting.
import { resolveText } from '../../domain/localized.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { Heading, Prose, SelectField, SubmitButton } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { BilingualField, ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { AttachmentData } from '../files/views.tsx';
import type { InvitationStatus } from '../monitoring/invitations.ts';
import { InvitationsForm } from '../monitoring/mail-views.tsx';
import { ActionsSection } from './meeting-action-views.tsx';
import { AgendaSection } from './meeting-agenda-views.tsx';
import { DecisionsSection, ProposalsSection } from './meeting-decision-views.tsx';
import type { Body, Meeting, MeetingDetail } from './queries.ts';
import { MeetingStateInput, MinutesInput } from './schema.ts';
import { MEETING_STATES } from './tables.ts';
import { amsterdamDate, base, crumbs, label, meetingTitle, type SectionProps } from './views.tsx';

export interface MeetingPageProps {
  ctx: PageContext;
  meeting: Meeting;
  body: Body;
  detail: MeetingDetail;
  /** Uploaded documents per agenda item (the files capability). */
  files?: Map<string, AttachmentData>;
  canPrepare: boolean;
  state?: FormState;
  /** For the coordinator: what was sent to the members (monitoring's invitations). */
  invitations?: InvitationStatus;
}

export function MeetingPage({ ctx, meeting, body, detail, files, canPrepare, state, invitations }: MeetingPageProps) {
  const { t } = ctx;
  const title = meetingTitle(ctx, body, meeting);
  const path = `${base(ctx)}/meetings/${meeting.id}`;
  const section = { ctx, detail, path, canPrepare, state };
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx, { label: label(body.name, ctx), href: `${base(ctx)}/bodies/${body.kind}` }, { label: amsterdamDate(ctx, meeting.startsAt) })}>
      <Heading level={1}>{title}</Heading>
      <MeetingFacts ctx={ctx} meeting={meeting} path={path} />
      {canPrepare && (
        <PostForm ctx={ctx} action={`${path}/state`} label={t('meetings.state.change')} id="state">
          <ErrorSummary ctx={ctx} state={state} form="state" />
          <SelectField
            {...fieldProps(ctx, MeetingStateInput, state, 'state', 'state', meeting.state)}
            label={t('meetings.meeting.state')}
            options={MEETING_STATES.map((s) => ({ value: s, label: t(`meetings.state.${s}`) }))}
          />
          <SubmitButton secondary>{t('meetings.state.change')}</SubmitButton>
        </PostForm>
      )}
      {invitations && <InvitationsForm ctx={ctx} action={`${path}/invitations`} sequence={meeting.sequence} status={invitations} />}
      <AgendaSection {...section} files={files} />
      {body.kind === 'support' && <ProposalsSection {...section} />}
      <DecisionsSection {...section} />
      <ActionsSection {...section} />
      <MinutesSection {...section} meeting={meeting} />
    </Layout>
  );
}

function MeetingFacts({ ctx, meeting, path }: { ctx: PageContext; meeting: Meeting; path: string }) {
  const { t, locale } = ctx;
  return (
    <>
      <dl class="ks-facts">
        <dt>{t('meetings.meeting.when')}</dt>
        <dd>
          {formatDateTime(locale, meeting.startsAt)} – {toAmsterdam(meeting.endsAt).time}
        </dd>
        {meeting.location && (
          <>
            <dt>{t('meetings.meeting.where')}</dt>
            <dd>{meeting.location}</dd>
          </>
        )}
        {meeting.onlineUrl && (
          <>
            <dt>{t('meetings.meeting.online')}</dt>
            <dd>
              <a class="utrecht-link" href={meeting.onlineUrl} rel="noopener">
                {meeting.onlineUrl}
              </a>
            </dd>
          </>
        )}
        <dt>{t('meetings.meeting.state')}</dt>
        <dd>{t(`meetings.state.${meeting.state}`)}</dd>
      </dl>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${path}/meeting.ics`}>
          {t('meetings.meeting.ics')}
        </a>
        {' · '}
        <a class="utrecht-link" href={`${path}/pack.pdf`}>
          {t('meetings.pack.pdf')}
        </a>
      </p>
    </>
  );
}

function MinutesSection({ ctx, meeting, path, canPrepare, state }: SectionProps & { meeting: Meeting }) {
  const { t, locale } = ctx;
  return (
    <>
      <Heading level={2}>{t('meetings.minutes.title')}</Heading>
      {resolveText(meeting.minutes, locale).text ? <Prose value={meeting.minutes} locale={locale} /> : <p class="utrecht-paragraph">{t('meetings.minutes.none')}</p>}
      {canPrepare && (
        <section aria-labelledby="save-minutes">
          <Heading level={3} id="save-minutes">
            {t('meetings.minutes.save')}
          </Heading>
          <ErrorSummary ctx={ctx} state={state} form="minutes" />
          <PostForm ctx={ctx} action={`${path}/minutes`} label={t('meetings.minutes.save')} id="minutes">
            <BilingualField ctx={ctx} schema={MinutesInput} state={state} form="minutes" name="minutes" label={t('meetings.minutes.text')} stored={meeting.minutes} multiline rows={12} required />
            <SubmitButton>{t('meetings.minutes.save')}</SubmitButton>
          </PostForm>
        </section>
      )}
    </>
  );
}
