// The accessibility statement in the structure of the Dutch model statement (digitoegankelijk.nl),
// with what the official documents (PDF and DOCX, src/documents) do and do not yet meet.
import { resolveText } from '../../domain/localized.ts';
import { Heading } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import './accessibility-messages.ts';

const name = (ctx: PageContext) => resolveText(ctx.programme!.name, ctx.locale).text;

/** What the generated PDF and DOCX files meet, and what they do not meet yet (keys of accessibility-messages.ts). */
export const DOCUMENTS_MET = ['tagged', 'tableHeaders', 'language', 'fonts', 'navigation', 'docx', 'checked'] as const;
export const DOCUMENTS_NOT_YET = ['pdfua', 'links', 'screenReader', 'scripts'] as const;

function Documents({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="accessibility-documents">
      <Heading level={2} id="accessibility-documents">
        {t('accessibility.documents.title')}
      </Heading>
      <p class="utrecht-paragraph">{t('accessibility.documents.intro')}</p>
      <Heading level={3}>{t('accessibility.documents.met')}</Heading>
      <ul class="utrecht-unordered-list">
        {DOCUMENTS_MET.map((key) => (
          <li class="utrecht-unordered-list__item">{t(`accessibility.documents.met.${key}`)}</li>
        ))}
      </ul>
      <Heading level={3}>{t('accessibility.documents.notYet')}</Heading>
      <ul class="utrecht-unordered-list">
        {DOCUMENTS_NOT_YET.map((key) => (
          <li class="utrecht-unordered-list__item">{t(`accessibility.documents.notYet.${key}`)}</li>
        ))}
      </ul>
    </section>
  );
}

/** The date the statement below was last reviewed against the website (shown on the page). */
export const ACCESSIBILITY_STATEMENT_REVIEWED = '2026-12-03';

/** The accessibility statement in the structure of the Dutch model statement (digitoegankelijk.nl). */
export function AccessibilityPage({ ctx, email }: { ctx: PageContext; email: string }) {
  const { t } = ctx;
  const programme = name(ctx);
  const url = `${ctx.baseUrl}/${ctx.locale}/${ctx.programme!.slug}`;
  const reviewed = new Intl.DateTimeFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(`${ACCESSIBILITY_STATEMENT_REVIEWED}T12:00:00Z`));
  return (
    <Layout ctx={ctx} title={t('accessibility.title')} crumbs={[{ label: programme, href: `/${ctx.locale}/${ctx.programme!.slug}` }, { label: t('accessibility.title') }]}>
      <Heading level={1}>{t('accessibility.title')}</Heading>
      <p class="utrecht-paragraph">{t('accessibility.body', { programme, email })}</p>
      <Heading level={2}>{t('accessibility.scope.title')}</Heading>
      <p class="utrecht-paragraph">{t('accessibility.scope.body', { programme, url })}</p>
      <Heading level={2}>{t('accessibility.status.title')}</Heading>
      <p class="utrecht-paragraph">{t('accessibility.status.body')}</p>
      <Heading level={2}>{t('accessibility.measures.title')}</Heading>
      <ul class="utrecht-unordered-list">
        {(['item1', 'item2', 'item3', 'item4'] as const).map((item) => (
          <li class="utrecht-unordered-list__item">{t(`accessibility.measures.${item}`)}</li>
        ))}
      </ul>
      <Heading level={2}>{t('accessibility.limits.title')}</Heading>
      <p class="utrecht-paragraph">{t('accessibility.limits.body')}</p>
      <Documents ctx={ctx} />
      <Heading level={2}>{t('accessibility.contact.title')}</Heading>
      <p class="utrecht-paragraph">{t('accessibility.contact.body', { email })}</p>
      <Heading level={2}>{t('accessibility.complaint.title')}</Heading>
      <p class="utrecht-paragraph">{t('accessibility.complaint.body')}</p>
      <p class="utrecht-paragraph">{t('accessibility.reviewed', { date: reviewed })}</p>
    </Layout>
  );
}
