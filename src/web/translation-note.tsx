// How a text left behind by an edit of the other language is shown (src/domain/translation.ts): a
// note on the record's page naming the texts behind in the reader's language, and a list for the
// translations overview. Projects, website texts and the agreement all draw them here.
import { LOCALES } from '../domain/localized.ts';
import { staleIn, type StaleTranslations } from '../domain/translation.ts';
import { Link } from './components.tsx';
import type { PageContext } from './context.ts';
import { registerMessages } from './i18n.ts';

registerMessages({
  nl: {
    'translation.stale': 'Vertaling verouderd:',
    'translation.behindIn': '{language}: {count, plural, one {# tekst} other {# teksten}} verouderd',
    'translation.dutch': 'Nederlands',
    'translation.english': 'Engels',
  },
  en: {
    'translation.stale': 'Translation out of date:',
    'translation.behindIn': '{language}: {count, plural, one {# text} other {# texts}} out of date',
    'translation.dutch': 'Dutch',
    'translation.english': 'English',
  },
});

/** The texts of a record that are behind in the reader's language, named so the reader knows; nothing when none is. */
export function StaleTranslationNote({ ctx, stale, label, id = 'translation-stale' }: { ctx: PageContext; stale: StaleTranslations; label: (field: string) => string; id?: string }) {
  const fields = staleIn(stale, ctx.locale);
  if (fields.length === 0) return null;
  return (
    <p class="utrecht-paragraph" id={id}>
      <span class="utrecht-data-badge ks-badge">{ctx.t('translation.stale')}</span> {fields.map(label).join(', ')}
    </p>
  );
}

/** Per language, how many of a record's texts are behind ("English: 1 text out of date"). */
export function staleSummary(ctx: PageContext, stale: StaleTranslations): string {
  return LOCALES.filter((behind) => staleIn(stale, behind).length > 0)
    .map((behind) => ctx.t('translation.behindIn', { language: ctx.t(behind === 'nl' ? 'translation.dutch' : 'translation.english'), count: staleIn(stale, behind).length }))
    .join('; ');
}

/** The records with a text behind, each linked to where it is brought up to date. */
export function StaleTranslationList({ ctx, id, records }: { ctx: PageContext; id: string; records: { href: string; label: string; stale: StaleTranslations }[] }) {
  return (
    <ul class="utrecht-unordered-list" id={id}>
      {records.map((record) => (
        <li class="utrecht-unordered-list__item">
          <Link ctx={ctx} to={record.href}>
            {record.label}
          </Link>
          {' — '}
          {staleSummary(ctx, record.stale)}
        </li>
      ))}
    </ul>
  );
}
