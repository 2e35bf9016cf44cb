// Routes for the second login step, authenticator management, password reset, the sessions page
// and the personal-data download.
import type { FastifyInstance } from 'fastify';
import { desc, eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema.ts';
import { HttpError, redirectLocal, safeLocalPath, sendHtml } from '../../web/http.ts';
import { formState, readForm, typedValue } from '../../web/forms.ts';
import { errorText } from '../../web/form-components.tsx';
import { CodeForm, EndSessionForm, EnrolForm, ForgotForm, NewPasswordForm } from './forms.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { translator } from '../../web/i18n.ts';
import './messages.ts';
import { normaliseEmail } from './commands.ts';
import { cookieOptions, deviceOf, startPage, startSession } from './login-flow.ts';
import { clearCredentialAttempts, credentialThrottled, isThrottled, recordCredentialAttempt, recordFailure } from './passwords.ts';
import { downloadPersonalData } from './personal-data.ts';
import { findPasswordReset, requestPasswordReset, resetPassword } from './resets.ts';
import { sendAccountMail } from './mail.ts';
import { endOwnSession, hashToken } from './sessions.ts';
import { boxFor } from './secret-box.ts';
import {
  CHALLENGE_COOKIE,
  disableTotp,
  enableTotp,
  endChallenge,
  failChallenge,
  findChallenge,
  hasTotp,
  isPrivileged,
  newTotpSecret,
  otpauthUri,
  qrSvg,
  remainingRecoveryCodes,
  renewRecoveryCodes,
  verifySecondFactor,
} from './totp.ts';
import { EnrolPage, ForgotPage, RecoveryCodesPage, ResetPage, SessionsPage, TwoFactorPage, VerifyPage, passwordMessage } from './views-security.tsx';

/** What the sessions page shows instead of the stored id (itself a hash of the cookie). */
export const publicSessionId = (id: string) => hashToken(id).slice(0, 24);


export function registerSecurityRoutes(app: FastifyInstance, db: Db, config: Config): void {
  const box = boxFor(config);
  /** The code typed on a second-step form, '' when none; one over the limit is no one's code: a wrong guess, counted as one. */
  const code = (body: unknown): string => {
    const read = readForm(CodeForm, body);
    if (read.ok) return read.value.code;
    return read.errors.code?.key === 'form.error.tooLong' ? typedValue(formState('code', read.errors, body), 'code', 'code') : '';
  };

  for (const { locale, url } of localizedPaths('/login/verify')) {
    app.get(url, { config: { action: 'public' } }, async (request, reply) => {
      const challenge = await findChallenge(db, box, request.cookies[CHALLENGE_COOKIE]);
      if (!challenge || challenge.purpose !== 'verify') return reply.redirect(`/${locale}/login`, 303);
      return sendHtml(reply, renderPage(<VerifyPage ctx={pageContext(request, config)} />));
    });
    app.post(url, { config: { action: 'public' } }, async (request, reply) => {
      const ctx = pageContext(request, config);
      const challenge = await findChallenge(db, box, request.cookies[CHALLENGE_COOKIE]);
      if (!challenge || challenge.purpose !== 'verify') return reply.redirect(`/${locale}/login`, 303);
      const input = code(request.body);
      if (!input.trim()) return sendHtml(reply, renderPage(<VerifyPage ctx={ctx} error="required" />), 400);
      const [user] = await db.select().from(users).where(eq(users.id, challenge.userId));
      if (!user || user.disabledAt) return reply.redirect(`/${locale}/login`, 303);
      // Code failures have their own counter: a right password clears the password counter, and
      // must not reset the guesses at the code. A trusted browser counts only its own (device-cookies.ts).
      const device = deviceOf(config, request, user.id);
      if ((await isThrottled(db, user.email, request.ip, device)) || (await credentialThrottled(db, 'code', user.email, request.ip, device))) {
        await endChallenge(db, challenge);
        return reply.redirect(`/${locale}/login`, 303);
      }
      const factor = await verifySecondFactor(db, box, user.id, input);
      // The right code, used a moment ago: refused, not counted (no guess was made).
      if (factor === 'replayed') return sendHtml(reply, renderPage(<VerifyPage ctx={ctx} error="replayed" />), 401);
      if (!factor) {
        await recordFailure(db, user.email, request.ip, device);
        await recordCredentialAttempt(db, 'code', user.email, request.ip, device);
        const usedUp = await failChallenge(db, challenge);
        if (usedUp) reply.clearCookie(CHALLENGE_COOKIE, cookieOptions(config));
        return sendHtml(reply, renderPage(<VerifyPage ctx={ctx} error="wrong" />), 401);
      }
      await endChallenge(db, challenge);
      await clearCredentialAttempts(db, 'code', user.email);
      await startSession(db, config, request, reply, user, factor === 'totp' ? 'password+totp' : 'password+recovery-code');
      return redirectLocal(reply, challenge.next ?? undefined, startPage(locale));
    });
  }

  for (const { locale, url } of localizedPaths('/login/enrol')) {
    const render = async (request: Parameters<typeof pageContext>[0], secret: string, email: string, error?: 'wrong' | 'required') => {
      const ctx = pageContext(request, config);
      const qr = await qrSvg(otpauthUri(secret, email, config.installationName));
      return renderPage(<EnrolPage ctx={ctx} state={{ secret, qr, action: `/${locale}/login/enrol`, error, required: true, entry: { issuer: config.installationName, account: email } }} />);
    };
    app.get(url, { config: { action: 'public' } }, async (request, reply) => {
      const challenge = await findChallenge(db, box, request.cookies[CHALLENGE_COOKIE]);
      if (!challenge || challenge.purpose !== 'enrol' || !challenge.pendingSecret) return reply.redirect(`/${locale}/login`, 303);
      const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, challenge.userId));
      return sendHtml(reply, await render(request, challenge.pendingSecret, user?.email ?? ''));
    });
    app.post(url, { config: { action: 'public' } }, async (request, reply) => {
      const challenge = await findChallenge(db, box, request.cookies[CHALLENGE_COOKIE]);
      if (!challenge || challenge.purpose !== 'enrol' || !challenge.pendingSecret) return reply.redirect(`/${locale}/login`, 303);
      const [user] = await db.select().from(users).where(eq(users.id, challenge.userId));
      if (!user || user.disabledAt) return reply.redirect(`/${locale}/login`, 303);
      const input = code(request.body);
      if (!input.trim()) return sendHtml(reply, await render(request, challenge.pendingSecret, user.email, 'required'), 400);
      const codes = await enableTotp(db, box, user.id, challenge.pendingSecret, input);
      if (!codes) {
        await failChallenge(db, challenge);
        return sendHtml(reply, await render(request, challenge.pendingSecret, user.email, 'wrong'), 400);
      }
      await endChallenge(db, challenge);
      await startSession(db, config, request, reply, user, 'password+totp-enrolment');
      const next = safeLocalPath(challenge.next) ?? startPage(locale);
      return sendHtml(reply, renderPage(<RecoveryCodesPage ctx={pageContext(request, config)} codes={codes} next={next} />));
    });
  }

  for (const { locale, url } of localizedPaths('/account/two-factor')) {
    app.get(url, { config: { action: 'account.use' } }, async (request, reply) => {
      const userId = request.actor!.userId;
      const page = <TwoFactorPage ctx={pageContext(request, config)} enabled={await hasTotp(db, userId)} remaining={await remainingRecoveryCodes(db, userId)} required={await isPrivileged(db, userId)} />;
      return sendHtml(reply, renderPage(page));
    });
    app.get(`${url}/enrol`, { config: { action: 'account.use' } }, async (request, reply) => {
      const secret = newTotpSecret();
      const qr = await qrSvg(otpauthUri(secret, request.actor!.displayName, config.installationName));
      const entry = { issuer: config.installationName, account: request.actor!.displayName };
      return sendHtml(reply, renderPage(<EnrolPage ctx={pageContext(request, config)} state={{ secret, qr, action: `${url}/enrol`, entry }} />));
    });
    app.post(`${url}/enrol`, { config: { action: 'account.use' } }, async (request, reply) => {
      const ctx = pageContext(request, config);
      const enrol = readForm(EnrolForm, request.body);
      // The secret comes from our own page: anything else starts the set-up again.
      if (!enrol.ok && enrol.errors.secret) return reply.redirect(`${url}/enrol`, 303);
      const secret = enrol.ok ? enrol.value.secret : typedValue(formState('enrol', enrol.errors, request.body), 'enrol', 'secret');
      const input = code(request.body);
      const codes = input.trim() ? await enableTotp(db, box, request.actor!.userId, secret, input) : null;
      if (!codes) {
        const qr = await qrSvg(otpauthUri(secret, request.actor!.displayName, config.installationName));
        const entry = { issuer: config.installationName, account: request.actor!.displayName };
        return sendHtml(reply, renderPage(<EnrolPage ctx={ctx} state={{ secret, qr, action: `${url}/enrol`, error: input.trim() ? 'wrong' : 'required', entry }} />), 400);
      }
      return sendHtml(reply, renderPage(<RecoveryCodesPage ctx={ctx} codes={codes} next={`/${locale}/account`} />));
    });
    app.post(`${url}/recovery-codes`, { config: { action: 'account.use' } }, async (request, reply) => {
      const actor = request.actor!;
      if (!(await hasTotp(db, actor.userId))) return reply.redirect(url, 303);
      const codes = await renewRecoveryCodes(db, actor);
      return sendHtml(reply, renderPage(<RecoveryCodesPage ctx={pageContext(request, config)} codes={codes} next={`/${locale}/account`} />));
    });
    app.post(`${url}/disable`, { config: { action: 'account.use' } }, async (request, reply) => {
      const actor = request.actor!;
      // Administrators and coordinators cannot switch it off: it is required for their roles.
      if (await isPrivileged(db, actor.userId)) return reply.redirect(url, 303);
      await disableTotp(db, actor);
      return reply.redirect(url, 303);
    });
  }

  for (const { locale, url } of localizedPaths('/account/sessions')) {
    app.get<{ Querystring: { ended?: string } }>(url, { config: { action: 'account.use' } }, async (request, reply) => {
      const rows = await db.select().from(sessions).where(eq(sessions.userId, request.actor!.userId)).orderBy(desc(sessions.lastSeenAt));
      const list = rows.map((s) => ({ id: publicSessionId(s.id), current: s.id === request.sessionId, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, ip: s.ip, userAgent: s.userAgent }));
      return sendHtml(reply, renderPage(<SessionsPage ctx={pageContext(request, config)} sessions={list} ended={request.query.ended === '1'} />));
    });
    app.post(`${url}/end`, { config: { action: 'account.use' } }, async (request, reply) => {
      const actor = request.actor!;
      const read = readForm(EndSessionForm, request.body);
      const wanted = read.ok ? read.value.session : '';
      const ended = await endOwnSession(db, actor, wanted, publicSessionId, request.ip);
      if (!ended.ok) return reply.redirect(url, 303);
      if (ended.value.sessionId === request.sessionId) return reply.redirect(`/${locale}/login`, 303);
      return reply.redirect(`${url}?ended=1`, 303);
    });
  }

  for (const { url } of localizedPaths('/account/personal-data')) {
    app.get(url, { config: { action: 'account.use' } }, async (request, reply) => {
      const data = await downloadPersonalData(db, request.actor!);
      reply.header('content-disposition', 'attachment; filename="kennisstad-personal-data.json"');
      reply.header('cache-control', 'no-store');
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
    });
  }

  for (const { locale, url } of localizedPaths('/password/forgot')) {
    app.get(url, { config: { action: 'public' } }, async (request, reply) => sendHtml(reply, renderPage(<ForgotPage ctx={pageContext(request, config)} />)));
    app.post(url, { config: { action: 'public' } }, async (request, reply) => {
      const ctx = pageContext(request, config);
      const read = readForm(ForgotForm, request.body, request.locale);
      if (!read.ok) {
        const typed = typedValue(formState('forgot', read.errors, request.body), 'forgot', 'email').trim();
        return sendHtml(reply, renderPage(<ForgotPage ctx={ctx} email={typed} error={errorText(ctx, read.errors.email)} />), 400);
      }
      const email = normaliseEmail(read.value.email);
      // Every request sends a mail: limited per address asked for and per caller, whether or not
      // the address has an account (so the limit says nothing about accounts either).
      if (await credentialThrottled(db, 'resetRequest', email, request.ip)) throw new HttpError(429, 'login.throttled');
      await recordCredentialAttempt(db, 'resetRequest', email, request.ip);
      // The same answer whether or not the address has an account.
      const reset = await requestPasswordReset(db, email);
      if (reset) {
        const t = translator(locale);
        const link = `${config.baseUrl}/${locale}/password/reset/${reset.token}`;
        await sendAccountMail(db, { programmeId: null, kind: 'password-reset', to: email, subject: t('accounts.mail.reset.subject'), body: t('accounts.mail.reset.body', { name: reset.displayName, link }) });
      }
      return sendHtml(reply, renderPage(<ForgotPage ctx={ctx} sent />));
    });
  }

  for (const { locale, url } of localizedPaths('/password/reset/:token')) {
    app.get<{ Params: { token: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const ctx = pageContext(request, config);
      // Guessing links: refused (even a right one) after too many that matched nothing.
      if (await credentialThrottled(db, 'link', request.params.token, request.ip)) throw new HttpError(429, 'login.throttled');
      const valid = await findPasswordReset(db, request.params.token);
      if (!valid) await recordCredentialAttempt(db, 'link', request.params.token, request.ip);
      reply.header('referrer-policy', 'no-referrer');
      return sendHtml(reply, renderPage(<ResetPage ctx={ctx} action={`/${locale}/password/reset/${request.params.token}`} invalid={!valid} />), valid ? 200 : 404);
    });
    app.post<{ Params: { token: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const ctx = pageContext(request, config);
      const action = `/${locale}/password/reset/${request.params.token}`;
      const read = readForm(NewPasswordForm, request.body, request.locale);
      if (!read.ok) return sendHtml(reply, renderPage(<ResetPage ctx={ctx} action={action} error={errorText(ctx, read.errors.password)} />), 400);
      const password = read.value.password ?? '';
      if (await credentialThrottled(db, 'link', request.params.token, request.ip)) throw new HttpError(429, 'login.throttled');
      const outcome = await resetPassword(db, request.params.token, password);
      if (outcome.ok) return reply.redirect(`/${locale}/login`, 303);
      if (outcome.reason === 'invalid') await recordCredentialAttempt(db, 'link', request.params.token, request.ip);
      if (outcome.reason === 'invalid') return sendHtml(reply, renderPage(<ResetPage ctx={ctx} action={action} invalid />), 404);
      return sendHtml(reply, renderPage(<ResetPage ctx={ctx} action={action} error={passwordMessage(ctx, outcome.reason)} />), 400);
    });
  }
}
