import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { Alert, Heading, Link, Prose, SelectField, SubmitButton, Text, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import { BilingualField, ErrorSummary, errorOf, PostForm, valueOf, type FormState } from './fields.tsx';
import type { Body, listDecisions, listMembers, Meeting, MeetingDetail } from './queries.ts';
import { AGENDA_ITEM_KINDS, DECISION_OUTCOMES, MEETING_STATES, MEMBER_POSITIONS } from './tables.ts';
import { Attachments, type AttachmentData } from '../files/views.tsx';
import type { InvitationStatus } from '../monitoring/invitations.ts';
import { InvitationsForm } from '../monitoring/mail-views.tsx';

type Members = Awaited<ReturnType<typeof listMembers>>;
export const label = (value: LocalizedText | null | undefined, ctx: PageContext) => resolveText(value, ctx.locale).text;
export const base = (ctx: PageContext) => `/${ctx.locale}/${ctx.programme!.slug}`;

export function crumbs(ctx: PageContext, ...rest: { label: string; href?: string }[]) {
  return [{ label: label(ctx.programme!.name, ctx), href: base(ctx) }, { label: ctx.t('meetings.bodies.title'), href: `${base(ctx)}/bodies` }, ...rest];
}

export function Cadence({ ctx, body }: { ctx: PageContext; body: Body }) {
  if (body.minMeetingsPerYear === null || body.maxMeetingsPerYear === null) return null;
  const text =
    body.minMeetingsPerYear === body.maxMeetingsPerYear
      ? ctx.t('meetings.body.cadenceFixed', { count: body.minMeetingsPerYear })
      : ctx.t('meetings.body.cadence', { min: body.minMeetingsPerYear, max: body.maxMeetingsPerYear });
  return <p class="utrecht-paragraph">{text}</p>;
}

export function PlanMeetingPage({ ctx, body, state }: { ctx: PageContext; body: Body; state?: FormState }) {
  const { t } = ctx;
  const name = label(body.name, ctx);
  const title = t('meetings.plan.title', { body: name });
  const f = (n: string) => ({ value: valueOf(state, 'plan', n), error: errorOf(ctx, state, 'plan', n) });
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx, { label: name, href: `${base(ctx)}/bodies/${body.kind}` }, { label: t('meetings.plan') })}>
      <Heading level={1}>{title}</Heading>
      <ErrorSummary ctx={ctx} state={state} form="plan" />
      <PostForm ctx={ctx} action={`${base(ctx)}/bodies/${body.kind}/meetings`} label={title}>
        <TextField id="plan-date" name="date" type="date" label={t('meetings.field.date')} {...f('date')} />
        <TextField id="plan-start" name="startTime" label={t('meetings.field.startTime')} description="14:00" {...f('startTime')} />
        <TextField id="plan-end" name="endTime" label={t('meetings.field.endTime')} description="16:00" {...f('endTime')} />
        <TextField id="plan-location" name="location" label={t('meetings.field.location')} {...f('location')} />
        <TextField id="plan-online" name="onlineUrl" type="url" label={t('meetings.field.onlineUrl')} {...f('onlineUrl')} />
        <SubmitButton>{t('meetings.plan')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}

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

export function meetingTitle(ctx: PageContext, body: Body, meeting: Meeting): string {
  return ctx.t('meetings.meeting.title', { body: label(body.name, ctx), date: formatDate(ctx.locale, toAmsterdam(meeting.startsAt).date) });
}

export function MeetingPage({ ctx, meeting, body, detail, files, canPrepare, state, invitations }: MeetingPageProps) {
  const { t, locale } = ctx;
  const title = meetingTitle(ctx, body, meeting);
  const path = `${base(ctx)}/meetings/${meeting.id}`;
  const amsterdamDate = (d: Date) => formatDate(locale, toAmsterdam(d).date);
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={crumbs(ctx, { label: label(body.name, ctx), href: `${base(ctx)}/bodies/${body.kind}` }, { label: amsterdamDate(meeting.startsAt) })}>
      <Heading level={1}>{title}</Heading>
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
      {canPrepare && (
        <PostForm ctx={ctx} action={`${path}/state`} label={t('meetings.state.change')}>
          <SelectField id="meeting-state" name="state" label={t('meetings.meeting.state')} value={meeting.state} options={MEETING_STATES.map((s) => ({ value: s, label: t(`meetings.state.${s}`) }))} />
          <SubmitButton secondary>{t('meetings.state.change')}</SubmitButton>
        </PostForm>
      )}
      {invitations && <InvitationsForm ctx={ctx} action={`${path}/invitations`} sequence={meeting.sequence} status={invitations} />}

      <Heading level={2}>{t('meetings.agenda.title')}</Heading>
      {detail.items.length === 0 ? (
        <p class="utrecht-paragraph">{t('meetings.agenda.none')}</p>
      ) : (
        <ol class="utrecht-ordered-list ks-agenda">
          {detail.items.map((row, index) => (
            <li class="utrecht-ordered-list__item">
              <strong>
                <Text value={row.item.title} locale={locale} />
              </strong>{' '}
              <span class="ks-muted">({t(`meetings.kind.${row.item.kind}`)})</span>
              <Prose value={row.item.notes} locale={locale} />
              {row.proposal && row.preparedInId && (
                <p class="utrecht-paragraph">
                  <a class="utrecht-link" href={`${base(ctx)}/meetings/${row.preparedInId}`}>
                    {t('meetings.agenda.preparedIn', { date: amsterdamDate(row.preparedInStartsAt!) })}
                  </a>
                </p>
              )}
              {row.proposal && <Prose value={row.proposal.text} locale={locale} />}
              {row.projects.length > 0 && (
                <p class="utrecht-paragraph">
                  {t('meetings.agenda.projects')}:{' '}
                  {row.projects.map((p, i) => (
                    <>
                      {i > 0 && ', '}
                      <Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${p.code}`}>
                        {p.code}. <Text value={p.title} locale={locale} />
                      </Link>
                    </>
                  ))}
                </p>
              )}
              {row.documents.length > 0 && (
                <ul class="utrecht-unordered-list" aria-label={t('meetings.agenda.documents')}>
                  {row.documents.map((doc) => (
                    <li class="utrecht-unordered-list__item">
                      <a class="utrecht-link" href={doc.url} rel="noopener">
                        <Text value={doc.title} locale={locale} />
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              <Attachments ctx={ctx} data={files?.get(row.item.id) ?? null} title={t('files.documents')} level={3} />
              {canPrepare && (
                <div class="ks-item-tools">
                  {index > 0 && (
                    <PostForm ctx={ctx} action={`${path}/items/${row.item.id}/move`} label={t('meetings.agenda.up', { title: label(row.item.title, ctx) })}>
                      <input type="hidden" name="direction" value="up" />
                      <SubmitButton secondary>{t('meetings.agenda.up', { title: label(row.item.title, ctx) })}</SubmitButton>
                    </PostForm>
                  )}
                  {index < detail.items.length - 1 && (
                    <PostForm ctx={ctx} action={`${path}/items/${row.item.id}/move`} label={t('meetings.agenda.down', { title: label(row.item.title, ctx) })}>
                      <input type="hidden" name="direction" value="down" />
                      <SubmitButton secondary>{t('meetings.agenda.down', { title: label(row.item.title, ctx) })}</SubmitButton>
                    </PostForm>
                  )}
                  <details>
                    <summary>{t('meetings.agenda.addDocument', { title: label(row.item.title, ctx) })}</summary>
                    <PostForm ctx={ctx} action={`${path}/items/${row.item.id}/documents`} label={t('meetings.agenda.addDocument', { title: label(row.item.title, ctx) })}>
                      <BilingualField ctx={ctx} state={state} form={`doc-${row.item.id}`} name="docTitle" label={t('meetings.agenda.docTitle')} />
                      <TextField id={`doc-${row.item.id}-url`} name="url" type="url" label={t('meetings.agenda.docUrl')} value={valueOf(state, `doc-${row.item.id}`, 'url')} error={errorOf(ctx, state, `doc-${row.item.id}`, 'url')} />
                      <SubmitButton secondary>{t('meetings.save')}</SubmitButton>
                    </PostForm>
                  </details>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {canPrepare && (
        <section aria-labelledby="add-item">
          <Heading level={3} id="add-item">{t('meetings.agenda.add')}</Heading>
          <ErrorSummary ctx={ctx} state={state} form="item" />
          <PostForm ctx={ctx} action={`${path}/items`} label={t('meetings.agenda.add')}>
            <BilingualField ctx={ctx} state={state} form="item" name="title" label={t('meetings.agenda.itemTitle')} />
            <SelectField id="item-kind" name="kind" label={t('meetings.agenda.kind')} value={valueOf(state, 'item', 'kind')} error={errorOf(ctx, state, 'item', 'kind')} options={AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))} />
            <BilingualField ctx={ctx} state={state} form="item" name="notes" label={t('meetings.agenda.notes')} multiline />
            <SelectField
              id="item-projects"
              name="projects"
              multiple
              label={t('meetings.agenda.projects')}
              error={errorOf(ctx, state, 'item', 'projects')}
              options={detail.projects.map((p) => ({ value: p.code, label: `${p.code}. ${label(p.title, ctx)}` }))}
            />
            <SubmitButton>{t('meetings.agenda.add')}</SubmitButton>
          </PostForm>
        </section>
      )}

      {body.kind === 'support' && (
        <>
          <Heading level={2}>{t('meetings.proposals.title')}</Heading>
          {detail.preparedHere.length === 0 ? (
            <p class="utrecht-paragraph">{t('meetings.proposals.none')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {detail.preparedHere.map((row) => (
                <li class="utrecht-unordered-list__item">
                  <strong>
                    <Text value={row.proposal.title} locale={locale} />
                  </strong>
                  <Prose value={row.proposal.text} locale={locale} />
                  <a class="utrecht-link" href={`${base(ctx)}/meetings/${row.proposal.forMeetingId}`}>
                    {t('meetings.proposals.target', { date: amsterdamDate(row.forStartsAt) })}
                  </a>
                  {' — '}
                  {row.decision ? t('meetings.proposals.decided', { outcome: t(`meetings.outcome.${row.decision.outcome}`) }) : t('meetings.proposals.pending')}
                </li>
              ))}
            </ul>
          )}
          {canPrepare && (
            <section aria-labelledby="add-proposal">
              <Heading level={3} id="add-proposal">{t('meetings.proposals.add')}</Heading>
              {detail.laterExecutive.length === 0 ? (
                <p class="utrecht-paragraph">{t('meetings.proposals.noLater')}</p>
              ) : (
                <>
                  <ErrorSummary ctx={ctx} state={state} form="proposal" />
                  <PostForm ctx={ctx} action={`${path}/proposals`} label={t('meetings.proposals.add')}>
                    <BilingualField ctx={ctx} state={state} form="proposal" name="title" label={t('meetings.proposals.proposalTitle')} />
                    <BilingualField ctx={ctx} state={state} form="proposal" name="text" label={t('meetings.proposals.text')} multiline />
                    <SelectField
                      id="proposal-for"
                      name="forMeeting"
                      label={t('meetings.proposals.forMeeting')}
                      value={valueOf(state, 'proposal', 'forMeeting')}
                      error={errorOf(ctx, state, 'proposal', 'forMeeting')}
                      options={detail.laterExecutive.map((m) => ({ value: m.id, label: formatDateTime(locale, m.startsAt) }))}
                    />
                    <SubmitButton>{t('meetings.proposals.add')}</SubmitButton>
                  </PostForm>
                </>
              )}
            </section>
          )}
        </>
      )}

      <Heading level={2}>{t('meetings.decisions.title')}</Heading>
      {detail.decisions.length === 0 ? (
        <p class="utrecht-paragraph">{t('meetings.decisions.none')}</p>
      ) : (
        <ol class="utrecht-ordered-list">
          {detail.decisions.map((row) => (
            <li class="utrecht-ordered-list__item">
              <Prose value={row.decision.text} locale={locale} />
              <p class="utrecht-paragraph">
                <strong>{t(`meetings.outcome.${row.decision.outcome}`)}</strong>
                {' · '}
                {row.decision.public ? t('meetings.decisions.public') : t('meetings.decisions.internal')}
              </p>
              {row.preparedInId && (
                <p class="utrecht-paragraph">
                  <a class="utrecht-link" href={`${base(ctx)}/meetings/${row.preparedInId}`}>
                    {t('meetings.decisions.preparedIn', { date: amsterdamDate(row.preparedInStartsAt!) })}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {canPrepare && (
        <section aria-labelledby="add-decision">
          <Heading level={3} id="add-decision">{t('meetings.decisions.add')}</Heading>
          <ErrorSummary ctx={ctx} state={state} form="decision" />
          <PostForm ctx={ctx} action={`${path}/decisions`} label={t('meetings.decisions.add')}>
            <SelectField
              id="decision-item"
              name="item"
              label={t('meetings.decisions.item')}
              value={valueOf(state, 'decision', 'item')}
              error={errorOf(ctx, state, 'decision', 'item')}
              options={[{ value: '', label: t('meetings.decisions.noItem') }, ...detail.items.map((row) => ({ value: row.item.id, label: label(row.item.title, ctx) }))]}
            />
            <BilingualField ctx={ctx} state={state} form="decision" name="text" label={t('meetings.decisions.text')} multiline />
            <SelectField id="decision-outcome" name="outcome" label={t('meetings.decisions.outcome')} value={valueOf(state, 'decision', 'outcome')} error={errorOf(ctx, state, 'decision', 'outcome')} options={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`meetings.outcome.${o}`) }))} />
            <SelectField
              id="decision-public"
              name="public"
              label={t('meetings.decisions.public')}
              value={valueOf(state, 'decision', 'public') || 'no'}
              options={[
                { value: 'no', label: t('meetings.decisions.publicNo') },
                { value: 'yes', label: t('meetings.decisions.publicYes') },
              ]}
            />
            <SubmitButton>{t('meetings.decisions.add')}</SubmitButton>
          </PostForm>
        </section>
      )}

      <Heading level={2}>{t('meetings.actions.title')}</Heading>
      {detail.actions.length === 0 ? (
        <p class="utrecht-paragraph">{t('meetings.actions.none')}</p>
      ) : (
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('meetings.actions.title')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('meetings.actions.description')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('meetings.actions.owner')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('meetings.actions.due')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('meetings.actions.raised')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('meetings.actions.state')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {detail.actions.map((row) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">
                  <Text value={row.action.description} locale={locale} />
                </td>
                <td class="utrecht-table__cell">{row.action.owner}</td>
                <td class="utrecht-table__cell">{formatDate(locale, row.action.dueOn)}</td>
                <td class="utrecht-table__cell">{amsterdamDate(row.raisedAt)}</td>
                <td class="utrecht-table__cell">
                  {row.action.state === 'done' ? t('meetings.actions.done') : t('meetings.actions.open')}
                  {canPrepare && row.action.state === 'open' && (
                    <PostForm ctx={ctx} action={`${path}/actions/${row.action.id}/done`} label={t('meetings.actions.markDone', { description: label(row.action.description, ctx) })}>
                      <SubmitButton secondary>{t('meetings.actions.markDone', { description: label(row.action.description, ctx) })}</SubmitButton>
                    </PostForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canPrepare && (
        <section aria-labelledby="add-action">
          <Heading level={3} id="add-action">{t('meetings.actions.add')}</Heading>
          <ErrorSummary ctx={ctx} state={state} form="action" />
          <PostForm ctx={ctx} action={`${path}/actions`} label={t('meetings.actions.add')}>
            <BilingualField ctx={ctx} state={state} form="action" name="description" label={t('meetings.actions.description')} />
            <TextField id="action-owner" name="owner" label={t('meetings.actions.owner')} value={valueOf(state, 'action', 'owner')} error={errorOf(ctx, state, 'action', 'owner')} />
            <TextField id="action-due" name="dueOn" type="date" label={t('meetings.actions.due')} value={valueOf(state, 'action', 'dueOn')} error={errorOf(ctx, state, 'action', 'dueOn')} />
            <SubmitButton>{t('meetings.actions.add')}</SubmitButton>
          </PostForm>
        </section>
      )}

      <Heading level={2}>{t('meetings.minutes.title')}</Heading>
      {resolveText(meeting.minutes, locale).text ? <Prose value={meeting.minutes} locale={locale} /> : <p class="utrecht-paragraph">{t('meetings.minutes.none')}</p>}
      {canPrepare && (
        <section aria-labelledby="save-minutes">
          <Heading level={3} id="save-minutes">{t('meetings.minutes.save')}</Heading>
          <ErrorSummary ctx={ctx} state={state} form="minutes" />
          <PostForm ctx={ctx} action={`${path}/minutes`} label={t('meetings.minutes.save')}>
            <BilingualField ctx={ctx} state={state ?? { form: 'minutes', errors: {}, values: { minutes_nl: meeting.minutes.nl ?? '', minutes_en: meeting.minutes.en ?? '' } }} form="minutes" name="minutes" label={t('meetings.minutes.text')} multiline />
            <SubmitButton>{t('meetings.minutes.save')}</SubmitButton>
          </PostForm>
        </section>
      )}
    </Layout>
  );
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
              <Prose value={row.decision.text} locale={locale} />
              <p class="utrecht-paragraph ks-muted">
                <Text value={row.bodyName} locale={locale} />, {formatDate(locale, toAmsterdam(row.startsAt).date)} · {t(`meetings.outcome.${row.decision.outcome}`)}
                {!row.decision.public && <> · {t('meetings.decisions.internal')}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
