// A programme's network profile as another installation publishes it (the `network` part of its
// open-data JSON, docs/open-data-format.md), read defensively: whatever a source answers, the
// result is either a profile of bounded size with only well-formed fields, or a named refusal.
// And the two comparisons the network page draws: themes side by side, targets with the same unit.
import type { LocalizedText } from './localized.ts';

/** The open-data format this installation writes; readers accept every 1.x. */
export const OPEN_DATA_FORMAT_VERSION = '1.1';

/** Bounds on what is kept of a source: a profile larger than this is cut to it, not refused. */
export const PROFILE_LIMITS = { items: 200, measurements: 60, text: 2000 } as const;

export interface NetworkMeasurement {
  on: string;
  value: number;
}

export interface NetworkProfile {
  /** Every `url` is per language (the page in Dutch and in English); either may be absent. */
  programme: { slug: string; name: LocalizedText; city: string; url: LocalizedText };
  themes: { code: string; title: LocalizedText }[];
  projects: { code: string; title: LocalizedText; theme: string | null; lead: LocalizedText; status: LocalizedText; lifecycle: string; url: LocalizedText }[];
  targets: { key: string; title: LocalizedText; unit: LocalizedText; targetValue: number | null; latest: NetworkMeasurement | null; measurements: NetworkMeasurement[]; url: LocalizedText }[];
  results: { kind: 'news' | 'project'; title: LocalizedText; summary: LocalizedText; date: string | null; url: LocalizedText }[];
}

export type ProfileRefusal = 'notJson' | 'version' | 'shape';
export type ProfileReading = { ok: true; profile: NetworkProfile } | { ok: false; reason: ProfileRefusal };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length <= PROFILE_LIMITS.text ? v : null;
}

function text(v: unknown): LocalizedText {
  if (!isObj(v)) return {};
  const out: LocalizedText = {};
  for (const locale of ['nl', 'en'] as const) {
    const value = str(v[locale]);
    if (value) out[locale] = value;
  }
  return out;
}

const hasText = (t: LocalizedText) => Boolean(t.nl || t.en);

/** An absolute http(s) link, or null: a source cannot make the page link to javascript: or data:. */
export function safeLink(v: unknown): string | null {
  const value = str(v);
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Links per language, each an absolute http(s) URL; a plain string stands for both languages. */
export function safeLinks(v: unknown): LocalizedText {
  if (typeof v === 'string') {
    const link = safeLink(v);
    return link ? { nl: link, en: link } : {};
  }
  if (!isObj(v)) return {};
  const out: LocalizedText = {};
  for (const locale of ['nl', 'en'] as const) {
    const link = safeLink(v[locale]);
    if (link) out[locale] = link;
  }
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}/;
function date(v: unknown): string | null {
  const value = str(v);
  return value && DATE.test(value) && Number.isFinite(Date.parse(value)) ? value.slice(0, 10) : null;
}

function num(v: unknown): number | null {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function measurement(v: unknown): NetworkMeasurement | null {
  if (!isObj(v)) return null;
  const on = date(v.on ?? v.measuredOn);
  const value = num(v.value);
  return on !== null && value !== null ? { on, value } : null;
}

function list<T>(v: unknown, read: (item: Obj) => T | null, max: number = PROFILE_LIMITS.items): T[] {
  if (!Array.isArray(v)) return [];
  const out: T[] = [];
  for (const item of v) {
    if (out.length >= max) break;
    const read1 = isObj(item) ? read(item) : null;
    if (read1 !== null) out.push(read1);
  }
  return out;
}

/** Reads the body of a source's open-data JSON; any failure is a refusal, never an exception. */
export function readExport(body: string): ProfileReading {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'notJson' };
  }
  if (!isObj(json)) return { ok: false, reason: 'shape' };
  const version = str(json.formatVersion);
  if (!version || !/^1\.\d+$/.test(version)) return { ok: false, reason: 'version' };
  return readProfile(json.network);
}

/** Reads a `network` object; the programme's slug and name are required, the rest is kept when well-formed. */
export function readProfile(network: unknown): ProfileReading {
  if (!isObj(network) || !isObj(network.programme)) return { ok: false, reason: 'shape' };
  const p = network.programme;
  const slug = str(p.slug);
  const name = text(p.name);
  if (!slug || !hasText(name)) return { ok: false, reason: 'shape' };
  const profile: NetworkProfile = {
    programme: { slug, name, city: str(p.city) ?? '', url: safeLinks(p.url) },
    themes: list(network.themes, (t) => {
      const code = str(t.code);
      const title = text(t.title);
      return code && hasText(title) ? { code, title } : null;
    }),
    projects: list(network.projects, (r) => {
      const code = str(r.code);
      const title = text(r.title);
      if (!code || !hasText(title)) return null;
      return { code, title, theme: str(r.theme), lead: text(r.lead), status: text(r.status), lifecycle: str(r.lifecycle) ?? '', url: safeLinks(r.url) };
    }),
    targets: list(network.targets, (r) => {
      const key = str(r.key);
      const title = text(r.title);
      if (!key || !hasText(title)) return null;
      const measurements = list(r.measurements, measurement, PROFILE_LIMITS.measurements);
      return { key, title, unit: text(r.unit), targetValue: num(r.targetValue), latest: measurement(r.latest), measurements, url: safeLinks(r.url) };
    }),
    results: list(network.results, (r) => {
      const title = text(r.title);
      if (!hasText(title)) return null;
      return { kind: r.kind === 'project' ? ('project' as const) : ('news' as const), title, summary: text(r.summary), date: date(r.date), url: safeLinks(r.url) };
    }),
  };
  return { ok: true, profile };
}

/** Case and spacing do not make two words different. */
export function normalise(value: string | undefined): string {
  return (value ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** One key per text: its Dutch form, else its English form. */
const keyOf = (t: LocalizedText) => normalise(t.nl) || normalise(t.en);

export interface ThemeRow {
  title: LocalizedText;
  /** Per programme (in the order given), its theme of this title, or null. */
  cells: ({ code: string; title: LocalizedText } | null)[];
}

/** Themes of the same title (either language) in one row, each programme's in its own column. */
export function themeRows(profiles: readonly Pick<NetworkProfile, 'themes'>[]): ThemeRow[] {
  const rows: ThemeRow[] = [];
  const byKey = new Map<string, ThemeRow>();
  profiles.forEach((profile, column) => {
    for (const theme of profile.themes) {
      const keys = [normalise(theme.title.nl), normalise(theme.title.en)].filter(Boolean);
      let row = keys.map((k) => byKey.get(k)).find((r) => r !== undefined && r.cells[column] === null);
      if (!row) {
        row = { title: theme.title, cells: profiles.map(() => null) };
        rows.push(row);
      }
      row.cells[column] = theme;
      for (const k of keys) if (!byKey.has(k)) byKey.set(k, row);
    }
  });
  return rows;
}

export interface ComparableTarget {
  /** Index of the programme in the list given. */
  programme: number;
  key: string;
  title: LocalizedText;
  targetValue: number | null;
  latest: NetworkMeasurement | null;
  measurements: NetworkMeasurement[];
}

export interface TargetGroup {
  unit: LocalizedText;
  targets: ComparableTarget[];
}

/**
 * Targets in the same unit, from at least two programmes: only these can share one chart.
 * Targets without a unit are not compared (a number without a unit says nothing next to another).
 */
export function comparableTargets(profiles: readonly Pick<NetworkProfile, 'targets'>[]): TargetGroup[] {
  const groups = new Map<string, TargetGroup>();
  profiles.forEach((profile, programme) => {
    for (const target of profile.targets) {
      const key = keyOf(target.unit);
      if (!key) continue;
      const group = groups.get(key) ?? { unit: target.unit, targets: [] };
      group.targets.push({ programme, key: target.key, title: target.title, targetValue: target.targetValue, latest: target.latest, measurements: target.measurements });
      groups.set(key, group);
    }
  });
  return [...groups.values()].filter((g) => new Set(g.targets.map((t) => t.programme)).size >= 2);
}

/** The newest shared results of all programmes, newest first (undated last), at most `limit`. */
export function latestResults<T extends { date: string | null }>(results: readonly T[], limit: number): T[] {
  return [...results].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).slice(0, limit);
}
