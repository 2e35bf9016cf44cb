// Pure rules of the website: when a text is public, what a valid edit is, how current each
// translation is. No database here, so they are tested on their own.
import type { Locale, LocalizedText } from '../../domain/localized.ts';
import { LOCALES } from '../../domain/localized.ts';
import type { LanguageTimes, PublicationState } from './tables.ts';

export type ContentKind = 'news' | 'events' | 'pages';
export const CONTENT_KINDS: ContentKind[] = ['news', 'events', 'pages'];

/** Public when published, or scheduled and its moment has come. Drafts never. */
export function isPublic(item: { status: PublicationState; publishAt: Date | null }, now: Date): boolean {
  if (item.status === 'published') return true;
  if (item.status === 'scheduled') return !!item.publishAt && item.publishAt.getTime() <= now.getTime();
  return false;
}

/** For feeds: a scheduled item is new to readers when its moment comes, not when it was last edited. */
export function entryUpdated(item: { updatedAt: Date; publishAt: Date | null }, now = new Date()): Date {
  const published = item.publishAt && item.publishAt <= now ? item.publishAt : null;
  return published && published > item.updatedAt ? published : item.updatedAt;
}

export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

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
}

export interface Problem {
  field: string;
  messageKey: string;
}

/**
 * Control characters (other than tab and newline) and halves of a surrogate pair are never meant:
 * PostgreSQL's jsonb refuses NUL and lone surrogates (a 500), XML refuses all of them.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const get = (form: Record<string, unknown>, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value.replace(/\r\n/g, '\n').replace(CONTROL, '').trim() : '';
};

const pair = (form: Record<string, unknown>, name: string): LocalizedText => {
  const out: LocalizedText = {};
  for (const locale of LOCALES) {
    const value = get(form, `${name}_${locale}`);
    if (value) out[locale] = value;
  }
  return out;
};

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

export function parseContentForm(kind: ContentKind, form: Record<string, unknown>): { input: ContentInput; problems: Problem[] } {
  const problems: Problem[] = [];
  const title = pair(form, 'title');
  const slug = get(form, 'slug') || slugify(title.nl ?? title.en ?? '');
  const status = get(form, 'status') as PublicationState;
  const publishAtText = get(form, 'publish_at');
  const imageUrl = get(form, 'image_url') || null;
  const imageAlt = pair(form, 'image_alt');
  const input: ContentInput = {
    slug,
    title,
    summary: pair(form, 'summary'),
    body: pair(form, 'body'),
    status: (['draft', 'scheduled', 'published'] as const).includes(status) ? status : 'draft',
    publishAt: publishAtText ? parseLocalDateTime(publishAtText) : null,
    imageUrl,
    imageAlt,
  };
  if (!title.nl && !title.en) problems.push({ field: 'title_nl', messageKey: 'website.error.titleRequired' });
  if (!SLUG.test(slug)) problems.push({ field: 'slug', messageKey: 'website.error.slug' });
  if (!['draft', 'scheduled', 'published'].includes(status)) problems.push({ field: 'status', messageKey: 'website.error.status' });
  if (publishAtText && !input.publishAt) problems.push({ field: 'publish_at', messageKey: 'website.error.dateTime' });
  if (status === 'scheduled' && !publishAtText) problems.push({ field: 'publish_at', messageKey: 'website.error.publishAtRequired' });
  if (imageUrl && !SAFE_IMAGE.test(imageUrl)) problems.push({ field: 'image_url', messageKey: 'website.error.imageUrl' });
  if (imageUrl && (!imageAlt.nl || !imageAlt.en)) problems.push({ field: 'image_alt_nl', messageKey: 'website.error.altRequired' });
  for (const locale of LOCALES) {
    if ((input.body[locale]?.length ?? 0) > 50_000) problems.push({ field: `body_${locale}`, messageKey: 'website.error.tooLong' });
  }
  if (kind === 'events') {
    const startsText = get(form, 'starts_at');
    const endsText = get(form, 'ends_at');
    input.startsAt = startsText ? parseLocalDateTime(startsText) : null;
    input.endsAt = endsText ? parseLocalDateTime(endsText) : null;
    input.location = pair(form, 'location');
    if (!input.startsAt) problems.push({ field: 'starts_at', messageKey: 'website.error.startsAt' });
    if (endsText && !input.endsAt) problems.push({ field: 'ends_at', messageKey: 'website.error.dateTime' });
    if (input.startsAt && input.endsAt && input.endsAt < input.startsAt) problems.push({ field: 'ends_at', messageKey: 'website.error.endsBeforeStart' });
  }
  return { input, problems };
}

/** Which languages changed between two versions of the bilingual fields. */
export function changedLanguages(before: Partial<ContentInput> | null, after: ContentInput): Locale[] {
  const fields = ['title', 'summary', 'body'] as const;
  return LOCALES.filter((locale) => !before || fields.some((field) => (before[field]?.[locale] ?? '') !== (after[field]?.[locale] ?? '')));
}

export type TranslationState = 'current' | 'missing' | 'outdated';

/**
 * How the text in `locale` stands against the other language: missing when it has no title or
 * body where the other has, outdated when it was last edited before the other.
 */
export function translationState(item: { title: LocalizedText; body: LocalizedText; languageUpdatedAt: LanguageTimes }, locale: Locale): TranslationState {
  const other: Locale = locale === 'nl' ? 'en' : 'nl';
  const has = (l: Locale) => !!item.title[l]?.trim() && (!!item.body[l]?.trim() || !item.body[other]?.trim());
  if (!has(locale) && has(other)) return 'missing';
  const mine = item.languageUpdatedAt[locale];
  const theirs = item.languageUpdatedAt[other];
  if (mine && theirs && Date.parse(mine) < Date.parse(theirs)) return 'outdated';
  return 'current';
}
