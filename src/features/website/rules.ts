// Pure rules of the website: when a text is public, what a valid edit is, how current each
// translation is. No database here, so they are tested on their own.
import { slugify } from '../../domain/slug.ts';
import type { Locale, LocalizedText } from '../../domain/localized.ts';
import { LOCALES } from '../../domain/localized.ts';
import { staleIn, type StaleTranslations } from '../../domain/translation.ts';
import { done, refused, type FieldErrors, type Outcome } from '../../domain/outcome.ts';
import type { ContentForm, EventForm } from './schema.ts';
import type { LanguageTimes, PublicationState } from './tables.ts';

export type ContentKind = 'news' | 'events' | 'pages';
export const CONTENT_KINDS: ContentKind[] = ['news', 'events', 'pages'];

/** Public when published, or scheduled and its moment has come. Drafts never. */
export function isPublic(item: { status: PublicationState; publishAt: Date | null }, now: Date): boolean {
  if (item.status === 'published') return true;
  if (item.status === 'scheduled') return !!item.publishAt && item.publishAt.getTime() <= now.getTime();
  return false;
}

/**
 * For feeds and the sitemap: the item's own date. Its text last changed when a language was last
 * edited (languageUpdatedAt), not when the row was last written (a status change, or loading the
 * default data, touches updatedAt too); a scheduled item is new to readers when its moment comes.
 */
export function entryUpdated(item: { updatedAt: Date; publishAt: Date | null; languageUpdatedAt?: LanguageTimes }, now = new Date()): Date {
  const edits = Object.values(item.languageUpdatedAt ?? {})
    .map((iso) => new Date(iso!))
    .filter((date) => !Number.isNaN(date.getTime()));
  const edited = edits.length ? new Date(Math.max(...edits.map((d) => d.getTime()))) : item.updatedAt;
  const published = item.publishAt && item.publishAt <= now ? item.publishAt : null;
  return published && published > edited ? published : edited;
}

export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

/** Made from names with their letters kept ("Łódź" → "lodz"): src/domain/slug.ts. */
export { slugify };

export interface ContentInput {
  slug: string;
  title: LocalizedText;
  summary: LocalizedText;
  body: LocalizedText;
  status: PublicationState;
  publishAt: Date | null;
  imageUrl: string | null;
  imageAlt: LocalizedText;
  startsAt?: Date | null;
  endsAt?: Date | null;
  location?: LocalizedText;
  /** News only: shared with the network of knowledge cities (the programme's network profile). */
  sharedWithNetwork?: boolean;
}

/**
 * Control characters (other than tab and newline) and halves of a surrogate pair are never meant:
 * PostgreSQL's jsonb refuses NUL and lone surrogates (a 500), XML (the feeds) refuses all of them.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const clean = (text: string | undefined) => (text ?? '').replace(/\r\n/g, '\n').replace(CONTROL, '').trim();

function cleanText(value: LocalizedText | undefined): LocalizedText {
  const out: LocalizedText = {};
  for (const locale of LOCALES) {
    const text = clean(value?.[locale]);
    if (text) out[locale] = text;
  }
  return out;
}

/** "2026-03-01T20:00" as typed in a datetime-local field, read as Amsterdam time. */
export function parseLocalDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (guess.getUTCMonth() !== mo - 1 || guess.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // Amsterdam is UTC+1 or UTC+2: find the offset that day through Intl, then correct for it.
  const offset = amsterdamOffsetMinutes(guess);
  return new Date(guess.getTime() - offset * 60_000);
}

export function amsterdamOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', timeZoneName: 'shortOffset' }).formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+1';
  const match = /GMT([+-]\d+)(?::(\d+))?/.exec(name);
  return match ? Number(match[1]) * 60 + Math.sign(Number(match[1])) * Number(match[2] ?? 0) : 0;
}

/** The inverse, for filling a datetime-local field. */
export function formatLocalDateTime(at: Date | null | undefined): string {
  if (!at) return '';
  const shifted = new Date(at.getTime() + amsterdamOffsetMinutes(at) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

const SAFE_IMAGE = /^(https:\/\/[^\s"'<>]+|\/[^\s"'<>/][^\s"'<>]*)$/;

/**
 * The website's own rules on a read form (./schema.ts): a title in at least one language, a slug
 * (made from the title when left empty), a moment for a scheduled text, a safe image address with
 * alt text in both languages, and for an event a start before its end. Every problem at once.
 */
export function contentFrom(kind: ContentKind, form: ContentForm | EventForm): Outcome<ContentInput> {
  const errors: FieldErrors = {};
  const title = cleanText(form.title);
  const slug = clean(form.slug) || slugify(title.nl ?? title.en ?? '');
  const imageUrl = clean(form.image_url) || null;
  const imageAlt = cleanText(form.image_alt);
  const input: ContentInput = {
    slug,
    title,
    summary: cleanText(form.summary),
    body: cleanText(form.body),
    status: form.status,
    publishAt: form.publish_at ? parseLocalDateTime(form.publish_at) : null,
    imageUrl,
    imageAlt,
    ...(kind === 'news' ? { sharedWithNetwork: form.shared_with_network === true } : {}),
  };
  if (!title.nl && !title.en) errors.title_nl = { key: 'website.error.titleRequired' };
  if (!SLUG.test(slug)) errors.slug = { key: 'website.error.slug' };
  if (form.publish_at && !input.publishAt) errors.publish_at = { key: 'website.error.dateTime' };
  if (form.status === 'scheduled' && !form.publish_at) errors.publish_at = { key: 'website.error.publishAtRequired' };
  if (imageUrl && !SAFE_IMAGE.test(imageUrl)) errors.image_url = { key: 'website.error.imageUrl' };
  if (imageUrl && (!imageAlt.nl || !imageAlt.en)) errors.image_alt_nl = { key: 'website.error.altRequired' };
  if (kind === 'events') {
    const event = form as EventForm;
    input.startsAt = event.starts_at ? parseLocalDateTime(event.starts_at) : null;
    input.endsAt = event.ends_at ? parseLocalDateTime(event.ends_at) : null;
    input.location = cleanText(event.location);
    if (!input.startsAt) errors.starts_at = { key: 'website.error.startsAt' };
    if (event.ends_at && !input.endsAt) errors.ends_at = { key: 'website.error.dateTime' };
    if (input.startsAt && input.endsAt && input.endsAt < input.startsAt) errors.ends_at = { key: 'website.error.endsBeforeStart' };
  }
  return Object.keys(errors).length > 0 ? refused(errors) : done(input);
}

/** Which languages changed between two versions of the bilingual fields. */
export function changedLanguages(before: Partial<ContentInput> | null, after: ContentInput): Locale[] {
  const fields = ['title', 'summary', 'body'] as const;
  return LOCALES.filter((locale) => !before || fields.some((field) => (before[field]?.[locale] ?? '') !== (after[field]?.[locale] ?? '')));
}

export type TranslationState = 'current' | 'missing' | 'outdated';

/** The bilingual texts of a news item, event or page whose translations are tracked (src/domain/translation.ts). */
export const TRANSLATED_CONTENT_FIELDS = ['title', 'summary', 'body', 'location', 'imageAlt'] as const;

/**
 * How the text in `locale` stands against the other language: missing when it has no title or
 * body where the other has, outdated when an edit changed a text in the other language only.
 */
export function translationState(item: { title: LocalizedText; body: LocalizedText; staleTranslations: StaleTranslations }, locale: Locale): TranslationState {
  const other: Locale = locale === 'nl' ? 'en' : 'nl';
  const has = (l: Locale) => !!item.title[l]?.trim() && (!!item.body[l]?.trim() || !item.body[other]?.trim());
  if (!has(locale) && has(other)) return 'missing';
  return staleIn(item.staleTranslations, locale).length > 0 ? 'outdated' : 'current';
}
