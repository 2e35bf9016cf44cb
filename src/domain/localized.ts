// Every text a reader sees is stored in Dutch and English. A missing translation falls back to
// the other language, and the caller learns which language it got so the page can mark it.
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';

export type LocalizedText = Partial<Record<Locale, string>>;

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'nl' ? 'en' : 'nl';
}

export interface Resolved {
  text: string;
  /** The language the text is actually in; differs from the requested one on a fallback. */
  lang: Locale;
  fallback: boolean;
}

export function resolveText(value: LocalizedText | null | undefined, locale: Locale): Resolved {
  const own = value?.[locale]?.trim();
  if (own) return { text: own, lang: locale, fallback: false };
  const other = otherLocale(locale);
  const theirs = value?.[other]?.trim();
  if (theirs) return { text: theirs, lang: other, fallback: true };
  return { text: '', lang: locale, fallback: false };
}
