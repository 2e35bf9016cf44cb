// The meetings capability's shared view pieces (paths, breadcrumbs, the cadence line), the planning
// form and the decision list. A body's pages are in ./body-views.tsx, a meeting's page in
// ./meeting-views.tsx and its sections.
import { cadenceRuleOf } from '../../domain/cadence.ts';
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { decisionStatus, inForce, type RecordBlock } from '../../domain/meeting-record.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { Heading, Prose, SubmitButton, Text, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { formatDate } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { Body, listDecisions, Meeting, MeetingDetail } from './queries.ts';
import { ScheduleInput } from './schema.ts';

export const label = (value: LocalizedText | null | undefined, ctx: PageContext) => resolveText(value, ctx.locale).text;
export const base = (ctx: PageContext) => `/${ctx.locale}/${ctx.programme!.slug}`;

/**
 * The sections of a meeting's page, by the id of their heading: after a save the page returns to
 * the section the form was in (`#meeting-agenda`), with the forms closed again.
 */
export const MEETING_SECTIONS = {
  schedule: 'meeting-schedule',
  previous: 'meeting-previous-minutes',
  agenda: 'meeting-agenda',
  proposals: 'meeting-proposals',
  attendance: 'meeting-attendance',
  decisions: 'meeting-decisions',
  actions: 'meeting-actions',
  minutes: 'meeting-minutes',
} as const;
export type MeetingSection = keyof typeof MEETING_SECTIONS;

/** What every section of a meeting's page shares. */
export interface SectionProps {
  ctx: PageContext;
  detail: MeetingDetail;
  /** The meeting's own path, where its forms post. */
  path: string;
  canPrepare: boolean;
  state?: FormState;
  /** Why minutes, attendance and decisions cannot be recorded yet (null: they can). */
  blocked?: RecordBlock | null;
  /** The decisions the reader may confirm (four eyes). */
  confirmable?: Set<string>;
  /** The minutes are approved: minutes, agenda and decisions can no longer change (corrections are notes). */
  frozen?: boolean;
}

export const amsterdamDate = (ctx: PageContext, instant: Date) => formatDate(ctx.locale, toAmsterdam(instant).date);

export function crumbs(ctx: PageContext, ...rest: { label: string; href?: string }[]) {
  return [{ label: label(ctx.programme!.name, ctx), href: base(ctx) }, { label: ctx.t('meetings.bodies.title'), href: `${base(ctx)}/bodies` }, ...rest];
}

/** How often the body meets, in the agreement's words: an average over the term, or a range per year. */
export function Cadence({ ctx, body }: { ctx: PageContext; body: Body }) {
  const rule = cadenceRuleOf(body);
  if (!rule) return null;
  if (rule.kind === 'average') return <p class="utrecht-paragraph">{ctx.t('meetings.body.cadenceAverage', { count: rule.perYear })}</p>;
  if (rule.min === null || rule.max === null) return null;
  return <p class="utrecht-paragraph">{ctx.t('meetings.body.cadenceRange', { min: rule.min, max: rule.max })}</p>;
}

export function PlanMeetingPage({ ctx, body, state }: { ctx: PageContext; body: Body; state?: FormState }) {
  const { t } = ctx;
  const name = label(body.name, ctx);
  const title = t('meetings.plan.title', { body: name });
  const field = (n: keyof typeof ScheduleInput.properties) => fieldProps(ctx, ScheduleInput, state, 'plan', n);
  const labels = { date: t('meetings.field.date'), startTime: t('meetings.field.startTime'), endTime: t('meetings.field.endTime'), location: t('meetings.field.location'), onlineUrl: t('meetings.field.onlineUrl') };
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx, { label: name, href: `${base(ctx)}/bodies/${body.kind}` }, { label: t('meetings.plan') })}>
      <Heading level={1}>{title}</Heading>
      <ErrorSummary ctx={ctx} state={state} form="plan" labels={labels} />
      <PostForm ctx={ctx} action={`${base(ctx)}/bodies/${body.kind}/meetings`} label={title} id="plan">
        <TextField {...field('date')} type="date" label={labels.date} />
        <TextField {...field('startTime')} label={labels.startTime} description="14:00" />
        <TextField {...field('endTime')} label={labels.endTime} description="16:00" />
        <TextField {...field('location')} label={labels.location} />
        <TextField {...field('onlineUrl')} type="url" label={labels.onlineUrl} />
        <SubmitButton>{t('meetings.plan')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}

export function meetingTitle(ctx: PageContext, body: Body, meeting: Meeting): string {
  return ctx.t('meetings.meeting.title', { body: label(body.name, ctx), date: formatDate(ctx.locale, toAmsterdam(meeting.startsAt).date) });
}

export function DecisionsPage({ ctx, rows }: { ctx: PageContext; rows: Awaited<ReturnType<typeof listDecisions>> }) {
  const { t, locale } = ctx;
  const title = t('meetings.decisions.allTitle');
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, { label: title })}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('meetings.decisions.allIntro')}</p>
      {rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('meetings.decisions.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list ks-decisions">
          {rows.map((row) => (
            <li class="utrecht-unordered-list__item">
              <div id={`decision-${row.decision.id}`}>
                <Prose value={row.decision.text} locale={locale} />
              </div>
              <p class="utrecht-paragraph ks-muted">
                <Text value={row.bodyName} locale={locale} />, {formatDate(locale, toAmsterdam(row.startsAt).date)} · {t(`meetings.outcome.${row.decision.outcome}`)}
                {!row.decision.public && <> · {t('meetings.decisions.internal')}</>}
                {decisionStatus(row.decision) === 'awaitingConfirmation' && <> · {t('meetings.decisions.awaiting')}</>}
                {decisionStatus(row.decision) === 'withdrawn' && <> · {t('meetings.decisions.withdrawn')}</>}
              </p>
              {row.decision.public && inForce(row.decision) && (
                <p class="utrecht-paragraph">
                  <a class="utrecht-link" href={`${base(ctx)}/decisions/${row.decision.id}`} aria-describedby={`decision-${row.decision.id}`}>
                    {t('meetings.decisions.publicPage')}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** Instead of the record forms: why nothing can be recorded yet for this meeting. */
export function RecordBlocked({ ctx, blocked, startsAt }: { ctx: PageContext; blocked: RecordBlock; startsAt: Date }) {
  return <p class="utrecht-paragraph">{blocked === 'cancelled' ? ctx.t('meetings.record.cancelled') : ctx.t('meetings.record.notYet', { date: amsterdamDate(ctx, startsAt) })}</p>;
}
