// The first-run page: create the first administrator with the setup code the server printed.
import { Heading, SubmitButton, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { localePath } from '../../web/context.ts';
import { ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { Layout } from '../../web/layout.tsx';
import { SetupForm } from './forms.ts';

export const SETUP_FORM = 'setup';

export function SetupPage({ ctx, state }: { ctx: PageContext; state?: FormState }) {
  const { t } = ctx;
  const props = (name: string) => fieldProps(ctx, SetupForm, state, SETUP_FORM, name);
  return (
    <Layout ctx={ctx} title={t('accounts.setup.title')} indexable={false} crumbs={[{ label: t('accounts.setup.title') }]}>
      <Heading level={1}>{t('accounts.setup.title')}</Heading>
      <p class="utrecht-paragraph">{t('accounts.setup.intro')}</p>
      <ErrorSummary ctx={ctx} state={state} form={SETUP_FORM} labels={{ code: t('accounts.setup.code'), displayName: t('accounts.invite.name'), email: t('login.email'), password: t('login.password') }} />
      <PostForm ctx={ctx} action={localePath(ctx.locale, '/setup')} label={t('accounts.setup.title')}>
        <TextField {...props('code')} label={t('accounts.setup.code')} description={t('accounts.setup.codeHelp')} autocomplete="off" />
        <TextField {...props('displayName')} label={t('accounts.invite.name')} autocomplete="name" />
        <TextField {...props('email')} type="email" label={t('login.email')} autocomplete="username" />
        <TextField {...props('password')} value="" type="password" label={t('login.password')} description={t('accounts.setup.passwordHelp')} autocomplete="new-password" />
        <SubmitButton>{t('accounts.setup.submit')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}
