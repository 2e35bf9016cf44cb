// Asking followed installations for their network profile: on a schedule (the job runner of
// src/features/monitoring/jobs.ts, so one instance asks per slot) and when the coordinator asks
// for a source now. Whatever a source answers, the outcome is recorded on its row; a failure keeps
// the last good copy, so the network page always has something to show and says how old it is.
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { readExport, type NetworkProfile } from '../../domain/network-profile.ts';
import { every, type JobHandler, type Schedule } from '../monitoring/jobs.ts';
import { recordAttempt } from './commands.ts';
import { guardedFetch } from './fetch.ts';
import { remoteSources } from './queries.ts';

export const POLL_JOB = 'network-poll';

export type ProfileFetch = { ok: true; profile: NetworkProfile } | { ok: false; error: string };

/** Fetches and reads one source; the error is a short code ("timeout", "status:500", "read.notJson"). */
export async function fetchProfile(url: string, config: Config): Promise<ProfileFetch> {
  const { allowHttp, allowPrivate, maxBytes, timeoutMs } = config.network;
  const fetched = await guardedFetch(url, { allowHttp, allowPrivate }, { maxBytes, timeoutMs });
  if (!fetched.ok) return { ok: false, error: fetched.detail ? `${fetched.error}:${fetched.detail}` : fetched.error };
  const read = readExport(fetched.body);
  return read.ok ? read : { ok: false, error: `read.${read.reason}` };
}

/** Asks one source now and records the outcome. */
export async function refreshSource(db: Db, config: Config, source: { id: string; url: string }, now = new Date()): Promise<ProfileFetch> {
  const result = await fetchProfile(source.url, config);
  await recordAttempt(db, source.id, now, result);
  return result;
}

/** Asks every followed installation once (a URL followed by several programmes is fetched once). */
export async function pollRemoteSources(db: Db, config: Config, now = new Date()): Promise<string> {
  const byUrl = new Map<string, string[]>();
  for (const source of await remoteSources(db)) byUrl.set(source.url!, [...(byUrl.get(source.url!) ?? []), source.id]);
  let reached = 0;
  // One at a time: a slow source costs time, not a burst of connections.
  for (const [url, ids] of byUrl) {
    const result = await fetchProfile(url, config);
    if (result.ok) reached++;
    for (const id of ids) await recordAttempt(db, id, now, result);
  }
  return `reached ${reached} of ${byUrl.size}`;
}

/** The schedule and handler the app's job runner gets (src/features/city-network/routes.tsx). */
export function networkJobs(db: Db, config: Config): { schedules: Schedule[]; handlers: Record<string, JobHandler> } {
  return {
    schedules: [every(POLL_JOB, config.network.pollMinutes)],
    handlers: { [POLL_JOB]: async () => pollRemoteSources(db, config) },
  };
}
