// UI strings go through ICU messages (intl-messageformat). Each capability registers its own
// catalogue with `registerMessages`; a test checks that every key exists in both languages.
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import type { Locale } from '../domain/localized.ts';

export type Catalogue = Record<Locale, Record<string, string>>;

const catalogue: Catalogue = { nl: {}, en: {} };
const compiled = new Map<string, IntlMessageFormat>();

export function registerMessages(messages: Catalogue): void {
  for (const locale of ['nl', 'en'] as const) {
    for (const [key, message] of Object.entries(messages[locale])) {
      if (key in catalogue[locale] && catalogue[locale][key] !== message) {
        throw new Error(`Message key "${key}" (${locale}) is registered twice with different texts`);
      }
      catalogue[locale][key] = message;
    }
  }
}

export function allMessages(): Readonly<Catalogue> {
  return catalogue;
}

export type Values = Record<string, PrimitiveType>;
export type Translate = (key: string, values?: Values) => string;

export function translate(locale: Locale, key: string, values?: Values): string {
  const cacheKey = `${locale}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    const message = catalogue[locale][key] ?? catalogue.nl[key];
    // A missing key shows itself rather than breaking the page; the catalogue test catches it.
    if (message === undefined) return key;
    format = new IntlMessageFormat(message, locale === 'nl' ? 'nl-NL' : 'en-GB');
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

export function translator(locale: Locale): Translate {
  return (key, values) => translate(locale, key, values);
}

const dateFormats = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** Formats an ISO calendar date (YYYY-MM-DD) without shifting it through a time zone. */
export function formatDate(locale: Locale, isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  return dateFormats[locale].format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

const dateTimeFormats = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }),
};

/** Formats an instant in Amsterdam time, the programme's own clock. */
export function formatDateTime(locale: Locale, instant: Date | string): string {
  return dateTimeFormats[locale].format(typeof instant === 'string' ? new Date(instant) : instant);
}
