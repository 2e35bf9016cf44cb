// The rules for a server-side request to an address a person typed (following another
// installation's open data): which URLs may be asked for at all, which IP addresses may be
// connected to, and which redirects may be followed. Pure: the fetcher
// (src/features/city-network/fetch.ts) applies them to the URL, to every address DNS answers and
// to every redirect, so a name that resolves to an internal address is refused like the address.

export interface FetchPolicy {
  /** Plain http allowed next to https (an administrator's setting). */
  allowHttp: boolean;
  /** Private, loopback and link-local addresses allowed (tests, or a closed network). */
  allowPrivate: boolean;
}

export type UrlRefusal = 'invalid' | 'scheme' | 'credentials' | 'privateAddress';
export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: UrlRefusal };

/** The longest URL accepted (a form field's limit too). */
export const MAX_URL_LENGTH = 2000;

/** Parses and checks a typed URL before anything is resolved or fetched. */
export function checkSourceUrl(text: string, policy: FetchPolicy): UrlCheck {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_URL_LENGTH) return { ok: false, reason: 'invalid' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) return { ok: false, reason: 'scheme' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials' };
  if (url.hostname === '') return { ok: false, reason: 'invalid' };
  if (!policy.allowPrivate && !hostMayBePublic(url.hostname)) return { ok: false, reason: 'privateAddress' };
  return { ok: true, url };
}

/**
 * False for a host that names an internal address without asking DNS: an IP literal that is not
 * public, or "localhost" and its subdomains. A name is checked again after DNS (isPublicAddress).
 */
export function hostMayBePublic(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return false;
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (parseIPv4(bare) || bare.includes(':')) return isPublicAddress(bare);
  return true;
}

/** Whether a connection to this address may be made: a public unicast address, nothing else. */
export function addressAllowed(address: string, policy: FetchPolicy): boolean {
  return policy.allowPrivate || isPublicAddress(address);
}

/** The four bytes of a dotted IPv4 address, or null. Only the plain a.b.c.d form (what DNS answers). */
export function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return bytes;
}

/** The eight 16-bit groups of an IPv6 address (with "::" and a trailing dotted IPv4), or null. */
export function parseIPv6(text: string): number[] | null {
  // A zone ("fe80::1%eth0") names an interface of this machine: never a public address.
  if (text.includes('%')) return null;
  let body = text;
  const tail: number[] = [];
  const lastColon = body.lastIndexOf(':');
  if (lastColon < 0) return null;
  if (body.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(body.slice(lastColon + 1));
    if (!v4) return null;
    tail.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const split = (part: string) => (part === '' ? [] : part.split(':'));
  const left = split(halves[0]!);
  const right = halves.length === 2 ? split(halves[1]!) : [];
  const written = left.length + right.length + tail.length;
  // Without "::" all eight groups are written; "::" stands for at least one group of zeros.
  if (halves.length === 1 ? written !== 8 : written > 7) return null;
  const parse = (g: string) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN);
  const groups = [...left.map(parse), ...Array<number>(8 - written).fill(0), ...right.map(parse), ...tail];
  return groups.some((g) => Number.isNaN(g)) ? null : groups;
}

/** Whether four bytes fall in [base/bits]. */
function inV4(bytes: number[], base: [number, number, number, number], bits: number): boolean {
  const value = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const start = ((base[0] << 24) | (base[1] << 16) | (base[2] << 8) | base[3]) >>> 0;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (value & mask) >>> 0 === (start & mask) >>> 0;
}

/** IPv4 ranges that are not public unicast (RFC 6890 special-purpose registry, multicast, reserved). */
const V4_BLOCKED: [[number, number, number, number], number][] = [
  [[0, 0, 0, 0], 8], // "this network"
  [[10, 0, 0, 0], 8], // private
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8], // loopback
  [[169, 254, 0, 0], 16], // link-local (cloud metadata services live here)
  [[172, 16, 0, 0], 12], // private
  [[192, 0, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2, 0], 24], // documentation
  [[192, 168, 0, 0], 16], // private
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // documentation
  [[203, 0, 113, 0], 24], // documentation
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, and the broadcast address
];

function publicV4(bytes: number[]): boolean {
  return !V4_BLOCKED.some(([base, bits]) => inV4(bytes, base, bits));
}

/** True only for a public unicast IPv4 or IPv6 address; false for anything unreadable. */
export function isPublicAddress(address: string): boolean {
  const v4 = parseIPv4(address);
  if (v4) return publicV4(v4);
  const g = parseIPv6(address);
  if (!g) return false;
  const embeddedV4 = (hi: number, lo: number) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible) and 64:ff9b::a.b.c.d (NAT64) reach an IPv4 host.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    if (g[5] === 0 && g[6] === 0 && (g[7] === 0 || g[7] === 1)) return false; // :: and ::1
    return publicV4(embeddedV4(g[6]!, g[7]!));
  }
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return publicV4(embeddedV4(g[6]!, g[7]!));
  // 6to4 carries the IPv4 address in its second and third groups.
  if (g[0] === 0x2002) return publicV4(embeddedV4(g[1]!, g[2]!));
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((first & 0xffc0) === 0xfec0) return false; // site-local (deprecated) fec0::/10
  if ((first & 0xff00) === 0xff00) return false; // multicast
  if (first === 0x2001 && g[1] === 0x0db8) return false; // documentation
  if (first === 0x0100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return false; // discard-only
  // Only the global unicast block 2000::/3 is routed on the internet.
  return (first & 0xe000) === 0x2000;
}

/**
 * A redirect is followed only to the same host and port, never from https down to http: a source
 * may move a file within its own site, not send the server on to another host.
 */
export function redirectAllowed(from: URL, to: URL): boolean {
  if (to.protocol !== 'https:' && to.protocol !== 'http:') return false;
  if (from.protocol === 'https:' && to.protocol !== 'https:') return false;
  if (to.username !== '' || to.password !== '') return false;
  return from.hostname.toLowerCase() === to.hostname.toLowerCase() && effectivePort(from) === effectivePort(to);
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}
