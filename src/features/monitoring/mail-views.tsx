// Pages about mail: a user's mail preferences, unsubscribing from a link in a mail, and the
// invitations block on a meeting page.
import type { Locale } from '../../domain/localized.ts';
import { Alert, CsrfField, Heading, SelectField, SubmitButton } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { Checkbox, ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { InvitationReport, InvitationStatus } from './invitations.ts';
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

/** On a meeting page, for the coordinator: who will and will not be invited and why, the send (or resend) button, and what the last send did. */
export function InvitationsForm({ ctx, action, sequence, status, report }: { ctx: PageContext; action: string; sequence: number; status: InvitationStatus; report: InvitationReport | null }) {
  const { t, locale } = ctx;
  const changed = status.sentSequence !== null && status.sentSequence < sequence;
  const receiving = status.members.filter((m) => m.reason === null);
  const notReceiving = status.members.filter((m) => m.reason !== null);
  const personHref = (personId: string) => localePath(locale, `/${ctx.programme!.slug}/people/${personId}`);
  return (
    <section aria-labelledby="invitations-heading" class="ks-noprint">
      <Heading level={2} id="invitations-heading">
        {t('monitoring.invitations.heading')}
      </Heading>
      {report && <InvitationReportAlert ctx={ctx} report={report} />}
      {status.lastSentAt ? (
        <p class="utrecht-paragraph">
          {t('monitoring.invitations.sent', { date: formatDateTime(locale, status.lastSentAt), count: status.recipients })}{' '}
          {t(changed ? 'monitoring.invitations.changed' : 'monitoring.invitations.current')}
        </p>
      ) : (
        <p class="utrecht-paragraph">{t('monitoring.invitations.never')}</p>
      )}
      {status.members.length === 0 ? (
        <p class="utrecht-paragraph">{t('monitoring.invitations.noMembers')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph" id="invitations-receiving">
            {receiving.length === 0 ? t('monitoring.invitations.nobody') : t('monitoring.invitations.receiving', { count: receiving.length, names: receiving.map((m) => m.name).join(', ') })}
          </p>
          {notReceiving.length > 0 && (
            <>
              <p class="utrecht-paragraph">{t('monitoring.invitations.notReceiving', { count: notReceiving.length })}</p>
              <ul class="utrecht-unordered-list" id="invitations-not-receiving">
                {notReceiving.map((m) => (
                  <li class="utrecht-unordered-list__item">
                    {m.name}: {t(`monitoring.invitations.reason.${m.reason}`)}
                    {m.reason !== 'off' && (
                      <>
                        {' '}
                        <a class="utrecht-link" href={personHref(m.personId)} aria-label={t('monitoring.invitations.fixLabel', { name: m.name })}>
                          {t('monitoring.invitations.fix')}
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        <SubmitButton secondary>{t(changed ? 'monitoring.invitations.resend' : status.lastSentAt ? 'monitoring.invitations.sendMissing' : 'monitoring.invitations.send')}</SubmitButton>
      </form>
    </section>
  );
}

/** After a send: how many were sent or kept in the outbox, and, when none went out, why. Never a silent "sent 0". */
function InvitationReportAlert({ ctx, report }: { ctx: PageContext; report: InvitationReport }) {
  const { t } = ctx;
  const mailed = report.sent - report.queued;
  const lines = [
    mailed > 0 ? t('monitoring.invitations.report.mailed', { count: mailed }) : null,
    report.queued > 0 ? t('monitoring.invitations.report.queued', { count: report.queued }) : null,
    report.skipped > 0 ? t('monitoring.invitations.report.skipped', { count: report.skipped }) : null,
    report.failed > 0 ? t('monitoring.invitations.report.failed', { count: report.failed }) : null,
    report.unreachable > 0 ? t('monitoring.invitations.report.unreachable', { count: report.unreachable }) : null,
  ].filter((line): line is string => line !== null);
  const none = report.sent === 0;
  return (
    <div role="status">
      <Alert kind={none || report.failed > 0 ? 'warning' : 'ok'}>
        {none && <p class="utrecht-paragraph">{t('monitoring.invitations.report.none')}</p>}
        {lines.map((line) => (
          <p class="utrecht-paragraph">{line}</p>
        ))}
      </Alert>
    </div>
  );
}
