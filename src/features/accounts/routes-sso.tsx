// Routes for single sign-on: start (per programme, or from an invitation), the callback, and the
// administrator's settings page. The rules for who may come in are in sso.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { organisations, users } from '../../db/schema.ts';
import { notFound, redirectLocal, safeLocalPath, sendHtml } from '../../web/http.ts';
import { formState, readForm, typedValue } from '../../web/forms.ts';
import { errorText } from '../../web/form-components.tsx';
import { SsoForm } from './forms.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import './messages.ts';
import { acceptInvitationByHash, findInvitation, findInvitationByHash } from './invitations.ts';
import { afterPassword, cookieOptions, startPage, startSession } from './login-flow.ts';
import { clearFailures, credentialThrottled, isThrottled, recordCredentialAttempt, recordFailure } from './passwords.ts';
import { boxFor } from './secret-box.ts';
import { SSO_COOKIE, SSO_MINUTES, SSO_SESSION_COOKIE, finishSsoLogin, postLogoutUriFor, ssoSessionCookie, loadSso, redirectUriFor, saveSso, settingsForm, startSsoLogin, userForIdentity, type SsoFailure, type SsoSettingsInput, type StoredSso } from './sso.ts';
import { ssoIdentities } from './tables.ts';
import { hashToken } from './tokens.ts';
import { PRIVILEGED_ROLES } from './totp.ts';
import { SsoErrorPage, SsoSettingsPage } from './views-sso.tsx';

const STATUS: Record<SsoFailure | 'throttled', number> = { expired: 400, failed: 400, unavailable: 503, unverified: 403, domain: 403, unknown: 403, mismatch: 403, invitation: 410, throttled: 429 };
/** The throttle counts failed callbacks per address (the account is not known before the provider answers). */
const throttleKey = (ip: string) => `sso:${ip}`;

export function registerSsoRoutes(app: FastifyInstance, db: Db, config: Config): void {
  const box = boxFor(config);

  const fail = (request: FastifyRequest, reply: FastifyReply, reason: SsoFailure | 'throttled') =>
    sendHtml(reply, renderPage(<SsoErrorPage ctx={pageContext(request, config)} reason={reason} />), STATUS[reason]);

  async function start(request: FastifyRequest, reply: FastifyReply, sso: StoredSso | null, locale: string, options: { next?: string; invitationTokenHash?: string }) {
    if (!sso || !sso.enabled) throw notFound();
    const started = await startSsoLogin(db, config, box, sso, { locale, ...options });
    if (!started.ok) return fail(request, reply, started.reason);
    // Bound to this browser: HttpOnly, short-lived; SameSite=Lax lets it ride along the provider's top-level redirect back.
    reply.setCookie(SSO_COOKIE, started.cookieToken, { ...cookieOptions(config), maxAge: SSO_MINUTES * 60 });
    return reply.redirect(started.url, 303);
  }

  for (const { locale, url } of localizedPaths('/login/sso/:programme')) {
    app.get<{ Params: { programme: string }; Querystring: { next?: string } }>(url, { config: { action: 'public' } }, async (request, reply) =>
      start(request, reply, await loadSso(db, request.programme!.id), locale, { next: safeLocalPath(request.query.next) }),
    );
  }

  for (const { locale, url } of localizedPaths('/invitation/:token/sso')) {
    app.get<{ Params: { token: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      // The same throttle as the invitation page itself: this path must not become a way to guess links.
      if (await credentialThrottled(db, 'link', request.params.token, request.ip)) return fail(request, reply, 'throttled');
      const invitation = await findInvitation(db, request.params.token);
      if (!invitation) {
        await recordCredentialAttempt(db, 'link', request.params.token, request.ip);
        throw notFound();
      }
      return start(request, reply, await loadSso(db, invitation.programmeId), locale, { invitationTokenHash: hashToken(request.params.token) });
    });
  }

  for (const { locale, url } of localizedPaths('/login/sso/callback')) {
    app.get(url, { config: { action: 'public' } }, async (request, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      reply.header('cache-control', 'no-store');
      const cookieToken = request.cookies[SSO_COOKIE];
      reply.clearCookie(SSO_COOKIE, cookieOptions(config));
      if (await isThrottled(db, throttleKey(request.ip), request.ip)) return fail(request, reply, 'throttled');
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const result = await finishSsoLogin(db, box, cookieToken, query);
      if (!result.ok) {
        // A forged or replayed answer to a pending sign-on counts like a wrong password (a callback
        // without a pending sign-on has nothing to guess against: it never reaches the provider).
        if (result.reason === 'failed') await recordFailure(db, throttleKey(request.ip), request.ip);
        return fail(request, reply, result.reason);
      }
      await clearFailures(db, throttleKey(request.ip), request.ip);
      const { identity } = result;
      const method = identity.mfa ? 'sso+provider-mfa' : 'sso';
      // For signing out at the provider later (sso.ts, RP-initiated logout); lives as long as a session can.
      const rememberSignOn = (userId: string) =>
        reply.setCookie(SSO_SESSION_COOKIE, ssoSessionCookie(box, { programmeId: result.programmeId, userId, idToken: result.idToken }), { ...cookieOptions(config), maxAge: config.sessionAbsoluteHours * 3600 });

      if (result.invitationTokenHash) {
        const invitation = await findInvitationByHash(db, result.invitationTokenHash);
        if (!invitation) return fail(request, reply, 'invitation');
        // The invitation went to one mailbox: the provider must vouch for that very address.
        if (invitation.email !== identity.email) return fail(request, reply, 'mismatch');
        const [linked] = await db.select({ userId: ssoIdentities.userId }).from(ssoIdentities).where(and(eq(ssoIdentities.issuer, identity.issuer), eq(ssoIdentities.subject, identity.subject)));
        if (linked && linked.userId !== invitation.existingUserId) return fail(request, reply, 'mismatch');
        const accepted = await acceptInvitationByHash(db, result.invitationTokenHash, { identity }, request.ip);
        if (!accepted.ok) return fail(request, reply, 'invitation');
        const [user] = await db.select().from(users).where(eq(users.id, accepted.userId));
        rememberSignOn(accepted.userId);
        const home = startPage(locale, invitation.programmeSlug);
        const privileged = (PRIVILEGED_ROLES as readonly string[]).includes(accepted.role);
        // A new administrator or coordinator sets up an authenticator first, unless the provider did MFA.
        if (privileged && !identity.mfa) return afterPassword(db, config, request, reply, user!, locale, home, 'enrol', method);
        if (identity.mfa || !invitation.existingUserId) {
          await startSession(db, config, request, reply, user!, method);
          return reply.redirect(home, 303);
        }
        return afterPassword(db, config, request, reply, user!, locale, home, undefined, method);
      }

      const user = await userForIdentity(db, result.programmeId, identity);
      if (!user) return fail(request, reply, 'unknown');
      rememberSignOn(user.id);
      const next = result.next ?? undefined;
      if (identity.mfa) {
        await startSession(db, config, request, reply, user, method);
        return redirectLocal(reply, next, startPage(locale));
      }
      // Otherwise the same second step as after a password: a code, or enrolment for privileged roles.
      return afterPassword(db, config, request, reply, user, locale, next, undefined, method);
    });
  }

  for (const { locale, url } of localizedPaths('/:programme/admin/sso')) {
    const render = async (request: FastifyRequest, values: SsoSettingsInput, errors: Record<string, string>, status = 200, saved = false) => {
      const configured = (await loadSso(db, request.programme!.id)) !== null;
      const page = <SsoSettingsPage ctx={pageContext(request, config)} values={values} errors={errors} configured={configured} saved={saved} redirectUris={['nl', 'en'].map((l) => redirectUriFor(config, l))} postLogoutUris={['nl', 'en'].map((l) => postLogoutUriFor(config, l))} />;
      return { body: renderPage(page), status };
    };
    const slugs = async (programmeId: string) => new Map((await db.select({ id: organisations.id, slug: organisations.slug }).from(organisations).where(eq(organisations.programmeId, programmeId))).map((o) => [o.id, o.slug]));

    app.get<{ Params: { programme: string }; Querystring: { saved?: string } }>(url, { config: { action: 'users.manage' } }, async (request, reply) => {
      const programmeId = request.programme!.id;
      const { body } = await render(request, settingsForm(await loadSso(db, programmeId), await slugs(programmeId)), {}, 200, request.query.saved === '1');
      return sendHtml(reply, body);
    });
    app.post<{ Params: { programme: string } }>(url, { config: { action: 'users.manage' } }, async (request, reply) => {
      const ctx = pageContext(request, config);
      const read = readForm(SsoForm, request.body, request.locale);
      if (!read.ok) {
        const typed = formState('sso', read.errors, request.body);
        const values = Object.fromEntries(['name', 'issuer', 'clientId', 'allowedDomains', 'domainOrganisations'].map((name) => [name, typedValue(typed, 'sso', name)]));
        const errors = Object.fromEntries(Object.entries(read.errors).map(([name, error]) => [name, errorText(ctx, error)!]));
        const { body: page } = await render(request, { ...values, clientSecret: '', enabled: typedValue(typed, 'sso', 'enabled') !== '' } as SsoSettingsInput, errors, 400);
        return sendHtml(reply, page, 400);
      }
      const input: SsoSettingsInput = { name: '', issuer: '', clientId: '', clientSecret: '', allowedDomains: '', domainOrganisations: '', ...read.value };
      const programme = request.programme!;
      const result = await saveSso(db, box, request.actor!, programme.id, input);
      if (!result.ok) {
        if (result.status === 404) throw notFound();
        const errors = Object.fromEntries(Object.entries(result.errors).map(([field, key]) => [field, ctx.t(key!, { max: 80 })]));
        const { body: page } = await render(request, { ...input, clientSecret: '' }, errors, 400);
        return sendHtml(reply, page, 400);
      }
      return reply.redirect(`/${locale}/${programme.slug}/admin/sso?saved=1`, 303);
    });
  }
}
