// Reads of the network of knowledge cities: what a programme follows (with each source's state),
// which programmes of this installation it could follow, and everything the network page shows.
import { and, asc, eq, isNotNull, ne, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { programmes } from '../../db/schema.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import type { NetworkProfile } from '../../domain/network-profile.ts';
import { networkProfile } from './profile.ts';
import { networkSources } from './tables.ts';

export type SourceRow = typeof networkSources.$inferSelect & { followedName: LocalizedText | null; followedSlug: string | null };

export async function listSources(db: Db, programmeId: string): Promise<SourceRow[]> {
  return db
    .select({ source: networkSources, followedName: programmes.name, followedSlug: programmes.slug })
    .from(networkSources)
    .leftJoin(programmes, eq(programmes.id, networkSources.followedProgrammeId))
    .where(eq(networkSources.programmeId, programmeId))
    .orderBy(asc(networkSources.createdAt))
    .then((rows) => rows.map((r) => ({ ...r.source, followedName: r.followedName, followedSlug: r.followedSlug })));
}

export async function getSource(db: Db, programmeId: string, id: string) {
  const [row] = await db
    .select()
    .from(networkSources)
    .where(and(eq(networkSources.programmeId, programmeId), eq(networkSources.id, id)));
  return row ?? null;
}

/** Other programmes of this installation that the programme does not follow yet. */
export async function followableProgrammes(db: Db, programmeId: string) {
  const followed = db.select({ id: networkSources.followedProgrammeId }).from(networkSources).where(and(eq(networkSources.programmeId, programmeId), isNotNull(networkSources.followedProgrammeId)));
  return db
    .select({ id: programmes.id, slug: programmes.slug, name: programmes.name, city: programmes.city })
    .from(programmes)
    .where(and(ne(programmes.id, programmeId), notInArray(programmes.id, followed)))
    .orderBy(asc(programmes.slug));
}

/** Every source of another installation, across programmes: what the scheduled job asks. */
export async function remoteSources(db: Db) {
  return db.select({ id: networkSources.id, url: networkSources.url }).from(networkSources).where(isNotNull(networkSources.url));
}

export interface NetworkMember {
  /** Where the profile comes from: this programme, one of this installation, or another installation's URL. */
  origin: 'self' | 'local' | 'remote';
  sourceId: string | null;
  url: string | null;
  profile: NetworkProfile | null;
  lastReachedAt: Date | null;
  lastError: string | null;
}

/**
 * The programme itself first, then every source in the order it was followed: programmes of this
 * installation read live, other installations as last read (their last good copy, if any).
 */
export async function networkMembers(db: Db, programmeId: string, baseUrl: string): Promise<NetworkMember[]> {
  const sources = await listSources(db, programmeId);
  const own = await networkProfile(db, programmeId, baseUrl);
  const members: NetworkMember[] = [{ origin: 'self', sourceId: null, url: null, profile: own, lastReachedAt: null, lastError: null }];
  for (const source of sources) {
    if (source.followedProgrammeId) {
      members.push({ origin: 'local', sourceId: source.id, url: null, profile: await networkProfile(db, source.followedProgrammeId, baseUrl), lastReachedAt: null, lastError: null });
    } else {
      members.push({ origin: 'remote', sourceId: source.id, url: source.url, profile: source.lastGood ?? null, lastReachedAt: source.lastReachedAt, lastError: source.lastError });
    }
  }
  return members;
}
