import { Alert, CsrfField, Heading, SubmitButton, TextField, Text, Link, DataItem, DataList } from '../../web/components.tsx';
import { limitsOf } from '../../web/forms.ts';
import { LoginForm } from './forms.ts';
import type { PageContext } from '../../web/context.ts';
import { localePath } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import type { LocalizedText } from '../../domain/localized.ts';
import type { Role } from '../../db/schema.ts';

export interface LoginFormState {
  email?: string;
  next?: string;
  error?: 'failed' | 'throttled';
  fieldErrors?: { email?: string; password?: string };
}

export function LoginPage({ ctx, state, providers = [], setupOpen = false }: { ctx: PageContext; state: LoginFormState; providers?: { programmeSlug: string; name: string }[]; setupOpen?: boolean }) {
  const { t } = ctx;
  const next = state.next ? `?next=${encodeURIComponent(state.next)}` : '';
  return (
    <Layout ctx={ctx} title={t('login.title')} indexable={false} crumbs={[{ label: t('login.title') }]}>
      <Heading level={1}>{t('login.title')}</Heading>
      {setupOpen && (
        <Alert kind="info">
          {t('accounts.setup.notice')}{' '}
          <a class="utrecht-link" href={localePath(ctx.locale, '/setup')}>
            {t('accounts.setup.noticeLink')}
          </a>
        </Alert>
      )}
      <p class="utrecht-paragraph">{t('login.intro')}</p>
      {state.error && <Alert kind="error">{t(state.error === 'throttled' ? 'login.throttled' : 'login.failed')}</Alert>}
      {providers.length > 0 && (
        <>
          <ul class="utrecht-unordered-list ks-sso-list">
            {providers.map((p) => (
              <li class="utrecht-unordered-list__item">
                <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={`${localePath(ctx.locale, `/login/sso/${p.programmeSlug}`)}${next}`}>
                  {t('accounts.sso.signInWith', { name: p.name })}
                </a>
              </li>
            ))}
          </ul>
          <p class="utrecht-paragraph">{t('accounts.sso.orPassword')}</p>
        </>
      )}
      <form method="post" action={localePath(ctx.locale, '/login')} class="ks-form" novalidate>
        <CsrfField ctx={ctx} />
        {state.next && <input type="hidden" name="next" value={state.next} />}
        <TextField id="email" name="email" type="email" label={t('login.email')} value={state.email} autocomplete="username" required error={state.fieldErrors?.email} maxLength={limitsOf(LoginForm, 'email').maxLength} />
        <TextField id="password" name="password" type="password" label={t('login.password')} autocomplete="current-password" required error={state.fieldErrors?.password} maxLength={limitsOf(LoginForm, 'password').maxLength} />
        <SubmitButton>{t('login.submit')}</SubmitButton>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={localePath(ctx.locale, '/password/forgot')}>
          {t('accounts.forgot.link')}
        </a>
      </p>
    </Layout>
  );
}

export interface AccountRole {
  role: Role;
  programmeSlug: string;
  programmeName: LocalizedText;
  detail: LocalizedText | null;
}

export function AccountPage({ ctx, email, roles, twoFactor = false, twoFactorRequired = false }: { ctx: PageContext; email: string; roles: AccountRole[]; twoFactor?: boolean; twoFactorRequired?: boolean }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')} indexable={false} crumbs={[{ label: t('account.title') }]}>
      <Heading level={1}>{t('account.title')}</Heading>
      <DataList>
        <DataItem label={t('account.email')}>{email}</DataItem>
        <DataItem label={t('accounts.twoFactor.title')}>{t(twoFactor ? 'accounts.twoFactor.on' : 'accounts.twoFactor.off')}</DataItem>
      </DataList>
      {twoFactorRequired && !twoFactor && <Alert kind="warning">{t('accounts.twoFactor.enrolSoon')}</Alert>}
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={localePath(locale, '/account/two-factor')}>{t('accounts.twoFactor.title')}</a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={localePath(locale, '/account/sessions')}>{t('accounts.sessions.title')}</a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={localePath(locale, '/account/mail')}>{t('monitoring.preferences.title')}</a>
        </li>
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={localePath(locale, '/account/personal-data')} download="kennisstad-personal-data.json">{t('accounts.personalData.download')}</a>
        </li>
      </ul>
      <Heading level={2}>{t('account.roles')}</Heading>
      {roles.length === 0 ? (
        <p class="utrecht-paragraph">{t('account.noRoles')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {roles.map((role) => (
            <li class="utrecht-unordered-list__item">
              {t(`role.${role.role}`)}
              {role.detail && (
                <>
                  {' '}(<Text value={role.detail} locale={locale} />)
                </>
              )}
              {' — '}
              <Link ctx={ctx} to={`/${role.programmeSlug}`}>
                <Text value={role.programmeName} locale={locale} />
              </Link>
              {role.role === 'admin' && (
                // The programme's settings only its administrators may change (access 'admin').
                <ul class="utrecht-unordered-list">
                  <li class="utrecht-unordered-list__item">
                    <Link ctx={ctx} to={`/${role.programmeSlug}/admin/sso`}>
                      {t('account.admin.sso')}
                    </Link>
                  </li>
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
