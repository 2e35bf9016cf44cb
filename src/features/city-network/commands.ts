// The writes of the network of knowledge cities: follow a programme or an installation, stop
// following, and record what a source answered. The follow commands check permission themselves
// and write their audit row in the same transaction; recording an answer is the poller's
// bookkeeping (when a source was reached, its last good copy), not a person's change.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { programmes } from '../../db/schema.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { checkSourceUrl, type FetchPolicy } from '../../domain/fetch-guard.ts';
import type { NetworkProfile } from '../../domain/network-profile.ts';
import { done, refusedField, type Outcome } from '../../domain/outcome.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize } from '../../policies.ts';
import { notFound } from '../../web/http.ts';
import { networkSources } from './tables.ts';

interface Base {
  actor: Actor | null;
  db: Db;
  programmeId: string;
}

/** Follows another programme of this installation, chosen by its slug. */
export async function followProgramme(input: Base & { slug: string | undefined }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'network.manage');
  if (!input.slug) return refusedField('programme', 'cityNetwork.error.programmeRequired');
  return writeTransaction(input.db, async (tx) => {
    const [followed] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, input.slug!));
    if (!followed) return refusedField('programme', 'cityNetwork.error.programmeUnknown');
    if (followed.id === input.programmeId) return refusedField('programme', 'cityNetwork.error.self');
    const [clash] = await tx.select({ id: networkSources.id }).from(networkSources).where(and(eq(networkSources.programmeId, input.programmeId), eq(networkSources.followedProgrammeId, followed.id)));
    if (clash) return refusedField('programme', 'cityNetwork.error.alreadyFollowed');
    const [row] = await tx.insert(networkSources).values({ programmeId: input.programmeId, followedProgrammeId: followed.id, createdBy: input.actor?.userId ?? null }).returning({ id: networkSources.id });
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'network_source.create', objectType: 'network_source', objectId: row!.id, after: { programme: input.slug } });
    return done({ id: row!.id });
  });
}

/** Follows another installation's programme by the URL of its open-data JSON, refused when the URL may not be fetched. */
export async function followUrl(input: Base & { url: string | undefined; policy: FetchPolicy }): Promise<Outcome<{ id: string; url: string }>> {
  authorize(input.actor, 'network.manage');
  if (!input.url) return refusedField('url', 'cityNetwork.error.urlRequired');
  const checked = checkSourceUrl(input.url, input.policy);
  if (!checked.ok) return refusedField('url', `cityNetwork.error.url.${checked.reason}`);
  const url = checked.url.href;
  return writeTransaction(input.db, async (tx) => {
    const [clash] = await tx.select({ id: networkSources.id }).from(networkSources).where(and(eq(networkSources.programmeId, input.programmeId), eq(networkSources.url, url)));
    if (clash) return refusedField('url', 'cityNetwork.error.alreadyFollowed');
    const [row] = await tx.insert(networkSources).values({ programmeId: input.programmeId, url, createdBy: input.actor?.userId ?? null }).returning({ id: networkSources.id });
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'network_source.create', objectType: 'network_source', objectId: row!.id, after: { url } });
    return done({ id: row!.id, url });
  });
}

/** Stops following a source; 404 for a source that is not this programme's. */
export async function unfollow(input: Base & { id: string }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'network.manage');
  return writeTransaction(input.db, async (tx) => {
    const [gone] = await tx
      .delete(networkSources)
      .where(and(eq(networkSources.programmeId, input.programmeId), eq(networkSources.id, input.id)))
      .returning({ url: networkSources.url, followedProgrammeId: networkSources.followedProgrammeId });
    if (!gone) throw notFound();
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'network_source.delete', objectType: 'network_source', objectId: input.id, before: gone });
    return done({ id: input.id });
  });
}

/** What one attempt found: a profile (kept as the last good copy) or an error (the copy stays). */
export async function recordAttempt(db: Db, sourceId: string, at: Date, result: { ok: true; profile: NetworkProfile } | { ok: false; error: string }): Promise<void> {
  await db
    .update(networkSources)
    .set(result.ok ? { lastAttemptAt: at, lastReachedAt: at, lastError: null, lastGood: result.profile } : { lastAttemptAt: at, lastError: result.error.slice(0, 500) })
    .where(eq(networkSources.id, sourceId));
}
