// One public decision on its own page: what the decision feed's entries link to, and what a search
// engine lists. Internal decisions have no public page (their body's members read them with the meeting).
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { Heading, Link, Prose, Text, DataItem, DataList } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { formatDate } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import { programmeCrumb } from './views.tsx';

export interface PublicDecision {
  id: string;
  text: LocalizedText;
  outcome: string;
  bodyKind: string;
  bodyName: LocalizedText;
  meetingStartsAt: Date;
}

/** A decision's text cut to a title's length, at a word. */
export function decisionTitle(text: string, max = 90): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const word = cut.replace(/\s+\S*$/, '');
  return `${word.length > max / 2 ? word : cut}…`;
}

export function DecisionPage({ ctx, decision }: { ctx: PageContext; decision: PublicDecision }) {
  const { t, locale } = ctx;
  const text = resolveText(decision.text, locale);
  const title = decisionTitle(text.text);
  const date = formatDate(locale, toAmsterdam(decision.meetingStartsAt).date);
  const body = resolveText(decision.bodyName, locale).text;
  const list = t('meetings.decisions.allTitle');
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[programmeCrumb(ctx), { label: list, href: localePath(locale, `/${ctx.programme!.slug}/decisions`) }, { label: title, lang: text.fallback ? text.lang : undefined }]}
      ogType="article"
      description={t('website.decision.description', { body, date, outcome: t(`meetings.outcome.${decision.outcome}`) })}
    >
      <article>
        <Heading level={1}>{t('website.decision.title', { body, date })}</Heading>
        <Prose value={decision.text} locale={locale} />
        <DataList>
          <DataItem label={t('website.decision.body')}>
            <Link ctx={ctx} to={`/${ctx.programme!.slug}/bodies/${decision.bodyKind}`}>
              <Text value={decision.bodyName} locale={locale} />
            </Link>
          </DataItem>
          <DataItem label={t('website.decision.date')}>
            <time dateTime={toAmsterdam(decision.meetingStartsAt).date}>{date}</time>
          </DataItem>
          <DataItem label={t('meetings.decisions.outcome')}>{t(`meetings.outcome.${decision.outcome}`)}</DataItem>
        </DataList>
        <p class="utrecht-paragraph">
          <Link ctx={ctx} to={`/${ctx.programme!.slug}/decisions`}>
            {t('website.decision.all')}
          </Link>
        </p>
      </article>
    </Layout>
  );
}
