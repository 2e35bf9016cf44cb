// Pages live under a language prefix: /nl/... and /en/... Each page route is registered once per
// language, so an unknown prefix is a plain 404 rather than a validation error.
import { LOCALES, type Locale } from '../domain/localized.ts';

export function localizedPaths(path: string): { locale: Locale; url: string }[] {
  return LOCALES.map((locale) => ({ locale, url: `/${locale}${path}` }));
}
