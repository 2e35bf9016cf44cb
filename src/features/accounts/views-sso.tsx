// Pages for single sign-on: the administrator's settings and the pages a failed sign-on ends on.
import { limitsOf } from '../../web/forms.ts';
import { SsoForm } from './forms.ts';
import { Alert, CsrfField, Heading, SubmitButton, TextArea, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { localePath } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import type { SsoFailure, SsoSettingsInput } from './sso.ts';

/** One checkbox with its label after it (NL Design System checkbox field). */
export function CheckboxField({ id, label, checked, value = 'yes' }: { id: string; label: string; checked?: boolean; value?: string }) {
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={id} name={id} value={value} checked={checked} />{' '}
      <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
        {label}
      </label>
    </div>
  );
}

export function SsoSettingsPage(props: { ctx: PageContext; values: SsoSettingsInput; errors: Record<string, string>; configured: boolean; saved?: boolean; redirectUris: string[]; postLogoutUris: string[] }) {
  const { ctx, values, errors } = props;
  const { t, locale } = ctx;
  const title = t('accounts.sso.settingsTitle');
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={[{ label: title }]}>
      <Heading level={1}>{title}</Heading>
      {props.saved && <Alert kind="ok">{t('accounts.sso.saved')}</Alert>}
      {Object.keys(errors).length > 0 && <Alert kind="error">{t('accounts.sso.fixErrors')}</Alert>}
      <p class="utrecht-paragraph">{t('accounts.sso.settingsIntro')}</p>
      <p class="utrecht-paragraph">{t('accounts.sso.redirectUris')}</p>
      <ul class="utrecht-unordered-list">
        {props.redirectUris.map((uri) => (
          <li class="utrecht-unordered-list__item">
            <code>{uri}</code>
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">{t('accounts.sso.postLogoutUris')}</p>
      <ul class="utrecht-unordered-list">
        {props.postLogoutUris.map((uri) => (
          <li class="utrecht-unordered-list__item">
            <code>{uri}</code>
          </li>
        ))}
      </ul>
      <form method="post" action={localePath(locale, `/${ctx.programme!.slug}/admin/sso`)} class="ks-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField id="name" label={t('accounts.sso.name')} description={t('accounts.sso.nameHelp')} value={values.name} required error={errors.name} maxLength={limitsOf(SsoForm, 'name').maxLength} />
        <TextField id="issuer" type="url" label={t('accounts.sso.issuer')} description={t('accounts.sso.issuerHelp')} value={values.issuer} required error={errors.issuer} maxLength={limitsOf(SsoForm, 'issuer').maxLength} />
        <TextField id="clientId" label={t('accounts.sso.clientId')} value={values.clientId} autocomplete="off" required error={errors.clientId} maxLength={limitsOf(SsoForm, 'clientId').maxLength} />
        <TextField
          id="clientSecret"
          type="password"
          label={t('accounts.sso.clientSecret')}
          description={t(props.configured ? 'accounts.sso.clientSecretKeep' : 'accounts.sso.clientSecretHelp')}
          autocomplete="new-password"
          maxLength={limitsOf(SsoForm, 'clientSecret').maxLength}
          required={!props.configured}
          error={errors.clientSecret}
        />
        <TextArea id="allowedDomains" label={t('accounts.sso.domains')} description={t('accounts.sso.domainsHelp')} value={values.allowedDomains} rows={2} required error={errors.allowedDomains} maxLength={limitsOf(SsoForm, 'allowedDomains').maxLength} />
        <TextArea id="domainOrganisations" label={t('accounts.sso.mapping')} description={t('accounts.sso.mappingHelp')} value={values.domainOrganisations} rows={4} error={errors.domainOrganisations} maxLength={limitsOf(SsoForm, 'domainOrganisations').maxLength} />
        <CheckboxField id="enabled" label={t('accounts.sso.enabled')} checked={values.enabled} />
        <SubmitButton>{t('accounts.sso.save')}</SubmitButton>
      </form>
    </Layout>
  );
}

/** Where a sign-on that cannot go on ends: what happened and what to do, never a server error. */
export function SsoErrorPage({ ctx, reason }: { ctx: PageContext; reason: SsoFailure | 'throttled' }) {
  const { t, locale } = ctx;
  const title = t('accounts.sso.errorTitle');
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={[{ label: title }]}>
      <Heading level={1}>{title}</Heading>
      <Alert kind="error">{t(`accounts.sso.error.${reason}`)}</Alert>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={localePath(locale, '/login')}>
          {t('accounts.sso.backToLogin')}
        </a>
      </p>
    </Layout>
  );
}

/**
 * After signing out of a session that began with single sign-on: on to the provider's sign-out.
 * A page, not a redirect: the sign-out is a form post, and the Content-Security-Policy's
 * form-action 'self' stops a form's redirect chain from leaving the site. The refresh (no delay)
 * is a navigation of its own; the link is there should a browser not follow it.
 */
export function ProviderSignOutPage({ ctx, url, provider }: { ctx: PageContext; url: string; provider: string }) {
  const { t } = ctx;
  const title = t('accounts.sso.signedOutTitle');
  return (
    <Layout ctx={ctx} title={title} indexable={false} head={<meta http-equiv="refresh" content={`0;url=${url}`} />}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('accounts.sso.signedOutHere', { provider })}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" id="provider-sign-out" href={url}>
          {t('accounts.sso.signOutAtProvider', { provider })}
        </a>
      </p>
    </Layout>
  );
}
