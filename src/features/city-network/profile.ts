// A programme's network profile: what it shows the network of knowledge cities. Only what the
// public site shows (public projects, the targets of those, published news), so the profile can
// be part of the open data (the `network` part of open-data.json, docs/open-data-format.md) and
// is read live for a programme of this installation that another one follows.
import { and, asc, desc, eq, isNull, notInArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { organisations, programmes, projects, targets, themes } from '../../db/schema.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { PROFILE_LIMITS, type NetworkMeasurement, type NetworkProfile } from '../../domain/network-profile.ts';
import { publicMeasurements } from '../open-data/queries.ts';
import { INTERNAL_LIFECYCLES } from '../portfolio/queries.ts';
import { publicWhere } from '../website/queries.ts';
import { newsItems } from '../website/tables.ts';

/** How many shared results a profile carries (the newest). */
export const PROFILE_RESULTS = 50;

/** The page in both languages: `${baseUrl}/nl/<slug><path>` and `/en/...`. */
const pageUrls = (baseUrl: string, slug: string, path: string): LocalizedText => ({ nl: `${baseUrl}/nl/${slug}${path}`, en: `${baseUrl}/en/${slug}${path}` });

export async function networkProfile(db: Db, programmeId: string, baseUrl: string): Promise<NetworkProfile | null> {
  const lead = alias(organisations, 'network_lead');
  const publicProject = and(eq(projects.programmeId, programmeId), eq(projects.published, true), notInArray(projects.lifecycle, INTERNAL_LIFECYCLES));
  const [[programme], themeRows, projectRows, targetRows, measurementRows, newsRows] = await Promise.all([
    db.select().from(programmes).where(eq(programmes.id, programmeId)),
    db.select({ code: themes.code, title: themes.title }).from(themes).where(eq(themes.programmeId, programmeId)).orderBy(asc(themes.position)),
    db
      .select({ code: projects.code, title: projects.title, theme: themes.code, lead: lead.name, status: projects.status, lifecycle: projects.lifecycle })
      .from(projects)
      .leftJoin(themes, eq(themes.id, projects.themeId))
      .leftJoin(lead, eq(lead.id, projects.leadOrganisationId))
      .where(publicProject)
      .orderBy(asc(projects.position), asc(projects.code))
      .limit(PROFILE_LIMITS.items),
    db
      .select({ key: targets.key, title: targets.title, unit: targets.unit, targetValue: targets.targetValue })
      .from(targets)
      .leftJoin(projects, eq(projects.id, targets.projectId))
      .where(and(eq(targets.programmeId, programmeId), or(isNull(targets.projectId), and(eq(projects.published, true), notInArray(projects.lifecycle, INTERNAL_LIFECYCLES)))))
      .orderBy(asc(targets.key))
      .limit(PROFILE_LIMITS.items),
    publicMeasurements(db, programmeId),
    db
      .select({ slug: newsItems.slug, title: newsItems.title, summary: newsItems.summary, publishAt: newsItems.publishAt })
      .from(newsItems)
      .where(and(eq(newsItems.programmeId, programmeId), eq(newsItems.sharedWithNetwork, true), publicWhere('news')))
      .orderBy(desc(newsItems.publishAt), desc(newsItems.createdAt))
      .limit(PROFILE_RESULTS),
  ]);
  if (!programme) return null;
  const history = new Map<string, NetworkMeasurement[]>();
  for (const m of measurementRows) {
    const list = history.get(m.targetKey) ?? [];
    list.push({ on: m.measuredOn, value: m.value });
    history.set(m.targetKey, list);
  }
  return {
    programme: { slug: programme.slug, name: programme.name, city: programme.city, url: pageUrls(baseUrl, programme.slug, '') },
    themes: themeRows,
    projects: projectRows.map((p) => ({ ...p, lead: p.lead ?? {}, url: pageUrls(baseUrl, programme.slug, `/projects/${encodeURIComponent(p.code)}`) })),
    targets: targetRows.map((t) => {
      // Measurements come oldest first; the profile keeps the newest ones.
      const measurements = (history.get(t.key) ?? []).slice(-PROFILE_LIMITS.measurements);
      return { ...t, latest: measurements.at(-1) ?? null, measurements, url: pageUrls(baseUrl, programme.slug, `/targets/${encodeURIComponent(t.key)}`) };
    }),
    results: newsRows.map((n) => ({
      kind: 'news' as const,
      title: n.title,
      summary: n.summary,
      date: n.publishAt ? n.publishAt.toISOString().slice(0, 10) : null,
      url: pageUrls(baseUrl, programme.slug, `/news/${encodeURIComponent(n.slug)}`),
    })),
  };
}
