import { Alert, CsrfField, Heading, SubmitButton, TextField, Text, Link } from '../../web/components.tsx';
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

export function LoginPage({ ctx, state }: { ctx: PageContext; state: LoginFormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('login.title')} indexable={false} crumbs={[{ label: t('login.title') }]}>
      <Heading level={1}>{t('login.title')}</Heading>
      <p class="utrecht-paragraph">{t('login.intro')}</p>
      {state.error && <Alert kind="error">{t(state.error === 'throttled' ? 'login.throttled' : 'login.failed')}</Alert>}
      <form method="post" action={localePath(ctx.locale, '/login')} class="ks-form" novalidate>
        <CsrfField ctx={ctx} />
        {state.next && <input type="hidden" name="next" value={state.next} />}
        <TextField id="email" name="email" type="email" label={t('login.email')} value={state.email} autocomplete="username" required error={state.fieldErrors?.email} />
        <TextField id="password" name="password" type="password" label={t('login.password')} autocomplete="current-password" required error={state.fieldErrors?.password} />
        <SubmitButton>{t('login.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

export interface AccountRole {
  role: Role;
  programmeSlug: string;
  programmeName: LocalizedText;
  detail: LocalizedText | null;
}

export function AccountPage({ ctx, email, roles }: { ctx: PageContext; email: string; roles: AccountRole[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')} indexable={false} crumbs={[{ label: t('account.title') }]}>
      <Heading level={1}>{t('account.title')}</Heading>
      <dl class="ks-dl">
        <dt>{t('account.email')}</dt>
        <dd>{email}</dd>
      </dl>
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
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
