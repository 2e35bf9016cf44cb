import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { organisations, programmes, projects, roleAssignments, users } from '../../db/schema.ts';
import { redirectLocal, safeLocalPath, sendHtml } from '../../web/http.ts';
import { formState, readForm, typedValue } from '../../web/forms.ts';
import { errorText } from '../../web/form-components.tsx';
import { LoginForm } from './forms.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import './messages.ts';
import { normaliseEmail } from './commands.ts';
import { clearFailures, isThrottled, recordFailure, THROTTLE, verifyPassword } from './passwords.ts';
import { SESSION_COOKIE, logOut } from './sessions.ts';
import { afterPassword, deviceOf } from './login-flow.ts';
import { AccountPage, LoginPage, type LoginFormState } from './views.tsx';
import { registerSecurityRoutes } from './routes-security.tsx';
import { registerSetupRoutes } from './routes-setup.tsx';
import { hasAdministrator } from './first-run.ts';
import { registerInvitationRoutes } from './routes-invitations.tsx';
import { registerPeopleRoutes } from './routes-people.tsx';
import { hasTotp, isPrivileged, sealPlainTotpSecrets } from './totp.ts';
import { boxFor } from './secret-box.ts';
import { registerSsoRoutes } from './routes-sso.tsx';
import { SSO_SESSION_COOKIE, enabledSsoProviders, providerLogout } from './sso.ts';
import { ProviderSignOutPage } from './views-sso.tsx';

export function registerAccountRoutes(app: FastifyInstance, db: Db, config: Config): void {
  // Every page that refuses for too many attempts (login, second step, links, reset requests, single
  // sign-on) says when to try again: at the latest when the counting window has passed. The API
  // sets its own, exact value.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', String(THROTTLE.windowMinutes * 60));
    return payload;
  });
  registerSecurityRoutes(app, db, config);
  registerSetupRoutes(app, db, config);
  registerInvitationRoutes(app, db, config);
  registerPeopleRoutes(app, db, config);
  registerSsoRoutes(app, db, config);
  // Reads (or generates) the key at boot, so a bad KENNISSTAD_SECRET_KEY stops the server at once.
  const box = boxFor(config);
  app.addHook('onReady', async () => {
    const sealed = await sealPlainTotpSecrets(db, box);
    if (sealed > 0) app.log.info({ sealed }, 'accounts: encrypted authenticator secrets stored in plain text');
  });
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };

  for (const { locale, url } of localizedPaths('/login')) {
    app.get<{ Querystring: { next?: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const state: LoginFormState = { next: safeLocalPath(request.query.next) };
      return sendHtml(reply, renderPage(<LoginPage ctx={pageContext(request, config)} state={state} providers={await enabledSsoProviders(db)} setupOpen={!(await hasAdministrator(db))} />));
    });

    app.post(url, { config: { action: 'public' } }, async (request, reply) => {
      const read = readForm(LoginForm, request.body, request.locale);
      // What was typed, shown again after a refusal (never the password).
      const typed = formState('login', read.ok ? {} : read.errors, request.body);
      const email = read.ok ? normaliseEmail(read.value.email) : typedValue(typed, 'login', 'email').trim();
      const next = safeLocalPath(typedValue(typed, 'login', 'next') || undefined);
      const ctx = pageContext(request, config);
      if (!read.ok) {
        const fieldErrors: LoginFormState['fieldErrors'] = { email: errorText(ctx, read.errors.email), password: errorText(ctx, read.errors.password) };
        return sendHtml(reply, renderPage(<LoginPage ctx={ctx} state={{ email, next, fieldErrors }} providers={await enabledSsoProviders(db)} />), 400);
      }
      const password = read.value.password;
      const [user] = await db.select().from(users).where(eq(users.email, email));
      // A browser where this account signed in before counts only its own mistakes (device-cookies.ts).
      const device = deviceOf(config, request, user?.id);
      if (await isThrottled(db, email, request.ip, device)) {
        return sendHtml(reply, renderPage(<LoginPage ctx={ctx} state={{ email, next, error: 'throttled' }} providers={await enabledSsoProviders(db)} />), 429);
      }
      const valid = await verifyPassword(user?.passwordHash ?? null, password);
      if (!user || !valid || user.disabledAt) {
        await recordFailure(db, email, request.ip, device);
        return sendHtml(reply, renderPage(<LoginPage ctx={ctx} state={{ email, next, error: 'failed' }} providers={await enabledSsoProviders(db)} />), 401);
      }
      await clearFailures(db, email, request.ip, device);
      // A password login is not a sign-on: signing out must not send this browser to a provider.
      reply.clearCookie(SSO_SESSION_COOKIE, cookieOptions);
      return afterPassword(db, config, request, reply, user, locale, next);
    });
  }

  for (const { locale, url } of localizedPaths('/logout')) {
    app.post(url, { config: { action: 'public' } }, async (request, reply) => {
      // A session that began with single sign-on ends at the provider too, where it offers that.
      const atProvider = request.actor ? await providerLogout(db, config, boxFor(config), request.cookies[SSO_SESSION_COOKIE], request.actor.userId, locale) : null;
      if (request.sessionId) {
        await logOut(db, request.actor ?? null, request.sessionId, request.ip);
      }
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      reply.clearCookie(SSO_SESSION_COOKIE, cookieOptions);
      if (atProvider) {
        reply.header('cache-control', 'no-store');
        return sendHtml(reply, renderPage(<ProviderSignOutPage ctx={{ ...pageContext(request, config), actor: undefined }} url={atProvider.url} provider={atProvider.provider} />));
      }
      return reply.redirect(`/${locale}`, 303);
    });
  }

  for (const { url } of localizedPaths('/account')) {
    app.get(url, { config: { action: 'account.use' } }, async (request, reply) => {
      const actor = request.actor!;
      const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
      const roles = await db
        .select({
          role: roleAssignments.role,
          programmeSlug: programmes.slug,
          programmeName: programmes.name,
          projectTitle: projects.title,
          organisationName: organisations.name,
        })
        .from(roleAssignments)
        .innerJoin(programmes, eq(programmes.id, roleAssignments.programmeId))
        .leftJoin(projects, eq(projects.id, roleAssignments.projectId))
        .leftJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
        .where(eq(roleAssignments.userId, actor.userId));
      const page = (
        <AccountPage
          ctx={pageContext(request, config)}
          email={user?.email ?? ''}
          twoFactor={await hasTotp(db, actor.userId)}
          twoFactorRequired={await isPrivileged(db, actor.userId)}
          roles={roles.map((r) => ({ role: r.role, programmeSlug: r.programmeSlug, programmeName: r.programmeName, detail: r.projectTitle ?? r.organisationName ?? null }))}
        />
      );
      return sendHtml(reply, renderPage(page));
    });
  }
}
