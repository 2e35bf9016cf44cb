// Atom (RFC 4287), iCalendar (RFC 5545), sitemap and robots written by hand: the formats are
// small, and every text goes through one escaping function per format.
import type { Locale } from '../../domain/localized.ts';

export function escapeXml(value: string): string {
  // Characters XML 1.0 does not allow at all are dropped; the five special ones are escaped.
  return value
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  updated: Date;
  published?: Date;
  summary?: string;
  /** Sanitised XHTML-safe HTML, sent as escaped type="html" content. */
  contentHtml?: string;
  /** A text shown in the other language (a missing translation) carries its own xml:lang. */
  fallbackLang?: { title?: Locale; summary?: Locale; content?: Locale };
}

export interface AtomFeed {
  id: string;
  title: string;
  selfUrl: string;
  siteUrl: string;
  author: string;
  locale: Locale;
  updated: Date;
  entries: AtomEntry[];
}

const xmlLang = (lang: Locale | undefined) => (lang ? ` xml:lang="${lang}"` : '');

export function atomFeed(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.locale}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${feed.updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="${feed.locale}" href="${escapeXml(feed.siteUrl)}"/>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title${xmlLang(entry.fallbackLang?.title)}>${escapeXml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `    <updated>${entry.updated.toISOString()}</updated>`,
    );
    if (entry.published) lines.push(`    <published>${entry.published.toISOString()}</published>`);
    if (entry.summary) lines.push(`    <summary${xmlLang(entry.fallbackLang?.summary)}>${escapeXml(entry.summary)}</summary>`);
    if (entry.contentHtml) lines.push(`    <content type="html"${xmlLang(entry.fallbackLang?.content)}>${escapeXml(entry.contentHtml)}</content>`);
    lines.push('  </entry>');
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

export function escapeIcsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded (RFC 5545 3.1), never inside a UTF-8 sequence. */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = Buffer.byteLength(char);
    const limit = out.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** UTC in the basic format, e.g. 20171109T190000Z. */
export function icsUtc(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export interface IcsEvent {
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  location?: string;
  description?: string;
  url: string;
  updated: Date;
}

export function icsCalendar(name: string, events: IcsEvent[], now: Date): string {
  // Subscribed calendars refresh hourly (RFC 7986 REFRESH-INTERVAL; X-PUBLISHED-TTL for Outlook).
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kennisstad//Website//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeIcsText(name)}`, 'REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H'];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${icsUtc(now)}`,
      `LAST-MODIFIED:${icsUtc(event.updated)}`,
      `DTSTART:${icsUtc(event.startsAt)}`,
      `DTEND:${icsUtc(event.endsAt ?? new Date(event.startsAt.getTime() + 2 * 3600_000))}`,
      `SUMMARY:${escapeIcsText(event.title)}`,
    );
    if (event.location) lines.push(`LOCATION:${escapeIcsText(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
    lines.push(`URL:${event.url}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

export interface SitemapUrl {
  /** Path without the language prefix, e.g. "/leiden/news/x". */
  path: string;
  lastModified?: Date;
}

export function sitemap(baseUrl: string, urls: SitemapUrl[], locales: readonly Locale[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'];
  for (const url of urls) {
    for (const locale of locales) {
      lines.push('  <url>', `    <loc>${escapeXml(`${baseUrl}/${locale}${url.path}`)}</loc>`);
      if (url.lastModified) lines.push(`    <lastmod>${url.lastModified.toISOString()}</lastmod>`);
      for (const alternate of locales) {
        lines.push(`    <xhtml:link rel="alternate" hreflang="${alternate}" href="${escapeXml(`${baseUrl}/${alternate}${url.path}`)}"/>`);
      }
      lines.push('  </url>');
    }
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

export function robotsTxt(baseUrl: string, programmeSlugs: string[] = []): string {
  // The API stays out of search engines, except each programme's open-data download: the longer
  // Allow rule wins over Disallow: /api/ (RFC 9309), so harvesters and search engines reach it.
  const openData = programmeSlugs.map((slug) => `Allow: /api/v1/programmes/${slug}/open-data.`);
  return ['User-agent: *', 'Disallow: /nl/login', 'Disallow: /en/login', 'Disallow: /api/', ...openData, 'Allow: /', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n');
}
