// Pages about mail: a user's mail preferences, unsubscribing from a link in a mail, and the
// invitations block on a meeting page.
import type { Locale } from '../../domain/localized.ts';
import { Alert, CsrfField, Heading, SelectField, SubmitButton } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { InvitationStatus } from './invitations.ts';
import { MAIL_KINDS, type MailKind } from './mail.ts';

export const PREFERENCES_PATH = '/account/mail';

export interface PreferencesForm {
  values: { locale: string; kinds: Record<MailKind, boolean> };
  errors: { locale?: string };
}

export function PreferencesPage({ ctx, accountLocale, form, saved }: { ctx: PageContext; accountLocale: Locale; form: PreferencesForm; saved?: boolean }) {
  const { t, locale } = ctx;
  const title = t('monitoring.preferences.title');
  const languages: Record<Locale, string> = { nl: 'Nederlands', en: 'English' };
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={[{ label: t('monitoring.preferences.account'), href: localePath(locale, '/account') }, { label: title }]}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('monitoring.preferences.intro')}</p>
      {saved && <Alert kind="ok">{t('monitoring.preferences.saved')}</Alert>}
      {form.errors.locale && <Alert kind="error">{t('monitoring.form.errors')}</Alert>}
      <form method="post" action={localePath(locale, PREFERENCES_PATH)} novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          id="mail-locale"
          name="locale"
          label={t('monitoring.preferences.locale')}
          error={form.errors.locale ? t(form.errors.locale) : undefined}
          value={form.values.locale}
          options={[
            { value: '', label: t('monitoring.preferences.localeAccount', { language: languages[accountLocale] }) },
            // Each language's name in that language, marked as such for screen readers is not possible
            // inside <option>; the names are the same in both interfaces.
            { value: 'nl', label: languages.nl },
            { value: 'en', label: languages.en },
          ]}
        />
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t('monitoring.preferences.kinds')}</legend>
          {(Object.keys(MAIL_KINDS) as MailKind[]).map((kind) => (
            <div class="utrecht-form-field utrecht-form-field--checkbox">
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id={`kind-${kind}`}
                name={kind}
                value="on"
                checked={form.values.kinds[kind]}
                aria-describedby={`kind-${kind}-description`}
              />{' '}
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={`kind-${kind}`}>
                {t(`monitoring.kind.${kind}`)}
              </label>
              <div class="utrecht-form-field-description" id={`kind-${kind}-description`}>
                {t(`monitoring.kind.${kind}.who`)}
              </div>
            </div>
          ))}
        </fieldset>
        <SubmitButton>{t('monitoring.preferences.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

export function UnsubscribePage({ ctx, action, kind, done }: { ctx: PageContext; action: string; kind: MailKind | null; done: boolean }) {
  const { t, locale } = ctx;
  const what = kind ? t(`monitoring.kind.${kind}`) : null;
  return (
    <Layout ctx={ctx} title={t('monitoring.unsubscribe.title')} indexable={false}>
      <Heading level={1}>{t('monitoring.unsubscribe.title')}</Heading>
      {done ? (
        <Alert kind="ok">{what ? t('monitoring.unsubscribe.doneKind', { kind: what }) : t('monitoring.unsubscribe.done')}</Alert>
      ) : (
        <form method="post" action={action}>
          <CsrfField ctx={ctx} />
          <p class="utrecht-paragraph">{what ? t('monitoring.unsubscribe.bodyKind', { kind: what }) : t('monitoring.unsubscribe.body')}</p>
          <SubmitButton>{t('monitoring.unsubscribe.submit')}</SubmitButton>
        </form>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={localePath(locale, PREFERENCES_PATH)}>
          {t('monitoring.unsubscribe.preferences')}
        </a>
      </p>
    </Layout>
  );
}

/** On a meeting page, for the coordinator: the send (or resend) button and what was sent. */
export function InvitationsForm({ ctx, action, sequence, status }: { ctx: PageContext; action: string; sequence: number; status: InvitationStatus }) {
  const { t, locale } = ctx;
  const changed = status.sentSequence !== null && status.sentSequence < sequence;
  return (
    <section aria-labelledby="invitations-heading" class="ks-noprint">
      <Heading level={2} id="invitations-heading">
        {t('monitoring.invitations.heading')}
      </Heading>
      {status.lastSentAt ? (
        <p class="utrecht-paragraph">
          {t('monitoring.invitations.sent', { date: formatDateTime(locale, status.lastSentAt), count: status.recipients })}{' '}
          {t(changed ? 'monitoring.invitations.changed' : 'monitoring.invitations.current')}
        </p>
      ) : (
        <p class="utrecht-paragraph">{t('monitoring.invitations.never')}</p>
      )}
      {status.withoutAccount.length > 0 && <p class="utrecht-paragraph ks-muted">{t('monitoring.invitations.withoutAccount', { names: status.withoutAccount.join(', ') })}</p>}
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        <SubmitButton secondary>{t(changed ? 'monitoring.invitations.resend' : status.lastSentAt ? 'monitoring.invitations.sendMissing' : 'monitoring.invitations.send')}</SubmitButton>
      </form>
    </section>
  );
}
