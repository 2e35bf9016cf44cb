// A programme sets its own name and colours (design tokens) without code changes. Colour pairs
// that carry text must keep WCAG AA contrast (4.5:1), so a theme cannot make the site unreadable.
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { programmes } from '../../db/schema.ts';
import { authorize, type Actor } from '../../domain/policy.ts';
import { forgetThemes } from '../../web/assets.ts';
import { Alert, CsrfField, Heading, SubmitButton, TextField } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { redirectLocal, sendHtml } from '../../web/http.ts';
import { Layout } from '../../web/layout.tsx';
import { forgetProgrammes, pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import type { Problem } from './rules.ts';
import { PROGRAMME_LOGO } from '../files/owners.ts';
import { attachmentsOf } from '../files/queries.ts';
import { LogoSection, type AttachmentData } from '../files/views.tsx';

export const COLOUR_TOKENS = ['primary', 'primary-contrast', 'accent', 'text', 'background'] as const;
type Colour = (typeof COLOUR_TOKENS)[number];
const DEFAULTS: Record<Colour, string> = { primary: '#154273', 'primary-contrast': '#ffffff', accent: '#e17000', text: '#1a1a1a', background: '#ffffff' };
const HEX = /^#[0-9a-fA-F]{6}$/;

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export interface ThemeInput {
  name: { nl: string; en: string };
  colours: Record<Colour, string>;
}

export function parseThemeForm(form: Record<string, unknown>): { input: ThemeInput; problems: Problem[] } {
  const get = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
  const problems: Problem[] = [];
  const input: ThemeInput = {
    name: { nl: get('name_nl'), en: get('name_en') },
    colours: Object.fromEntries(COLOUR_TOKENS.map((c) => [c, get(`colour_${c}`)])) as Record<Colour, string>,
  };
  if (!input.name.nl || input.name.nl.length > 120) problems.push({ field: 'name_nl', messageKey: 'website.theme.error.name' });
  if (!input.name.en || input.name.en.length > 120) problems.push({ field: 'name_en', messageKey: 'website.theme.error.name' });
  for (const colour of COLOUR_TOKENS) if (!HEX.test(input.colours[colour])) problems.push({ field: `colour_${colour}`, messageKey: 'website.theme.error.colour' });
  if (problems.length === 0) {
    if (contrastRatio(input.colours.primary, input.colours['primary-contrast']) < 4.5) problems.push({ field: 'colour_primary-contrast', messageKey: 'website.theme.error.contrast' });
    if (contrastRatio(input.colours.text, input.colours.background) < 4.5) problems.push({ field: 'colour_text', messageKey: 'website.theme.error.contrast' });
    if (contrastRatio(input.colours.primary, input.colours.background) < 4.5) problems.push({ field: 'colour_primary', messageKey: 'website.theme.error.contrast' });
  }
  return { input, problems };
}

export async function updateTheme(input: { actor: Actor | null; db: Db; programmeId: string; theme: ThemeInput }): Promise<void> {
  authorize(input.actor, { do: 'programme.manage' });
  await input.db.transaction(async (tx) => {
    const [before] = await tx.select({ name: programmes.name, tokens: programmes.themeTokens }).from(programmes).where(eq(programmes.id, input.programmeId));
    const tokens = { ...(before?.tokens ?? {}) };
    for (const colour of COLOUR_TOKENS) tokens[`--ks-color-${colour}`] = input.theme.colours[colour].toLowerCase();
    await tx.update(programmes).set({ name: input.theme.name, themeTokens: tokens }).where(eq(programmes.id, input.programmeId));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'programme.theme', objectType: 'programme', objectId: input.programmeId, before, after: { name: input.theme.name, tokens } });
  });
  forgetProgrammes(input.db);
  forgetThemes(input.db);
}

function ThemePage({ ctx, values, problems, logo }: { ctx: PageContext; values: Record<string, string>; problems: Problem[]; logo?: AttachmentData | null }) {
  const { t } = ctx;
  const error = (field: string) => {
    const problem = problems.find((p) => p.field === field);
    return problem ? t(problem.messageKey) : undefined;
  };
  const title = t('website.theme.title');
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={[{ label: t('website.manage.title'), href: localePath(ctx.locale, `/${ctx.programme!.slug}/manage/website`) }, { label: title }]}>
      <Heading level={1}>{title}</Heading>
      {problems.length > 0 && <Alert kind="error">{t('website.form.errors')}</Alert>}
      <form method="post" class="ks-form" action={localePath(ctx.locale, `/${ctx.programme!.slug}/manage/website/theme`)} novalidate>
        <CsrfField ctx={ctx} />
        <TextField id="name_nl" name="name_nl" label={t('website.theme.name_nl')} value={values.name_nl} error={error('name_nl')} />
        <TextField id="name_en" name="name_en" label={t('website.theme.name_en')} value={values.name_en} error={error('name_en')} />
        {COLOUR_TOKENS.map((colour) => (
          <TextField id={`colour_${colour}`} name={`colour_${colour}`} label={t(`website.theme.colour.${colour}`)} value={values[`colour_${colour}`]} error={error(`colour_${colour}`)} description={t('website.theme.colourHelp')} />
        ))}
        <SubmitButton>{t('website.form.save')}</SubmitButton>
      </form>
      <LogoSection ctx={ctx} data={logo ?? null} />
    </Layout>
  );
}

export function registerThemeRoutes(app: FastifyInstance, db: Db, config: Config): void {
  for (const { url } of localizedPaths('/:programme/manage/website/theme')) {
    app.get<{ Params: { programme: string } }>(url, { config: { action: 'programme.manage' } }, async (request, reply) => {
      const [row] = await db.select().from(programmes).where(eq(programmes.id, request.programme!.id));
      const values: Record<string, string> = { name_nl: row!.name.nl ?? '', name_en: row!.name.en ?? '' };
      for (const colour of COLOUR_TOKENS) values[`colour_${colour}`] = row!.themeTokens[`--ks-color-${colour}`] ?? DEFAULTS[colour];
      const logo = await attachmentsOf(db, config, request, PROGRAMME_LOGO, request.programme!.id);
      return sendHtml(reply, renderPage(<ThemePage ctx={pageContext(request, config)} values={values} problems={[]} logo={logo} />));
    });
    app.post<{ Params: { programme: string } }>(url, { config: { action: 'programme.manage' } }, async (request, reply) => {
      const values = Object.fromEntries(Object.entries((request.body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
      const { input, problems } = parseThemeForm(values);
      if (problems.length > 0) return sendHtml(reply, renderPage(<ThemePage ctx={pageContext(request, config)} values={values} problems={problems} />), 400);
      await updateTheme({ actor: request.actor, db, programmeId: request.programme!.id, theme: input });
      return redirectLocal(reply, undefined, `/${request.locale}/${request.programme!.slug}/manage/website/theme`);
    });
  }
}
