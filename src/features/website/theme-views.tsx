// The coordinator's theme page: the programme's name and colours, and its logo.
import { Heading, SubmitButton, TextField } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { Layout } from '../../web/layout.tsx';
import { LogoSection, type AttachmentData } from '../files/views.tsx';
import { ThemeForm } from './schema.ts';
import { COLOUR_TOKENS } from './theme.ts';

export function ThemePage({ ctx, stored, form, logo }: { ctx: PageContext; stored: Record<string, string>; form?: FormState; logo?: AttachmentData | null }) {
  const { t } = ctx;
  const title = t('website.theme.title');
  const field = (name: string) => fieldProps(ctx, ThemeForm, form, 'theme', name, stored[name] ?? '');
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={[{ label: t('website.manage.title'), href: localePath(ctx.locale, `/${ctx.programme!.slug}/manage/website`) }, { label: title }]}>
      <Heading level={1}>{title}</Heading>
      <ErrorSummary ctx={ctx} state={form} form="theme" />
      <PostForm ctx={ctx} action={localePath(ctx.locale, `/${ctx.programme!.slug}/manage/website/theme`)} label={title} id="theme">
        <TextField {...field('name_nl')} label={t('website.theme.name_nl')} lang="nl" />
        <TextField {...field('name_en')} label={t('website.theme.name_en')} lang="en" />
        <TextField {...field('contactEmail')} type="email" label={t('website.theme.contactEmail')} description={t('website.theme.contactEmailHelp')} />
        {COLOUR_TOKENS.map((colour) => (
          <TextField {...field(`colour_${colour}`)} label={t(`website.theme.colour.${colour}`)} description={t('website.theme.colourHelp')} />
        ))}
        <SubmitButton>{t('website.form.save')}</SubmitButton>
      </PostForm>
      <LogoSection ctx={ctx} data={logo ?? null} />
    </Layout>
  );
}
