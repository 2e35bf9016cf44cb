// Pages for the second login step, authenticator set-up, password reset and the sessions list.
import { limitsOf } from '../../web/forms.ts';
import { CodeForm, ForgotForm, NewPasswordForm as NewPasswordInput } from './forms.ts';
import type { ComponentChildren } from 'preact';
import { Alert, CsrfField, Heading, SubmitButton, TextField, TableScroll } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { localePath } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { formatDateTime } from '../../web/i18n.ts';
import type { PasswordProblem } from './password-policy.ts';

export function passwordMessage(ctx: PageContext, problem: PasswordProblem): string {
  return ctx.t(`accounts.password.${problem}`);
}

function Page({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={[{ label: title }]}>
      <Heading level={1}>{title}</Heading>
      {children}
    </Layout>
  );
}

/** The one-time code field of the login's second step and of authenticator set-up. */
const CODE_ERRORS = { wrong: 'accounts.verify.wrong', replayed: 'accounts.verify.replayed', required: 'field.required' } as const;

function CodeField({ ctx, error, description }: { ctx: PageContext; error?: 'wrong' | 'replayed' | 'required'; description?: string }) {
  const { t } = ctx;
  return (
    <TextField
      id="code"
      label={t('accounts.verify.code')}
      description={description}
      autocomplete="one-time-code"
      maxLength={limitsOf(CodeForm, 'code').maxLength}
      required
      error={error ? t(CODE_ERRORS[error]) : undefined}
    />
  );
}

export function VerifyPage({ ctx, error }: { ctx: PageContext; error?: 'wrong' | 'replayed' | 'required' }) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t('accounts.verify.title')}>
      <p class="utrecht-paragraph">{t('accounts.verify.intro')}</p>
      <form method="post" action={localePath(ctx.locale, '/login/verify')} class="ks-form" novalidate>
        <CsrfField ctx={ctx} />
        <CodeField ctx={ctx} error={error} description={t('accounts.verify.codeHelp')} />
        <SubmitButton>{t('accounts.verify.submit')}</SubmitButton>
      </form>
    </Page>
  );
}

export interface EnrolState {
  secret: string;
  qr: string;
  action: string;
  error?: 'wrong' | 'required';
  required?: boolean;
  /** How the app will list the entry: this installation's name and the account. */
  entry: { issuer: string; account: string };
}

export function EnrolPage({ ctx, state }: { ctx: PageContext; state: EnrolState }) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t('accounts.enrol.title')}>
      {state.required && <Alert kind="info">{t('accounts.enrol.required')}</Alert>}
      <ol class="utrecht-ordered-list">
        <li class="utrecht-ordered-list__item">{t('accounts.enrol.step1')}</li>
        <li class="utrecht-ordered-list__item">{t('accounts.enrol.step2')}</li>
        <li class="utrecht-ordered-list__item">{t('accounts.enrol.step3')}</li>
      </ol>
      <figure class="ks-qr">
        <div role="img" aria-label={t('accounts.enrol.qrLabel')} dangerouslySetInnerHTML={{ __html: state.qr }} />
        <figcaption class="utrecht-paragraph">
          {t('accounts.enrol.secret')} <code id="totp-secret">{state.secret}</code>
        </figcaption>
      </figure>
      <p class="utrecht-paragraph" id="totp-entry">{t('accounts.enrol.entry', state.entry)}</p>
      <form method="post" action={state.action} class="ks-form" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="secret" value={state.secret} />
        <CodeField ctx={ctx} error={state.error} />
        <SubmitButton>{t('accounts.enrol.submit')}</SubmitButton>
      </form>
    </Page>
  );
}

export function RecoveryCodesPage({ ctx, codes, next }: { ctx: PageContext; codes: string[]; next: string }) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t('accounts.recovery.title')}>
      <Alert kind="ok">{t('accounts.recovery.enabled')}</Alert>
      <p class="utrecht-paragraph">{t('accounts.recovery.intro')}</p>
      <ul class="utrecht-unordered-list ks-recovery-codes">
        {codes.map((code) => (
          <li class="utrecht-unordered-list__item">
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={next}>
          {t('accounts.recovery.continue')}
        </a>
      </p>
    </Page>
  );
}

export function TwoFactorPage({ ctx, enabled, remaining, required }: { ctx: PageContext; enabled: boolean; remaining: number; required: boolean }) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t('accounts.twoFactor.title')}>
      <p class="utrecht-paragraph">{t(enabled ? 'accounts.twoFactor.on' : 'accounts.twoFactor.off')}</p>
      {required && <p class="utrecht-paragraph">{t('accounts.twoFactor.requiredForRole')}</p>}
      {enabled ? (
        <>
          <p class="utrecht-paragraph">{t('accounts.twoFactor.remaining', { n: remaining })}</p>
          <form method="post" action={localePath(ctx.locale, '/account/two-factor/recovery-codes')} class="ks-form">
            <CsrfField ctx={ctx} />
            <SubmitButton secondary>{t('accounts.twoFactor.newCodes')}</SubmitButton>
          </form>
          {!required && (
            <form method="post" action={localePath(ctx.locale, '/account/two-factor/disable')} class="ks-form">
              <CsrfField ctx={ctx} />
              <SubmitButton secondary>{t('accounts.twoFactor.disable')}</SubmitButton>
            </form>
          )}
        </>
      ) : (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={localePath(ctx.locale, '/account/two-factor/enrol')}>
            {t('accounts.twoFactor.enable')}
          </a>
        </p>
      )}
    </Page>
  );
}

export function ForgotPage({ ctx, email, sent, error }: { ctx: PageContext; email?: string; sent?: boolean; error?: string }) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t('accounts.forgot.title')}>
      {sent ? (
        <Alert kind="ok">{t('accounts.forgot.sent')}</Alert>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('accounts.forgot.intro')}</p>
          <form method="post" action={localePath(ctx.locale, '/password/forgot')} class="ks-form" novalidate>
            <CsrfField ctx={ctx} />
            <TextField id="email" name="email" type="email" label={t('login.email')} value={email} autocomplete="username" required error={error} maxLength={limitsOf(ForgotForm, 'email').maxLength} />
            <SubmitButton>{t('accounts.forgot.submit')}</SubmitButton>
          </form>
        </>
      )}
    </Page>
  );
}

/** A form that sets a new password (password reset and accepting an invitation). */
export function NewPasswordForm({ ctx, action, error, submit }: { ctx: PageContext; action: string; error?: string; submit: string }) {
  const { t } = ctx;
  return (
    <form method="post" action={action} class="ks-form" novalidate>
      <CsrfField ctx={ctx} />
      <TextField id="password" name="password" type="password" label={t('accounts.password.new')} description={t('accounts.password.rules')} autocomplete="new-password" required error={error} maxLength={limitsOf(NewPasswordInput, 'password').maxLength} />
      <SubmitButton>{submit}</SubmitButton>
    </form>
  );
}

export function ResetPage({ ctx, action, error, invalid }: { ctx: PageContext; action: string; error?: string; invalid?: boolean }) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t('accounts.reset.title')}>
      {invalid ? (
        <Alert kind="error">{t('accounts.reset.invalid')}</Alert>
      ) : (
        <NewPasswordForm ctx={ctx} action={action} error={error} submit={t('accounts.reset.submit')} />
      )}
    </Page>
  );
}

export interface SessionRow {
  id: string;
  current: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export function SessionsPage({ ctx, sessions, ended }: { ctx: PageContext; sessions: SessionRow[]; ended?: boolean }) {
  const { t, locale } = ctx;
  return (
    <Page ctx={ctx} title={t('accounts.sessions.title')}>
      {ended && <Alert kind="ok">{t('accounts.sessions.ended')}</Alert>}
      <TableScroll label={t('accounts.sessions.caption')}>
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('accounts.sessions.caption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('accounts.sessions.device')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('accounts.sessions.address')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('accounts.sessions.started')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('accounts.sessions.lastSeen')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('accounts.sessions.action')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {sessions.map((s) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">
                  {s.userAgent ?? t('accounts.sessions.unknown')}
                  {s.current && <strong> ({t('accounts.sessions.current')})</strong>}
                </td>
                <td class="utrecht-table__cell">{s.ip ?? ''}</td>
                <td class="utrecht-table__cell">{formatDateTime(locale, s.createdAt)}</td>
                <td class="utrecht-table__cell">{formatDateTime(locale, s.lastSeenAt)}</td>
                <td class="utrecht-table__cell">
                  <form method="post" action={localePath(locale, '/account/sessions/end')}>
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="session" value={s.id} />
                    <SubmitButton secondary>{t('accounts.sessions.end')}</SubmitButton>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Page>
  );
}
