// Requests to join a project: the section on the project page (the partner's way in, the lead's
// open requests, what became of each), the partner's request form and the lead's review page.
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { Alert, Heading, Link, Prose, SelectField, SubmitButton, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { BilingualField, ErrorSummary, errorOf, fieldProps, PostForm, RadioGroup } from '../../web/form-components.tsx';
import { typedValue, type FormState } from '../../web/forms.ts';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { Choice, ProjectHeader } from './edit-views.tsx';
import { AcceptRequestForm, DeclineRequestForm, JoinRequestForm } from './inputs.ts';
import type { JoinRequest, JoinRequestRow } from './join-requests.ts';
import { ADVICE_LEVELS } from './tables.ts';
import './join-request-messages.ts';

export const ASK_FORM = 'ask';
export const ACCEPT_FORM = 'accept';
export const DECLINE_FORM = 'decline';

const text = (value: LocalizedText, ctx: PageContext) => resolveText(value, ctx.locale).text;

function projectFrame(ctx: PageContext, project: ProjectHeader, title: string) {
  const base = `/${ctx.locale}/${ctx.programme!.slug}`;
  const projectTitle = `${project.code}. ${text(project.title, ctx)}`;
  return {
    projectPath: `${base}/projects/${encodeURIComponent(project.code)}`,
    crumbs: [{ label: text(ctx.programme!.name, ctx), href: base }, { label: projectTitle, href: `${base}/projects/${encodeURIComponent(project.code)}` }, { label: title }],
    fullTitle: `${title} — ${projectTitle}`,
  };
}

/** Where one request stands: requested by whom and when, decided by whom and when, and why. */
export function RequestStatus({ ctx, request, organisation }: { ctx: PageContext; request: JoinRequest; organisation: LocalizedText }) {
  const { t, locale } = ctx;
  const reason = text(request.reason, ctx);
  return (
    <>
      <p class="utrecht-paragraph">
        <strong>{t(`pf.joinRequest.status.${request.status}`)}</strong> — {t('pf.joinRequest.by', { organisation: text(organisation, ctx), name: request.requestedByLabel, date: formatDate(locale, request.createdAt.toISOString().slice(0, 10)) })}
      </p>
      {request.decidedAt && request.status !== 'requested' && (
        <p class="utrecht-paragraph">
          {t('pf.joinRequest.decided', { status: t(`pf.joinRequest.status.${request.status}`), name: request.decidedByLabel ?? '—', date: formatDateTime(locale, request.decidedAt) })}
          {reason && (
            <>
              {'. '}
              {t('pf.joinRequest.reason')}: {reason}
            </>
          )}
        </p>
      )}
    </>
  );
}

/**
 * On the project page: the partner contact's link to ask (only for organisations not yet partners),
 * their own requests with a way to withdraw an open one, and for the lead and coordinator every
 * request with a link to review the open ones.
 */
export function JoinRequestsSection(props: { ctx: PageContext; code: string; rows: JoinRequestRow[]; mayAsk: Choice[]; canDecide: boolean; userId: string | null; state?: FormState }) {
  const { ctx, code, rows, mayAsk, canDecide, state } = props;
  const { t } = ctx;
  if (rows.length === 0 && mayAsk.length === 0 && !canDecide) return null;
  const path = `/${ctx.programme!.slug}/projects/${encodeURIComponent(code)}`;
  return (
    <section aria-labelledby="join-requests" class="ks-panel">
      <Heading level={2} id="join-requests">
        {t('pf.joinRequest.section')}
      </Heading>
      {mayAsk.length > 0 && (
        <ul class="utrecht-unordered-list">
          {mayAsk.map((organisation) => (
            <li class="utrecht-unordered-list__item">
              <Link ctx={ctx} to={`${path}/join-requests/new${mayAsk.length > 1 ? `?organisation=${organisation.id}` : ''}`}>
                {t('pf.joinRequest.ask', { organisation: organisation.label })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {rows.length === 0 ? (
        canDecide && <p class="utrecht-paragraph">{t('pf.joinRequest.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {rows.map(({ request, organisation }) => {
            const withdraw = `withdraw-${request.id}`;
            return (
              <li class="utrecht-unordered-list__item" id={`join-request-${request.id}`}>
                <RequestStatus ctx={ctx} request={request} organisation={organisation.name} />
                <Prose value={request.motivation} locale={ctx.locale} />
                {canDecide && request.status === 'requested' && (
                  <p class="utrecht-paragraph">
                    <Link ctx={ctx} to={`${path}/join-requests/${request.id}`}>
                      {t('pf.joinRequest.review', { organisation: text(organisation.name, ctx) })}
                    </Link>
                  </p>
                )}
                {request.status === 'requested' && request.requestedBy !== null && request.requestedBy === props.userId && (
                  <>
                    <ErrorSummary ctx={ctx} state={state} form={withdraw} />
                    <PostForm ctx={ctx} action={`/${ctx.locale}${path}/join-requests/${request.id}/withdraw`} label={t('pf.joinRequest.withdraw')} id={withdraw}>
                      <input type="hidden" name="version" value={String(request.version)} />
                      <SubmitButton secondary>{t('pf.joinRequest.withdraw')}</SubmitButton>
                    </PostForm>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The partner contact's request: on behalf of which organisation, and why. */
export function AskToJoinPage(props: { ctx: PageContext; project: ProjectHeader; organisations: Choice[]; preselected?: string; state?: FormState }) {
  const { ctx, state, organisations } = props;
  const { t } = ctx;
  const title = t('pf.joinRequest.askTitle');
  const { crumbs, fullTitle, projectPath } = projectFrame(ctx, props.project, title);
  const only = organisations.length === 1 ? organisations[0]! : null;
  return (
    <Layout ctx={ctx} title={fullTitle} crumbs={crumbs} indexable={false}>
      <Heading level={1}>{fullTitle}</Heading>
      <p class="utrecht-paragraph">{t('pf.joinRequest.askIntro')}</p>
      <ErrorSummary ctx={ctx} state={state} form={ASK_FORM} />
      <PostForm ctx={ctx} action={`${projectPath}/join-requests/new`} label={title} id={ASK_FORM}>
        {only ? (
          <>
            <input type="hidden" name="organisationId" value={only.id} />
            <p class="utrecht-paragraph">
              {t('pf.joinRequest.organisation')}: <strong>{only.label}</strong>
            </p>
          </>
        ) : (
          <SelectField
            {...fieldProps(ctx, JoinRequestForm, state, ASK_FORM, 'organisationId', props.preselected ?? '')}
            label={t('pf.joinRequest.organisation')}
            options={organisations.map((o) => ({ value: o.id, label: o.label }))}
            empty={t('pf.form.choose')}
          />
        )}
        <p class="utrecht-paragraph">{t('pf.joinRequest.motivationHint')}</p>
        <BilingualField ctx={ctx} schema={JoinRequestForm} state={state} form={ASK_FORM} name="motivation" label={t('pf.joinRequest.motivation')} multiline required />
        <SubmitButton>{t('pf.joinRequest.submit')}</SubmitButton>
      </PostForm>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={projectPath}>
          {t('pf.joinRequest.back')}
        </a>
      </p>
    </Layout>
  );
}

/** The lead's review of one request: what was asked, whether advice is needed, accept (with advice) or decline (with a reason). */
export function ReviewJoinRequestPage(props: { ctx: PageContext; project: ProjectHeader; row: JoinRequestRow; isParty: boolean; state?: FormState; stale?: boolean }) {
  const { ctx, state, row, isParty } = props;
  const { t } = ctx;
  const organisation = text(row.organisation.name, ctx);
  const title = t('pf.joinRequest.reviewTitle', { organisation });
  const { crumbs, fullTitle, projectPath } = projectFrame(ctx, props.project, title);
  const action = `${projectPath}/join-requests/${row.request.id}`;
  const open = row.request.status === 'requested';
  const a = (name: string) => fieldProps(ctx, AcceptRequestForm, state, ACCEPT_FORM, name);
  return (
    <Layout ctx={ctx} title={fullTitle} crumbs={crumbs} indexable={false}>
      <Heading level={1}>{fullTitle}</Heading>
      {props.stale && (
        <Alert kind="warning">
          <p class="utrecht-paragraph">{t('pf.joinRequest.stale')}</p>
        </Alert>
      )}
      <RequestStatus ctx={ctx} request={row.request} organisation={row.organisation.name} />
      <Prose value={row.request.motivation} locale={ctx.locale} />
      {open && (
        <>
          <Alert kind={isParty ? 'info' : 'warning'}>
            <p class="utrecht-paragraph">{t(isParty ? 'pf.joinRequest.party' : 'pf.joinRequest.notParty', { organisation })}</p>
          </Alert>
          <section aria-labelledby="accept-heading">
            <Heading level={2} id="accept-heading">
              {t('pf.joinRequest.acceptTitle', { organisation })}
            </Heading>
            <ErrorSummary ctx={ctx} state={state} form={ACCEPT_FORM} />
            <PostForm ctx={ctx} action={`${action}/accept`} label={t('pf.joinRequest.acceptTitle', { organisation })} id={ACCEPT_FORM}>
              <input type="hidden" name="version" value={String(row.request.version)} />
              <RadioGroup
                id={`${ACCEPT_FORM}-role`}
                name="role"
                legend={t('organisation.role')}
                value={typedValue(state, ACCEPT_FORM, 'role', 'partner')}
                options={(['partner', 'intended_partner'] as const).map((r) => ({ value: r, label: t(`partnerRole.${r}`) }))}
                error={errorOf(ctx, state, ACCEPT_FORM, 'role')}
              />
              <fieldset class="utrecht-form-fieldset" id={`${ACCEPT_FORM}-advice`}>
                <legend class="utrecht-form-fieldset__legend">{t('pf.join.advice')}</legend>
                <p class="utrecht-paragraph">{t('pf.join.adviceHint')}</p>
                <TextField {...a('consultedOn')} type="date" label={t('pf.join.consultedOn')} />
                <RadioGroup
                  id={`${ACCEPT_FORM}-level`}
                  name="level"
                  legend={t('pf.join.level')}
                  value={typedValue(state, ACCEPT_FORM, 'level')}
                  options={ADVICE_LEVELS.map((l) => ({ value: l, label: t(`pf.consultation.level.${l}`) }))}
                  error={errorOf(ctx, state, ACCEPT_FORM, 'level')}
                />
                <RadioGroup
                  id={`${ACCEPT_FORM}-outcome`}
                  name="outcome"
                  legend={t('pf.join.outcome')}
                  value={typedValue(state, ACCEPT_FORM, 'outcome')}
                  options={(['agreed', 'objection'] as const).map((o) => ({ value: o, label: t(`pf.consultation.${o}`) }))}
                  error={errorOf(ctx, state, ACCEPT_FORM, 'outcome')}
                />
                <BilingualField ctx={ctx} schema={AcceptRequestForm} state={state} form={ACCEPT_FORM} name="note" label={t('pf.join.note')} multiline />
              </fieldset>
              <SubmitButton>{t('pf.joinRequest.accept')}</SubmitButton>
            </PostForm>
          </section>
          <section aria-labelledby="decline-heading">
            <Heading level={2} id="decline-heading">
              {t('pf.joinRequest.declineTitle')}
            </Heading>
            <ErrorSummary ctx={ctx} state={state} form={DECLINE_FORM} />
            <PostForm ctx={ctx} action={`${action}/decline`} label={t('pf.joinRequest.declineTitle')} id={DECLINE_FORM}>
              <input type="hidden" name="version" value={String(row.request.version)} />
              <BilingualField ctx={ctx} schema={DeclineRequestForm} state={state} form={DECLINE_FORM} name="reason" label={t('pf.joinRequest.declineReason')} multiline required />
              <SubmitButton secondary>{t('pf.joinRequest.decline')}</SubmitButton>
            </PostForm>
          </section>
        </>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${projectPath}#join-requests`}>
          {t('pf.joinRequest.back')}
        </a>
      </p>
    </Layout>
  );
}
