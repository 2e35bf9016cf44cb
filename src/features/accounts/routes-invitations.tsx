// Routes for invitations (coordinator sends, invitee accepts) and erasure of a person (admin).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { PageContext, ProgrammeSummary } from '../../web/context.ts';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { ROLES, users } from '../../db/schema.ts';
import { HttpError, notFound, sendHtml } from '../../web/http.ts';
import { formState, LIMITS, readForm, typedValue } from '../../web/forms.ts';
import { errorText } from '../../web/form-components.tsx';
import { EraseForm, InviteForm, NewPasswordForm } from './forms.ts';
import { credentialThrottled, recordCredentialAttempt } from './passwords.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { translator } from '../../web/i18n.ts';
import { registerNavItem } from '../../web/navigation.ts';
import type { Locale } from '../../domain/localized.ts';
import './messages.ts';
import { acceptInvitation, createInvitation, inviteChoices, deadInvitationReason, findInvitation, listInvitations, revokeInvitation, type InvitationInput } from './invitations.ts';
import { loadSso } from './sso.ts';
import { afterPassword, startPage, startSession } from './login-flow.ts';
import { sendAccountMail } from './mail.ts';
import { eraseUser, erasableUsers } from './personal-data.ts';
import { PRIVILEGED_ROLES } from './totp.ts';
import { AcceptInvitationPage, ErasePage, InvitationsPage, type InviteFormValues } from './views-invitations.tsx';
import { passwordMessage } from './views-security.tsx';

type ProgrammeParams = { programme: string };

/** The invitation mail with its one-time link, in the language the coordinator invited in. */
export async function mailInvitation(
  db: Db,
  config: Config,
  input: { locale: Locale; programme: ProgrammeSummary; input: InvitationInput; token: string; inviter: string },
): Promise<void> {
  const { locale, programme } = input;
  const t = translator(locale);
  const link = `${config.baseUrl}/${locale}/invitation/${input.token}`;
  const programmeName = programme.name[locale] ?? programme.name.nl ?? programme.slug;
  await sendAccountMail(db, {
    programmeId: programme.id,
    kind: 'invitation',
    to: input.input.email.toLowerCase(),
    subject: t('accounts.mail.invite.subject', { programme: programmeName }),
    body: t('accounts.mail.invite.body', { name: input.input.displayName, inviter: input.inviter, programme: programmeName, role: t(`role.${input.input.role}`), link }),
  });
}

export function registerInvitationRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'accounts.invite.title', path: '/invitations', order: 94, group: 'management' });
  for (const { locale, url } of localizedPaths('/:programme/invitations')) {
    app.get<{ Params: ProgrammeParams; Querystring: { sent?: string; revoked?: string; role?: string; project?: string; organisation?: string } }>(url, { config: { action: 'programme.manage' } }, async (request, reply) => {
      const rows = await listInvitations(db, request.programme!.id);
      const choices = await inviteChoices(db, request.programme!.id);
      // Opened from a project or organisation page: the role and the choice come pre-selected.
      const { role, project, organisation } = request.query;
      const values: InviteFormValues = {
        role: typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? role : undefined,
        project: choices.projects.find((p) => p.code === project)?.code,
        organisation: choices.organisations.find((o) => o.slug === organisation)?.slug,
      };
      return sendHtml(reply, renderPage(<InvitationsPage ctx={pageContext(request, config)} values={values} errors={{}} invitations={rows} choices={choices} sent={request.query.sent === '1'} revoked={request.query.revoked === '1'} />));
    });
    app.post<{ Params: ProgrammeParams & { invitationId: string } }>(`${url}/:invitationId/revoke`, { config: { action: 'programme.manage' } }, async (request, reply) => {
      const programme = request.programme!;
      // Unknown, foreign, accepted or already revoked: nothing to revoke here.
      if (!(await revokeInvitation(db, request.actor!, programme.id, request.params.invitationId))) throw notFound();
      return reply.redirect(`${url.replace(':programme', programme.slug)}?revoked=1`, 303);
    });
    app.post<{ Params: ProgrammeParams }>(url, { config: { action: 'programme.manage' } }, async (request, reply) => {
      const ctx = pageContext(request, config);
      const programme = request.programme!;
      const read = readForm(InviteForm, request.body, request.locale);
      const typed = formState('invite', read.ok ? {} : read.errors, request.body);
      const values: InviteFormValues = Object.fromEntries(['email', 'displayName', 'role', 'project', 'organisation'].map((name) => [name, typedValue(typed, 'invite', name)]));
      const refuse = async (errors: Record<string, string | undefined>) =>
        sendHtml(reply, renderPage(<InvitationsPage ctx={ctx} values={values} errors={Object.fromEntries(Object.entries(errors).filter(([, message]) => message)) as Record<string, string>} invitations={await listInvitations(db, programme.id)} choices={await inviteChoices(db, programme.id)} />), 400);
      if (!read.ok) return refuse(Object.fromEntries(Object.entries(read.errors).map(([name, error]) => [name, errorText(ctx, error)])));
      const input: InvitationInput = read.value;
      const result = await createInvitation(db, request.actor!, programme.id, input);
      if (!result.ok) {
        if (result.status === 404) throw notFound();
        return refuse(Object.fromEntries(Object.entries(result.errors).map(([name, key]) => [name, ctx.t(key!, { max: LIMITS.name })])));
      }
      await mailInvitation(db, config, { locale, programme, input, token: result.token, inviter: request.actor!.displayName });
      return reply.redirect(`${url.replace(':programme', programme.slug)}?sent=1`, 303);
    });
  }

  /** A link that no longer works answers 404 with a page that says why: revoked, used or expired. */
  const deadLink = async (token: string, ctx: PageContext, action: string, reply: FastifyReply) => {
    const dead = await deadInvitationReason(db, token);
    return sendHtml(reply, renderPage(<AcceptInvitationPage ctx={ctx} invitation={null} action={action} dead={dead} />), 404);
  };

  for (const { locale, url } of localizedPaths('/invitation/:token')) {
    app.get<{ Params: { token: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      if (await credentialThrottled(db, 'link', request.params.token, request.ip)) throw new HttpError(429, 'login.throttled');
      const invitation = await findInvitation(db, request.params.token);
      if (!invitation) await recordCredentialAttempt(db, 'link', request.params.token, request.ip);
      reply.header('referrer-policy', 'no-referrer');
      const ctx = pageContext(request, config);
      const action = `/${locale}/invitation/${request.params.token}`;
      if (!invitation) return deadLink(request.params.token, ctx, action, reply);
      const view = { displayName: invitation.displayName, email: invitation.email, role: invitation.role, existing: invitation.existingUserId !== null };
      const sso = await loadSso(db, invitation.programmeId);
      return sendHtml(reply, renderPage(<AcceptInvitationPage ctx={ctx} invitation={view} action={action} sso={sso?.enabled ? { name: sso.name } : null} />));
    });
    app.post<{ Params: { token: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const ctx = pageContext(request, config);
      const action = `/${locale}/invitation/${request.params.token}`;
      if (await credentialThrottled(db, 'link', request.params.token, request.ip)) throw new HttpError(429, 'login.throttled');
      const invitation = await findInvitation(db, request.params.token);
      if (!invitation) await recordCredentialAttempt(db, 'link', request.params.token, request.ip);
      const read = readForm(NewPasswordForm, request.body, request.locale);
      if (!read.ok && invitation) {
        const view = { displayName: invitation.displayName, email: invitation.email, role: invitation.role, existing: invitation.existingUserId !== null };
        return sendHtml(reply, renderPage(<AcceptInvitationPage ctx={ctx} invitation={view} action={action} error={errorText(ctx, read.errors.password)} />), 400);
      }
      const result = await acceptInvitation(db, request.params.token, read.ok ? (read.value.password ?? null) : null, request.ip);
      if (!result.ok) {
        if (result.reason === 'invalid' || !invitation) return deadLink(request.params.token, ctx, action, reply);
        const view = { displayName: invitation.displayName, email: invitation.email, role: invitation.role, existing: false };
        return sendHtml(reply, renderPage(<AcceptInvitationPage ctx={ctx} invitation={view} action={action} error={passwordMessage(ctx, result.reason)} />), 400);
      }
      // An existing account gained a role: it logs in as always (the link is no password).
      if (invitation!.existingUserId) return reply.redirect(`/${locale}/login`, 303);
      const [user] = await db.select().from(users).where(eq(users.id, result.userId));
      const home = startPage(locale, invitation!.programmeSlug);
      // Administrators and coordinators set up their authenticator before their first session.
      if ((PRIVILEGED_ROLES as readonly string[]).includes(result.role)) return afterPassword(db, config, request, reply, user!, locale, home, 'enrol');
      await startSession(db, config, request, reply, user!, 'invitation');
      return reply.redirect(home, 303);
    });
  }

  for (const { url } of localizedPaths('/:programme/admin/erase')) {
    app.get<{ Params: ProgrammeParams; Querystring: { erased?: string } }>(url, { config: { action: 'users.manage' } }, async (request, reply) => {
      const erased = typeof request.query.erased === 'string' && /^person-[0-9a-f]{8}$/.test(request.query.erased) ? request.query.erased : undefined;
      return sendHtml(reply, renderPage(<ErasePage ctx={pageContext(request, config)} users={await erasableUsers(db, request.programme!.id)} erased={erased} />));
    });
    app.post<{ Params: ProgrammeParams }>(url, { config: { action: 'users.manage' } }, async (request, reply) => {
      const ctx = pageContext(request, config);
      const programme = request.programme!;
      const render = async (error: string, status: number) => sendHtml(reply, renderPage(<ErasePage ctx={ctx} users={await erasableUsers(db, programme.id)} error={error} />), status);
      const read = readForm(EraseForm, request.body, request.locale);
      if (read.ok ? !read.value.user : read.errors.user) return render(ctx.t('accounts.erase.choosePerson'), 400);
      if (!read.ok || read.value.confirm !== 'yes') return render(ctx.t('accounts.erase.mustConfirm'), 400);
      const userId = read.value.user!;
      const result = await eraseUser(db, request.actor!, programme.id, userId);
      if (!result.ok) return render(ctx.t(result.reason === 'self' ? 'accounts.erase.self' : 'accounts.erase.unknown'), result.reason === 'self' ? 400 : 404);
      return reply.redirect(`${url.replace(':programme', programme.slug)}?erased=${result.pseudonym}`, 303);
    });
  }
}
