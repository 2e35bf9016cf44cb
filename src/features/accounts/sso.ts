// Single sign-on with OpenID Connect (authorization code flow with PKCE, state and nonce) through
// openid-client. One identity provider per programme, set by an administrator.
//
// Who may come in (decided here, documented in README):
// - an identity (issuer + subject) already linked to an account signs in as that account;
// - a sign-on started from an invitation links the identity while accepting it, when the provider's
//   verified e-mail is the invited address;
// - an existing account with the same verified e-mail, holding a role in this programme, is linked
//   on its first sign-on: the administrator declared this provider authoritative for the allowed
//   domains, so its verified e-mail proves the same mailbox a password reset would. The link is
//   audited and the second-factor rule below still applies;
// - anyone else sees a page that asks them to request an invitation from the coordinator.
// Every sign-on needs `email_verified: true` and an e-mail in one of the allowed domains.
//
// Second factor: administrators and coordinators (and anyone who turned two-step login on) are
// asked for their authenticator code after the provider, unless the ID token's `amr` says the
// provider itself did multi-factor login (`mfa` or `otp`, RFC 8176).
import { and, eq, lt } from 'drizzle-orm';
import type * as Oidc from 'openid-client';
import { loadOpenIdClient } from '../../web/lazy-modules.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { organisations, programmes, roleAssignments, users } from '../../db/schema.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Actor } from '../../domain/policy.ts';
import { can } from '../../policies.ts';
import type { SecretBox } from './secret-box.ts';
import { ssoIdentities, ssoLogins, ssoProviders } from './tables.ts';
import { hashToken, newToken } from './tokens.ts';

export const SSO_COOKIE = 'ks_sso';
export const SSO_MINUTES = 10;
/** `amr` values (RFC 8176) that show the provider itself asked for more than a password. */
export const MFA_AMR = ['mfa', 'otp'];

export interface SsoSettingsInput {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string;
  domainOrganisations: string;
  enabled: boolean;
}

export type SsoFieldErrors = Partial<Record<keyof SsoSettingsInput, string>>;

const DOMAIN = /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** https, or http on this machine's loopback only (a provider started for development or tests). */
export function validIssuer(value: string): URL | null {
  try {
    const url = new URL(value);
    if (url.search || url.hash || url.username || url.password) return null;
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url))) return url;
  } catch {
    return null;
  }
  return null;
}

export function parseDomains(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[\s,;]+/).map((d) => d.replace(/^@/, '')).filter(Boolean))];
}

/** Lines "domain = organisation-slug". */
export function parseDomainMap(text: string): { domain: string; organisation: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [domain = '', organisation = ''] = line.split('=').map((part) => part.trim());
      return { domain: domain.toLowerCase().replace(/^@/, ''), organisation };
    });
}

export interface StoredSso {
  programmeId: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string[];
  domainOrganisations: Record<string, string>;
  enabled: boolean;
  updatedAt: Date;
}

export async function loadSso(db: Db, programmeId: string): Promise<StoredSso | null> {
  const [row] = await db.select().from(ssoProviders).where(eq(ssoProviders.programmeId, programmeId));
  return row ?? null;
}

/** Providers shown on the login page. */
export async function enabledSsoProviders(db: Db): Promise<{ programmeSlug: string; name: string }[]> {
  return db
    .select({ programmeSlug: programmes.slug, name: ssoProviders.name })
    .from(ssoProviders)
    .innerJoin(programmes, eq(programmes.id, ssoProviders.programmeId))
    .where(eq(ssoProviders.enabled, true))
    .orderBy(ssoProviders.name);
}

/** The settings form as the admin sees it again (the secret is never shown). */
export function settingsForm(stored: StoredSso | null, slugById: Map<string, string>): SsoSettingsInput {
  if (!stored) return { name: '', issuer: '', clientId: '', clientSecret: '', allowedDomains: '', domainOrganisations: '', enabled: true };
  return {
    name: stored.name,
    issuer: stored.issuer,
    clientId: stored.clientId,
    clientSecret: '',
    allowedDomains: stored.allowedDomains.join(', '),
    domainOrganisations: Object.entries(stored.domainOrganisations)
      .map(([domain, id]) => `${domain} = ${slugById.get(id) ?? ''}`)
      .join('\n'),
    enabled: stored.enabled,
  };
}

export type SaveSsoResult = { ok: true } | { ok: false; status: 400 | 404; errors: SsoFieldErrors };

export async function saveSso(db: Db, box: SecretBox, actor: Actor, programmeId: string, input: SsoSettingsInput): Promise<SaveSsoResult> {
  if (!can(actor, 'users.manage')) return { ok: false, status: 404, errors: {} };
  const errors: SsoFieldErrors = {};
  const existing = await loadSso(db, programmeId);
  // Lengths are the form's (forms.ts SsoForm); what is required depends on what is stored.
  if (!input.name.trim()) errors.name = 'field.required';
  const issuer = validIssuer(input.issuer.trim());
  if (!input.issuer.trim()) errors.issuer = 'field.required';
  else if (!issuer) errors.issuer = 'accounts.sso.issuerInvalid';
  if (!input.clientId.trim()) errors.clientId = 'field.required';
  if (!input.clientSecret && !existing) errors.clientSecret = 'field.required';
  const domains = parseDomains(input.allowedDomains);
  if (domains.length === 0) errors.allowedDomains = 'field.required';
  else if (domains.some((d) => !DOMAIN.test(d))) errors.allowedDomains = 'accounts.sso.domainsInvalid';
  const mapping: Record<string, string> = {};
  const orgs = await db.select({ id: organisations.id, slug: organisations.slug }).from(organisations).where(eq(organisations.programmeId, programmeId));
  for (const { domain, organisation } of parseDomainMap(input.domainOrganisations)) {
    const org = orgs.find((o) => o.slug === organisation);
    if (!domains.includes(domain) || !org) {
      errors.domainOrganisations = 'accounts.sso.mappingInvalid';
      break;
    }
    mapping[domain] = org.id;
  }
  if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
  const values = {
    name: input.name.trim(),
    issuer: input.issuer.trim(),
    clientId: input.clientId.trim(),
    clientSecret: input.clientSecret ? box.seal(input.clientSecret) : existing!.clientSecret,
    allowedDomains: domains,
    domainOrganisations: mapping,
    enabled: input.enabled,
    updatedAt: new Date(),
  };
  await db.transaction(async (tx) => {
    await tx.insert(ssoProviders).values({ programmeId, ...values }).onConflictDoUpdate({ target: ssoProviders.programmeId, set: values });
    // The audit row names what changed, never the secret.
    await recordAudit(tx, { actor, programmeId, action: 'sso.configure', objectType: 'programme', objectId: programmeId, after: { name: values.name, issuer: values.issuer, clientId: values.clientId, allowedDomains: domains, enabled: values.enabled, secretChanged: Boolean(input.clientSecret) } });
  });
  return { ok: true };
}

// --- The flow.

const configurations = new Map<string, { at: number; configuration: Oidc.Configuration }>();

/** Discovery, cached ten minutes per provider setting (a changed setting is a new key). */
async function clientFor(sso: StoredSso, box: SecretBox): Promise<Oidc.Configuration> {
  const oidc = await loadOpenIdClient();
  const key = `${sso.programmeId}|${sso.updatedAt.getTime()}`;
  const cached = configurations.get(key);
  if (cached && Date.now() - cached.at < 10 * 60_000) return cached.configuration;
  const issuer = new URL(sso.issuer);
  const configuration = await oidc.discovery(issuer, sso.clientId, undefined, oidc.ClientSecretBasic(box.open(sso.clientSecret)), {
    timeout: 10,
    execute: issuer.protocol === 'http:' && isLoopback(issuer) ? [oidc.allowInsecureRequests] : [],
  });
  configurations.set(key, { at: Date.now(), configuration });
  return configuration;
}

export function redirectUriFor(config: Config, locale: string): string {
  return `${config.baseUrl}/${locale}/login/sso/callback`;
}

/** Where the provider sends the browser after signing out there (register it as a post-logout redirect URI). */
export function postLogoutUriFor(config: Config, locale: string): string {
  return `${config.baseUrl}/${locale}`;
}

export type StartResult = { ok: true; cookieToken: string; url: string } | { ok: false; reason: 'unavailable' };

export async function startSsoLogin(
  db: Db,
  config: Config,
  box: SecretBox,
  sso: StoredSso,
  options: { locale: string; next?: string; invitationTokenHash?: string },
): Promise<StartResult> {
  let configuration: Oidc.Configuration;
  try {
    configuration = await clientFor(sso, box);
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  const oidc = await loadOpenIdClient();
  const cookieToken = newToken();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const redirectUri = redirectUriFor(config, options.locale);
  await db.delete(ssoLogins).where(lt(ssoLogins.expiresAt, new Date()));
  await db.insert(ssoLogins).values({
    id: hashToken(cookieToken),
    programmeId: sso.programmeId,
    state,
    nonce,
    codeVerifier,
    redirectUri,
    invitationTokenHash: options.invitationTokenHash ?? null,
    next: options.next ?? null,
    expiresAt: new Date(Date.now() + SSO_MINUTES * 60_000),
  });
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { ok: true, cookieToken, url: url.href };
}

export type SsoFailure = 'expired' | 'failed' | 'unavailable' | 'unverified' | 'domain' | 'unknown' | 'mismatch' | 'invitation';

export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string;
  name: string;
  /** The provider itself did multi-factor login. */
  mfa: boolean;
}

export type FinishResult =
  | { ok: true; identity: VerifiedIdentity; programmeId: string; invitationTokenHash: string | null; next: string | null; idToken: string }
  | { ok: false; reason: SsoFailure };

/**
 * The callback: the pending sign-on of this browser (single use), then openid-client checks state,
 * PKCE, the ID token's signature, issuer, audience, expiry and nonce. Then our own rules.
 */
export async function finishSsoLogin(db: Db, box: SecretBox, cookieToken: string | undefined, query: string): Promise<FinishResult> {
  if (!cookieToken || !/^[A-Za-z0-9_-]{40,50}$/.test(cookieToken)) return { ok: false, reason: 'expired' };
  const [pending] = await db.delete(ssoLogins).where(eq(ssoLogins.id, hashToken(cookieToken))).returning();
  if (!pending || pending.expiresAt < new Date()) return { ok: false, reason: 'expired' };
  const sso = await loadSso(db, pending.programmeId);
  if (!sso || !sso.enabled) return { ok: false, reason: 'unavailable' };
  let configuration: Oidc.Configuration;
  try {
    configuration = await clientFor(sso, box);
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  const oidc = await loadOpenIdClient();
  let claims: Oidc.IDToken | undefined;
  let idToken = '';
  try {
    const currentUrl = new URL(pending.redirectUri);
    currentUrl.search = query;
    const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
    idToken = tokens.id_token ?? '';
  } catch {
    return { ok: false, reason: 'failed' };
  }
  if (!claims) return { ok: false, reason: 'failed' };
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email || claims.email_verified !== true) return { ok: false, reason: 'unverified' };
  const domain = email.split('@').pop() ?? '';
  if (!sso.allowedDomains.includes(domain)) return { ok: false, reason: 'domain' };
  const amr = Array.isArray(claims.amr) ? claims.amr : [];
  return {
    ok: true,
    identity: { issuer: claims.iss, subject: claims.sub, email, name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email, mfa: amr.some((m) => MFA_AMR.includes(String(m))) },
    programmeId: pending.programmeId,
    invitationTokenHash: pending.invitationTokenHash,
    next: pending.next,
    idToken,
  };
}

// --- Signing out at the provider too (OpenID Connect RP-Initiated Logout 1.0).
//
// Signing out of a session that began with single sign-on also ends the sign-on at the provider,
// when its discovery document offers an end_session_endpoint: otherwise the next "Sign in with ..."
// on a shared computer would let anyone in without a password. The provider needs the ID token as
// id_token_hint; it is kept, sealed (secret-box.ts), in an HttpOnly cookie next to the session
// rather than in a table: it is only ever used by this browser's sign-out, and a stale one is harmless
// (it is used only while the same person is signed in, and a password login removes it).

export const SSO_SESSION_COOKIE = 'ks_sso_session';

/** The cookie's value after a sign-on by `userId` through the provider of `programmeId`. */
export function ssoSessionCookie(box: SecretBox, value: { programmeId: string; userId: string; idToken: string }): string {
  return box.seal(JSON.stringify(value));
}

/**
 * The provider's sign-out address for this browser's sign-on (with id_token_hint and
 * post_logout_redirect_uri), or null: no sign-on, another person's, no end_session_endpoint, or
 * the provider cannot be reached (signing out here has happened either way).
 */
export async function providerLogout(db: Db, config: Config, box: SecretBox, cookie: string | undefined, userId: string, locale: string): Promise<{ url: string; provider: string } | null> {
  if (!cookie || cookie.length > 8_000) return null;
  let stored: { programmeId?: unknown; userId?: unknown; idToken?: unknown };
  try {
    stored = JSON.parse(box.open(cookie));
  } catch {
    return null;
  }
  if (stored.userId !== userId || typeof stored.programmeId !== 'string' || typeof stored.idToken !== 'string' || !stored.idToken) return null;
  const sso = await loadSso(db, stored.programmeId);
  if (!sso || !sso.enabled) return null;
  let configuration: Oidc.Configuration;
  try {
    configuration = await clientFor(sso, box);
  } catch {
    return null;
  }
  if (!configuration.serverMetadata().end_session_endpoint) return null;
  const oidc = await loadOpenIdClient();
  const url = oidc.buildEndSessionUrl(configuration, { id_token_hint: stored.idToken, post_logout_redirect_uri: postLogoutUriFor(config, locale) });
  return { url: url.href, provider: sso.name };
}

/** The account this identity signs in as: linked before, or linked now by verified e-mail (see top). */
export async function userForIdentity(db: Db, programmeId: string, identity: VerifiedIdentity) {
  const [linked] = await db
    .select({ user: users })
    .from(ssoIdentities)
    .innerJoin(users, eq(users.id, ssoIdentities.userId))
    .where(and(eq(ssoIdentities.issuer, identity.issuer), eq(ssoIdentities.subject, identity.subject)));
  if (linked) return linked.user.disabledAt ? null : linked.user;
  const [candidate] = await db.select().from(users).where(eq(users.email, identity.email));
  if (!candidate || candidate.disabledAt) return null;
  const [role] = await db.select({ id: roleAssignments.id }).from(roleAssignments).where(and(eq(roleAssignments.userId, candidate.id), eq(roleAssignments.programmeId, programmeId))).limit(1);
  if (!role) return null;
  // One identity per issuer per account: a second subject from the same provider is not linked silently.
  const [other] = await db.select({ id: ssoIdentities.id }).from(ssoIdentities).where(and(eq(ssoIdentities.userId, candidate.id), eq(ssoIdentities.issuer, identity.issuer)));
  if (other) return null;
  await db.transaction(async (tx) => {
    await tx.insert(ssoIdentities).values({ userId: candidate.id, issuer: identity.issuer, subject: identity.subject });
    await recordAudit(tx, { actor: { userId: candidate.id, displayName: candidate.displayName }, programmeId, action: 'user.sso_link', objectType: 'user', objectId: candidate.id, after: { issuer: identity.issuer, by: 'verified-email' } });
  });
  return candidate;
}

/** A partner invited without an organisation gets the one mapped to their e-mail domain. */
export async function organisationForEmail(db: Db, programmeId: string, email: string): Promise<string | null> {
  const sso = await loadSso(db, programmeId);
  const domain = email.toLowerCase().split('@').pop() ?? '';
  return sso?.domainOrganisations[domain] ?? null;
}
