// Pages about mail: a user's mail preferences, unsubscribing from a link in a mail, and the
// invitations block on a meeting page.
import type { Locale } from '../../domain/localized.ts';
import { Alert, CsrfField, Heading, SelectField, SubmitButton } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { Checkbox, ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { InvitationStatus } from './invitations.ts';
import { MAIL_KINDS, wants, type MailKind, type Preferences } from './mail.ts';
import { PreferencesInput } from './schema.ts';

export const PREFERENCES_PATH = '/account/mail';

/** The preferences form: stored choices, or what was sent when it was refused. */
export function PreferencesPage({ ctx, accountLocale, preferences, state, saved }: { ctx: PageContext; accountLocale: Locale; preferences: Preferences; state?: FormState; saved?: boolean }) {
  const { t, locale } = ctx;
  const title = t('monitoring.preferences.title');
  const languages: Record<Locale, string> = { nl: 'Nederlands', en: 'English' };
  const form = 'preferences';
  const refused = state?.form === form;
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={[{ label: t('monitoring.preferences.account'), href: localePath(locale, '/account') }, { label: title }]}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('monitoring.preferences.intro')}</p>
      {saved && <Alert kind="ok">{t('monitoring.preferences.saved')}</Alert>}
      <ErrorSummary ctx={ctx} state={state} form={form} />
      <PostForm ctx={ctx} id={form} action={localePath(locale, PREFERENCES_PATH)} label={title}>
        <SelectField
          {...fieldProps(ctx, PreferencesInput, state, form, 'locale', preferences.locale ?? '')}
          label={t('monitoring.preferences.locale')}
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
            <Checkbox
              id={`${form}-${kind}`}
              name={kind}
              label={t(`monitoring.kind.${kind}`)}
              description={t(`monitoring.kind.${kind}.who`)}
              checked={refused ? !!state.values[kind] : wants(preferences, kind)}
            />
          ))}
        </fieldset>
        <SubmitButton>{t('monitoring.preferences.submit')}</SubmitButton>
      </PostForm>
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
