// A person's account, for the coordinator: where the person sits, which account acts for them,
// and the two ways to link one (an existing account, or an invitation by e-mail).
import { resolveText } from '../../domain/localized.ts';
import { Alert, Heading, SelectField, SubmitButton, TextField } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { ErrorSummary, errorOf, PostForm } from '../../web/form-components.tsx';
import { typedValue, type FormState } from '../../web/forms.ts';
import { formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { Role } from '../../db/schema.ts';
import type { PersonAccount } from './people.ts';

export function personPath(ctx: PageContext, personId: string): string {
  return localePath(ctx.locale, `/${ctx.programme!.slug}/people/${personId}`);
}

export function PersonAccountPage(props: {
  ctx: PageContext;
  person: PersonAccount;
  accounts: { id: string; displayName: string; email: string }[];
  invitation: { email: string; expiresAt: Date; role: Role } | null;
  done?: 'linked' | 'invited' | 'unlinked';
  state?: FormState;
}) {
  const { ctx, person, state } = props;
  const { t, locale } = ctx;
  const path = personPath(ctx, person.id);
  const title = t('people.title', { name: person.name });
  const grantOptions = person.grants.map((g) => ({ value: g.key, label: `${t(`role.${g.role}`)} — ${g.projectCode ? `${g.projectCode} ` : ''}${resolveText(g.because, locale).text}` }));
  const grantField = (form: string) =>
    grantOptions.length > 0 && (
      <SelectField id={`${form}-grant`} name="grant" label={t('people.grant')} description={t('people.grantHelp')} options={grantOptions} value={typedValue(state, form, 'grant', grantOptions[0]!.value)} error={errorOf(ctx, state, form, 'grant')} />
    );
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={[{ label: t('nav.meetings'), href: localePath(locale, `/${ctx.programme!.slug}/bodies`) }, { label: title }]}>
      <Heading level={1}>{title}</Heading>
      {props.done && <Alert kind="ok">{t(`people.done.${props.done}`)}</Alert>}
      <Heading level={2}>{t('people.where')}</Heading>
      {person.grants.length === 0 ? (
        <p class="utrecht-paragraph">{t('people.nowhere')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {person.grants.map((g) => (
            <li class="utrecht-unordered-list__item">
              {t(`role.${g.role}`)}: {g.projectCode ? `${g.projectCode} ` : ''}
              {resolveText(g.because, locale).text}
            </li>
          ))}
        </ul>
      )}
      <Heading level={2}>{t('people.account')}</Heading>
      {person.user ? (
        <>
          <p class="utrecht-paragraph" id="person-account">
            {t('people.linkedTo', { name: person.user.displayName, email: person.user.email })}
            {person.user.disabled && <> {t('people.disabled')}</>}
          </p>
          <PostForm ctx={ctx} action={`${path}/unlink`} label={t('people.unlink')}>
            <SubmitButton secondary>{t('people.unlink')}</SubmitButton>
          </PostForm>
        </>
      ) : (
        <p class="utrecht-paragraph" id="person-account">
          {t('people.notLinked')}
        </p>
      )}
      {props.invitation && (
        <Alert kind="info">{t('people.pending', { email: props.invitation.email, role: t(`role.${props.invitation.role}`), date: formatDateTime(locale, props.invitation.expiresAt) })}</Alert>
      )}

      <Heading level={2} id="invite-heading">
        {t('people.invite')}
      </Heading>
      <p class="utrecht-paragraph">{t('people.inviteIntro')}</p>
      <ErrorSummary ctx={ctx} state={state} form="invite" />
      <PostForm ctx={ctx} id="invite" action={`${path}/invite`} label={t('people.invite')}>
        <TextField id="invite-email" name="email" type="email" label={t('login.email')} value={typedValue(state, 'invite', 'email', person.email ?? '')} autocomplete="off" required maxLength={254} error={errorOf(ctx, state, 'invite', 'email')} />
        {grantField('invite')}
        <SubmitButton>{t('people.inviteSubmit')}</SubmitButton>
      </PostForm>

      <Heading level={2} id="link-heading">
        {t('people.link')}
      </Heading>
      {props.accounts.length === 0 ? (
        <p class="utrecht-paragraph">{t('people.noAccounts')}</p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} state={state} form="link" />
          <PostForm ctx={ctx} id="link" action={`${path}/link`} label={t('people.link')}>
            <SelectField
              id="link-user"
              name="user"
              label={t('people.accountChoice')}
              empty={t('people.chooseAccount')}
              options={props.accounts.map((a) => ({ value: a.id, label: `${a.displayName} <${a.email}>` }))}
              value={typedValue(state, 'link', 'user', person.user?.id ?? '')}
              error={errorOf(ctx, state, 'link', 'user')}
            />
            {grantField('link')}
            <SubmitButton>{t('people.linkSubmit')}</SubmitButton>
          </PostForm>
        </>
      )}
    </Layout>
  );
}
