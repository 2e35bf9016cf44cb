// A meeting's decision trail: the proposals a support meeting prepares for a later executive
// meeting (with what became of them), and the decisions taken, each referring back to where it
// was prepared; for the secretary, the forms to prepare a proposal and record a decision.
import { Disclosure, Heading, Prose, SelectField, SubmitButton, Text, TextField } from '../../web/components.tsx';
import { BilingualField, ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import { formatDateTime } from '../../web/i18n.ts';
import type { TSchema } from 'typebox';
import type { FormState } from '../../web/forms.ts';
import { DecisionInput, ProposalInput, WithdrawInput } from './schema.ts';
import { DECISION_OUTCOMES } from './tables.ts';
import { decisionStatus, inForce } from '../../domain/meeting-record.ts';
import type { MeetingDetail } from './queries.ts';
import { amsterdamDate, base, label, MEETING_SECTIONS, RecordBlocked, type SectionProps } from './views.tsx';

export function ProposalsSection({ ctx, detail, path, canPrepare, state }: SectionProps) {
  const { t, locale } = ctx;
  return (
    <>
      <Heading level={2} id={MEETING_SECTIONS.proposals}>
        {t('meetings.proposals.title')}
      </Heading>
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
                {t('meetings.proposals.target', { date: amsterdamDate(ctx, row.forStartsAt) })}
              </a>
              {' — '}
              {row.decision ? t('meetings.proposals.decided', { outcome: t(`meetings.outcome.${row.decision.outcome}`) }) : t('meetings.proposals.pending')}
            </li>
          ))}
        </ul>
      )}
      {canPrepare && (
        <Disclosure id="add-proposal" summary={t('meetings.proposals.add')} open={state?.form === 'proposal'}>
          {detail.laterExecutive.length === 0 ? (
            <p class="utrecht-paragraph">{t('meetings.proposals.noLater')}</p>
          ) : (
            <>
              <ErrorSummary ctx={ctx} state={state} form="proposal" />
              <PostForm ctx={ctx} action={`${path}/proposals`} label={t('meetings.proposals.add')} id="proposal">
                <BilingualField ctx={ctx} schema={ProposalInput} state={state} form="proposal" name="title" label={t('meetings.proposals.proposalTitle')} required />
                <BilingualField ctx={ctx} schema={ProposalInput} state={state} form="proposal" name="text" label={t('meetings.proposals.text')} multiline required />
                <SelectField
                  {...fieldProps(ctx, ProposalInput, state, 'proposal', 'forMeeting')}
                  label={t('meetings.proposals.forMeeting')}
                  options={detail.laterExecutive.map((m) => ({ value: m.id, label: formatDateTime(locale, m.startsAt) }))}
                />
                <SubmitButton>{t('meetings.proposals.add')}</SubmitButton>
              </PostForm>
            </>
          )}
        </Disclosure>
      )}
    </>
  );
}

/** Where a decision stands: awaiting confirmation (and by whom recorded), confirmed (by whom, when), withdrawn. */
function DecisionStatusLine({ ctx, decision }: { ctx: SectionProps['ctx']; decision: MeetingDetail['decisions'][number]['decision'] }) {
  const { t } = ctx;
  const status = decisionStatus(decision);
  if (status === 'withdrawn') return <p class="utrecht-paragraph"><strong>{t('meetings.decisions.withdrawn')}</strong></p>;
  if (status === 'confirmed') {
    const date = amsterdamDate(ctx, decision.confirmedAt!);
    return <p class="utrecht-paragraph">{decision.confirmedByName ? t('meetings.decisions.confirmedBy', { name: decision.confirmedByName, date }) : t('meetings.decisions.confirmedOn', { date })}</p>;
  }
  return (
    <div class="utrecht-alert utrecht-alert--warning" role="status">
      <div class="utrecht-alert__content">
        <p class="utrecht-paragraph">
          <strong>{t('meetings.decisions.awaiting')}</strong>
          {decision.recordedByName ? ` — ${t('meetings.decisions.awaitingHint', { name: decision.recordedByName })}` : ''}
        </p>
      </div>
    </div>
  );
}

export function DecisionsSection({ ctx, detail, path, canPrepare, state, blocked, confirmable, frozen, startsAt, minutesApproved }: SectionProps & { startsAt: Date; minutesApproved: boolean }) {
  const { t, locale } = ctx;
  const awaiting = detail.decisions.some((row) => decisionStatus(row.decision) === 'awaitingConfirmation');
  return (
    <>
      <Heading level={2} id={MEETING_SECTIONS.decisions}>
        {t('meetings.decisions.title')}
      </Heading>
      {detail.decisions.length === 0 ? (
        <p class="utrecht-paragraph">{t('meetings.decisions.none')}</p>
      ) : (
        <ol class="utrecht-ordered-list">
          {detail.decisions.map((row) => (
            <li class="utrecht-ordered-list__item">
              <div id={`decision-${row.decision.id}`}>
                <Prose value={row.decision.text} locale={locale} />
              </div>
              <p class="utrecht-paragraph">
                <strong>{t(`meetings.outcome.${row.decision.outcome}`)}</strong>
                {' · '}
                {row.decision.public ? t('meetings.decisions.public') : t('meetings.decisions.internal')}
              </p>
              <DecisionStatusLine ctx={ctx} decision={row.decision} />
              {row.decision.public && inForce(row.decision) && (
                <p class="utrecht-paragraph">
                  <a class="utrecht-link" href={`${base(ctx)}/decisions/${row.decision.id}`}>
                    {t('meetings.decisions.publicPage')}
                  </a>
                </p>
              )}
              {canPrepare && !row.decision.withdrawnAt && !minutesApproved && (
                <p class="utrecht-paragraph">
                  <a class="utrecht-link" href={`${path}/decisions/${row.decision.id}/edit`} aria-describedby={`decision-${row.decision.id}`}>
                    {t('meetings.decisions.edit')}
                  </a>
                </p>
              )}
              <ErrorSummary ctx={ctx} state={state} form={`confirm-${row.decision.id}`} />
              <ErrorSummary ctx={ctx} state={state} form={`withdraw-${row.decision.id}`} />
              {confirmable?.has(row.decision.id) && (
                <PostForm ctx={ctx} action={`${path}/decisions/${row.decision.id}/confirm`} label={t('meetings.decisions.confirm')} id={`confirm-${row.decision.id}`}>
                  <SubmitButton>{t('meetings.decisions.confirm')}</SubmitButton>
                </PostForm>
              )}
              {canPrepare && !row.decision.withdrawnAt && !minutesApproved && (
                <Disclosure id={`withdraw-${row.decision.id}-disclosure`} summary={t('meetings.decisions.withdraw')} open={state?.form === `withdraw-${row.decision.id}`}>
                  <PostForm ctx={ctx} action={`${path}/decisions/${row.decision.id}/withdraw`} label={t('meetings.decisions.withdraw')} id={`withdraw-${row.decision.id}`}>
                    <TextField {...fieldProps(ctx, WithdrawInput, state, `withdraw-${row.decision.id}`, 'reason')} label={t('meetings.decisions.withdrawReason')} />
                    <SubmitButton secondary>{t('meetings.decisions.withdraw')}</SubmitButton>
                  </PostForm>
                </Disclosure>
              )}
              {row.preparedInId && (
                <p class="utrecht-paragraph">
                  <a class="utrecht-link" href={`${base(ctx)}/meetings/${row.preparedInId}`}>
                    {t('meetings.decisions.preparedIn', { date: amsterdamDate(ctx, row.preparedInStartsAt!) })}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {canPrepare && awaiting && detail.attendedUserIds.length === 0 && <p class="utrecht-paragraph">{t('meetings.decisions.noConfirmer')}</p>}
      {canPrepare && blocked && (
        <>
          <ErrorSummary ctx={ctx} state={state} form="decision" />
          <RecordBlocked ctx={ctx} blocked={blocked} startsAt={startsAt} />
        </>
      )}
      {canPrepare && !blocked && !frozen && (
        <Disclosure id="add-decision" summary={t('meetings.decisions.add')} open={state?.form === 'decision'}>
          <ErrorSummary ctx={ctx} state={state} form="decision" />
          <PostForm ctx={ctx} action={`${path}/decisions`} label={t('meetings.decisions.add')} id="decision">
            <DecisionFields ctx={ctx} schema={DecisionInput} state={state} form="decision" items={detail.items} />
            <SubmitButton>{t('meetings.decisions.add')}</SubmitButton>
          </PostForm>
        </Disclosure>
      )}
    </>
  );
}

/** A decision's fields (its agenda item, text, outcome, public), for recording one and for changing it. */
export function DecisionFields(props: {
  ctx: SectionProps['ctx'];
  schema: TSchema;
  state?: FormState;
  form: string;
  items: MeetingDetail['items'];
  stored?: Pick<MeetingDetail['decisions'][number]['decision'], 'agendaItemId' | 'text' | 'outcome' | 'public'>;
}) {
  const { ctx, schema, state, form, stored } = props;
  const { t } = ctx;
  const offered = props.items.filter((row) => !row.item.withdrawnAt).map((row) => ({ value: row.item.id, label: label(row.item.title, ctx) }));
  return (
    <>
      <SelectField {...fieldProps(ctx, schema, state, form, 'item', stored?.agendaItemId ?? '')} label={t('meetings.decisions.item')} options={[{ value: '', label: t('meetings.decisions.noItem') }, ...offered]} />
      <BilingualField ctx={ctx} schema={schema} state={state} form={form} name="text" label={t('meetings.decisions.text')} stored={stored?.text} multiline required />
      <SelectField
        {...fieldProps(ctx, schema, state, form, 'outcome', stored?.outcome ?? '')}
        label={t('meetings.decisions.outcome')}
        options={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`meetings.outcome.${o}`) }))}
      />
      <SelectField
        {...fieldProps(ctx, schema, state, form, 'public', stored?.public ? 'yes' : 'no')}
        label={t('meetings.decisions.public')}
        options={[
          { value: 'no', label: t('meetings.decisions.publicNo') },
          { value: 'yes', label: t('meetings.decisions.publicYes') },
        ]}
      />
    </>
  );
}
