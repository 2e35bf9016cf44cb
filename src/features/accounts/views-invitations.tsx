// Pages for inviting people (coordinator), accepting an invitation, and erasing a person (admin).
import { limitsOf } from '../../web/forms.ts';
import { InviteForm } from './forms.ts';
import { Alert, CsrfField, Heading, SelectField, SubmitButton, TextField, TableScroll } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { localePath } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { formatDateTime } from '../../web/i18n.ts';
import { ROLES, type Role } from '../../db/schema.ts';
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { NewPasswordForm } from './views-security.tsx';
import { CheckboxField } from './views-sso.tsx';

export interface InviteFormValues {
  email?: string;
  displayName?: string;
  role?: string;
  project?: string;
  organisation?: string;
}

/** What the invitation form offers to choose from: the programme's projects and organisations. */
export interface InviteChoices {
  projects: { code: string; title: LocalizedText }[];
  organisations: { slug: string; name: LocalizedText }[];
}

export interface InvitationRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export function InvitationsPage(props: {
  ctx: PageContext;
  values: InviteFormValues;
  errors: Record<string, string>;
  invitations: InvitationRow[];
  choices: InviteChoices;
  sent?: boolean;
  revoked?: boolean;
  link?: string;
}) {
  const { ctx, values, errors } = props;
  const { t, locale } = ctx;
  const slug = ctx.programme!.slug;
  const status = (row: InvitationRow) =>
    row.acceptedAt ? t('accounts.invite.accepted') : row.revokedAt ? t('accounts.invite.revoked') : row.expiresAt < new Date() ? t('accounts.invite.expired') : t('accounts.invite.open');
  return (
    <Layout ctx={ctx} title={t('accounts.invite.title')} indexable={false} crumbs={[{ label: t('accounts.invite.title') }]}>
      <Heading level={1}>{t('accounts.invite.title')}</Heading>
      {props.sent && <Alert kind="ok">{t('accounts.invite.sent')}</Alert>}
      {props.revoked && <Alert kind="ok">{t('accounts.invite.revokedDone')}</Alert>}
      <p class="utrecht-paragraph">{t('accounts.invite.intro')}</p>
      <form method="post" action={localePath(locale, `/${slug}/invitations`)} class="ks-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField id="email" name="email" type="email" label={t('login.email')} value={values.email} autocomplete="off" required error={errors.email} maxLength={limitsOf(InviteForm, 'email').maxLength} />
        <TextField id="displayName" name="displayName" label={t('accounts.invite.name')} value={values.displayName} autocomplete="off" required error={errors.displayName} maxLength={limitsOf(InviteForm, 'displayName').maxLength} />
        <SelectField id="role" label={t('accounts.invite.role')} value={values.role ?? 'partner'} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} error={errors.role} />
        <SelectField
          id="project"
          label={t('accounts.invite.project')}
          description={t('accounts.invite.projectHelp')}
          empty={t('accounts.invite.noProject')}
          value={values.project ?? ''}
          options={props.choices.projects.map((p) => ({ value: p.code, label: `${p.code} ${resolveText(p.title, locale).text}` }))}
          error={errors.project}
        />
        <SelectField
          id="organisation"
          label={t('accounts.invite.organisation')}
          description={t('accounts.invite.organisationHelp')}
          empty={t('accounts.invite.noOrganisation')}
          value={values.organisation ?? ''}
          options={props.choices.organisations.map((o) => ({ value: o.slug, label: resolveText(o.name, locale).text }))}
          error={errors.organisation}
        />
        <SubmitButton>{t('accounts.invite.submit')}</SubmitButton>
      </form>
      <Heading level={2}>{t('accounts.invite.list')}</Heading>
      {props.invitations.length === 0 ? (
        <p class="utrecht-paragraph">{t('accounts.invite.none')}</p>
      ) : (
        <TableScroll label={t('accounts.invite.list')}>
          <table class="utrecht-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('accounts.invite.name')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('accounts.invite.role')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('accounts.invite.status')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('accounts.invite.expires')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('accounts.invite.action')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {props.invitations.map((row) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    {row.displayName} &lt;{row.email}&gt;
                  </td>
                  <td class="utrecht-table__cell">{t(`role.${row.role}`)}</td>
                  <td class="utrecht-table__cell">{status(row)}</td>
                  <td class="utrecht-table__cell">{formatDateTime(locale, row.expiresAt)}</td>
                  <td class="utrecht-table__cell">
                    {!row.acceptedAt && !row.revokedAt && row.expiresAt >= new Date() && (
                      <form method="post" action={localePath(locale, `/${slug}/invitations/${row.id}/revoke`)}>
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="utrecht-button utrecht-button--html-button utrecht-button--secondary-action" aria-label={t('accounts.invite.revokeLabel', { name: row.displayName })}>
                          {t('accounts.invite.revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}

export type DeadInvitation = 'revoked' | 'used' | 'expired' | 'unknown';

export function AcceptInvitationPage(props: {
  ctx: PageContext;
  invitation: { displayName: string; email: string; role: Role; existing: boolean } | null;
  action: string;
  error?: string;
  /** Why the link does not work, when it does not. */
  dead?: DeadInvitation;
  /** The programme's single sign-on, offered as the other way to accept. */
  sso?: { name: string } | null;
}) {
  const { ctx, invitation } = props;
  const { t } = ctx;
  const deadMessage = { revoked: 'accounts.accept.revoked', used: 'accounts.accept.used', expired: 'accounts.accept.expired', unknown: 'accounts.accept.invalid' }[props.dead ?? 'unknown'];
  return (
    <Layout ctx={ctx} title={t('accounts.accept.title')} indexable={false} crumbs={[{ label: t('accounts.accept.title') }]}>
      <Heading level={1}>{t('accounts.accept.title')}</Heading>
      {!invitation ? (
        <Alert kind="error">{t(deadMessage)}</Alert>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('accounts.accept.intro', { name: invitation.displayName, email: invitation.email, role: t(`role.${invitation.role}`) })}</p>
          {props.sso && (
            <p class="utrecht-paragraph">
              <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" id="accept-sso" href={`${props.action}/sso`}>
                {t('accounts.sso.acceptWith', { name: props.sso.name })}
              </a>
            </p>
          )}
          {props.sso && !invitation.existing && <p class="utrecht-paragraph">{t('accounts.sso.acceptOr')}</p>}
          {invitation.existing ? (
            <form method="post" action={props.action} class="ks-form">
              <CsrfField ctx={ctx} />
              <p class="utrecht-paragraph">{t('accounts.accept.existing')}</p>
              <SubmitButton>{t('accounts.accept.submit')}</SubmitButton>
            </form>
          ) : (
            <NewPasswordForm ctx={ctx} action={props.action} error={props.error} submit={t('accounts.accept.submit')} />
          )}
        </>
      )}
    </Layout>
  );
}

export function ErasePage(props: { ctx: PageContext; users: { id: string; displayName: string; email: string }[]; error?: string; erased?: string }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.erase.title')} indexable={false} crumbs={[{ label: t('accounts.erase.title') }]}>
      <Heading level={1}>{t('accounts.erase.title')}</Heading>
      {props.erased && <Alert kind="ok">{t('accounts.erase.done', { pseudonym: props.erased })}</Alert>}
      {props.error && <Alert kind="error">{props.error}</Alert>}
      <p class="utrecht-paragraph">{t('accounts.erase.intro')}</p>
      <form method="post" action={localePath(locale, `/${ctx.programme!.slug}/admin/erase`)} class="ks-form" novalidate>
        <CsrfField ctx={ctx} />
        <SelectField id="user" label={t('accounts.erase.person')} empty={t('accounts.erase.choose')} options={props.users.map((u) => ({ value: u.id, label: `${u.displayName} <${u.email}>` }))} />
        <CheckboxField id="confirm" label={t('accounts.erase.confirm')} />
        <SubmitButton>{t('accounts.erase.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}
