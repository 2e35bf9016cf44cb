// Fetching another installation's open data: a server-side request to a URL a person typed, so
// guarded (src/domain/fetch-guard.ts): https only unless allowed, every address DNS answers
// checked before connecting (the connection goes to the checked address, so a second DNS answer
// cannot swap in an internal one), a size limit while reading, one time limit for the whole
// fetch, and redirects only within the same host. Node's own http/https, no client library.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressAllowed, checkSourceUrl, redirectAllowed, type FetchPolicy } from '../../domain/fetch-guard.ts';

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
}

export type FetchError = 'invalid' | 'scheme' | 'credentials' | 'privateAddress' | 'dns' | 'timeout' | 'tooLarge' | 'status' | 'redirect' | 'network';
export type Fetched = { ok: true; body: string } | { ok: false; error: FetchError; detail?: string };

const MAX_REDIRECTS = 3;

class Refusal extends Error {
  constructor(
    readonly error: FetchError,
    readonly detail?: string,
  ) {
    super(error);
  }
}

/** A DNS lookup that fails when any answer is an address the policy refuses. */
export function guardedLookup(policy: FetchPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (addresses.length === 0) return callback(new Refusal('dns'), '', 0);
      if (addresses.some((a) => !addressAllowed(a.address, policy))) return callback(new Refusal('privateAddress'), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

export async function guardedFetch(text: string, policy: FetchPolicy, limits: FetchLimits): Promise<Fetched> {
  const checked = checkSourceUrl(text, policy);
  if (!checked.ok) return { ok: false, error: checked.reason };
  const deadline = Date.now() + limits.timeoutMs;
  let url = checked.url;
  try {
    for (let hop = 0; ; hop++) {
      const answer = await requestOnce(url, policy, limits, deadline);
      if (answer.kind === 'body') return { ok: true, body: answer.body };
      if (hop >= MAX_REDIRECTS) return { ok: false, error: 'redirect', detail: 'too many' };
      let next: URL;
      try {
        next = new URL(answer.location, url);
      } catch {
        return { ok: false, error: 'redirect' };
      }
      if (!redirectAllowed(url, next)) return { ok: false, error: 'redirect', detail: next.host };
      const again = checkSourceUrl(next.href, policy);
      if (!again.ok) return { ok: false, error: again.reason };
      url = again.url;
    }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.error, detail: error.detail };
    const code = (error as { code?: string }).code;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { ok: false, error: 'dns' };
    return { ok: false, error: 'network', detail: code ?? (error instanceof Error ? error.message.slice(0, 200) : undefined) };
  }
}

type Answer = { kind: 'body'; body: string } | { kind: 'redirect'; location: string };

function requestOnce(url: URL, policy: FetchPolicy, limits: FetchLimits, deadline: number): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new Refusal('timeout'));
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'GET',
      // No shared agent: every fetch resolves (and checks) its addresses afresh.
      agent: false,
      lookup: guardedLookup(policy),
      headers: { accept: 'application/json', 'user-agent': 'Kennisstad (network of knowledge cities)' },
    });
    // The promise settles once: the first refusal wins, later socket errors are ignored.
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
      request.destroy();
    };
    const timer = setTimeout(() => fail(new Refusal('timeout')), remaining);
    request.on('error', fail);
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        clearTimeout(timer);
        request.destroy();
        return resolve({ kind: 'redirect', location: response.headers.location });
      }
      if (status !== 200) {
        return fail(new Refusal('status', String(status)));
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) return fail(new Refusal('tooLarge'));
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) return fail(new Refusal('tooLarge'));
        chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ kind: 'body', body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.end();
  });
}
