// Which language of a bilingual text is out of date. When an edit changes one language of a field
// and leaves the other as it was, the other no longer says the same: it is marked until someone
// changes it too (or the first language is changed back). Nothing is marked where the other
// language is empty (a missing translation, which the page already shows as such), nor when the
// edit fills in a language that was empty (a new translation of the other).
import { LOCALES, type Locale, type LocalizedText } from './localized.ts';

/** Per field: the language whose text is behind the other. */
export type StaleTranslations = Partial<Record<string, Locale>>;

const textOf = (value: LocalizedText | null | undefined, locale: Locale) => (value?.[locale] ?? '').trim();

export function staleAfterEdit(
  fields: readonly string[],
  before: Readonly<Record<string, LocalizedText | null | undefined>>,
  after: Readonly<Record<string, LocalizedText | null | undefined>>,
  stale: StaleTranslations,
): StaleTranslations {
  const next: StaleTranslations = { ...stale };
  for (const field of fields) {
    const changed = LOCALES.filter((locale) => textOf(before[field], locale) !== textOf(after[field], locale));
    if (changed.length === 0) continue;
    const [nl, en] = LOCALES.map((locale) => textOf(after[field], locale));
    if (changed.length === 2 || !nl || !en) {
      // Both were brought up to date together, or one language is empty (missing, not stale).
      delete next[field];
      continue;
    }
    const edited = changed[0]!;
    const other: Locale = edited === 'nl' ? 'en' : 'nl';
    if (!textOf(before[field], edited)) {
      // A translation written where there was none follows the other language: nothing is behind.
      delete next[field];
      continue;
    }
    // Editing the language that was behind brings it up to date; editing the other leaves it behind.
    if (next[field] === edited) delete next[field];
    else next[field] = other;
  }
  return next;
}

/** The fields whose text in `locale` is behind the other language. */
export function staleIn(stale: StaleTranslations, locale: Locale): string[] {
  return Object.entries(stale)
    .filter(([, behind]) => behind === locale)
    .map(([field]) => field)
    .sort();
}

/**
 * A required bilingual text may not lose a language it had: the page would silently show the
 * other one instead. Returns the languages that were emptied.
 */
export function emptiedLanguages(before: LocalizedText | null | undefined, after: LocalizedText | null | undefined): Locale[] {
  return LOCALES.filter((locale) => textOf(before, locale) !== '' && textOf(after, locale) === '');
}
