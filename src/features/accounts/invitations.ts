// Invitations: a coordinator invites a person by e-mail into a role (with a project for a lead,
// an organisation for a partner member). The link is single-use and expires after a week;
// accepting creates the account with a password or a linked single sign-on identity (or adds the
// role to an existing account). A coordinator can revoke a pending invitation.
import { LIMITS } from '../../web/forms.ts';
import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations, people, programmes, projects, roleAssignments, users, ROLES, type Role } from '../../db/schema.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Actor } from '../../domain/policy.ts';
import { can } from '../../policies.ts';
import { invitations, ssoIdentities } from './tables.ts';
import { hashPassword } from './passwords.ts';
import { passwordProblem, type PasswordProblem } from './password-policy.ts';
import { INVITATION_DAYS, hashToken, isTokenShape, newToken } from './tokens.ts';
import { normaliseEmail } from './commands.ts';
import { organisationForEmail } from './sso.ts';
import { linkPersonInTx } from './people.ts';

export interface InvitationInput {
  email: string;
  displayName: string;
  role: string;
  project?: string;
  organisation?: string;
  /** The person record the accepted account is linked to (checked: a person of this programme). */
  personId?: string;
}

export type InvitationFieldErrors = Partial<Record<'email' | 'displayName' | 'role' | 'project' | 'organisation', string>>;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

/** Checks the form; returns message keys per field. */
export function validateInvitation(input: InvitationInput, mappedOrganisation = false): InvitationFieldErrors {
  const errors: InvitationFieldErrors = {};
  if (!EMAIL.test(normaliseEmail(input.email))) errors.email = 'field.email';
  if (!input.displayName.trim()) errors.displayName = 'field.required';
  else if (input.displayName.length > LIMITS.name) errors.displayName = 'field.tooLong';
  if (!(ROLES as readonly string[]).includes(input.role)) errors.role = 'field.required';
  if (input.role === 'lead' && !input.project) errors.project = 'field.required';
  if (input.role === 'partner' && !input.organisation && !mappedOrganisation) errors.organisation = 'field.required';
  return errors;
}

export type CreateInvitationResult =
  | { ok: true; token: string; invitationId: string }
  | { ok: false; status: 400 | 404; errors: InvitationFieldErrors };

export async function createInvitation(db: Db, actor: Actor, programmeId: string, input: InvitationInput): Promise<CreateInvitationResult> {
  if (!can(actor, 'programme.manage')) return { ok: false, status: 404, errors: {} };
  // A partner without an organisation gets the one the SSO settings map their e-mail domain to.
  const mapped = input.role === 'partner' && !input.organisation ? await organisationForEmail(db, programmeId, normaliseEmail(input.email)) : null;
  const errors = validateInvitation(input, mapped !== null);
  // Only an administrator makes another administrator.
  if (!errors.role && input.role === 'admin' && !can(actor, 'users.manage')) errors.role = 'accounts.invite.adminOnly';
  let projectId: string | null = null;
  let organisationId: string | null = mapped;
  if (!errors.project && input.role === 'lead') {
    const [project] = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.programmeId, programmeId), eq(projects.code, input.project!)));
    if (project) projectId = project.id;
    else errors.project = 'accounts.invite.unknownProject';
  }
  if (!errors.organisation && input.role === 'partner' && input.organisation) {
    const [organisation] = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.programmeId, programmeId), eq(organisations.slug, input.organisation!)));
    if (organisation) organisationId = organisation.id;
    else errors.organisation = 'accounts.invite.unknownOrganisation';
  }
  if (input.personId) {
    const [person] = await db.select({ id: people.id }).from(people).where(and(eq(people.id, input.personId), eq(people.programmeId, programmeId)));
    if (!person) return { ok: false, status: 404, errors: {} };
  }
  if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
  const token = newToken();
  const email = normaliseEmail(input.email);
  const invitationId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invitations)
      .values({
        programmeId,
        tokenHash: hashToken(token),
        email,
        displayName: input.displayName.trim(),
        role: input.role as Role,
        projectId,
        organisationId,
        personId: input.personId ?? null,
        invitedByUserId: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .returning({ id: invitations.id });
    await recordAudit(tx, { actor, programmeId, action: 'invitation.create', objectType: 'invitation', objectId: row!.id, after: { role: input.role, projectId, organisationId, personId: input.personId ?? null } });
    return row!.id;
  });
  return { ok: true, token, invitationId };
}

export interface OpenInvitation {
  id: string;
  programmeId: string;
  programmeSlug: string;
  programmeName: { nl?: string; en?: string };
  email: string;
  displayName: string;
  role: Role;
  projectId: string | null;
  organisationId: string | null;
  personId: string | null;
  existingUserId: string | null;
}

export async function findInvitation(db: Db, token: string): Promise<OpenInvitation | null> {
  if (!isTokenShape(token)) return null;
  return findInvitationByHash(db, hashToken(token));
}

/** Why a link no longer works, for a page that says so plainly. */
export async function deadInvitationReason(db: Db, token: string): Promise<'revoked' | 'used' | 'expired' | 'unknown'> {
  if (!isTokenShape(token)) return 'unknown';
  const [row] = await db.select({ acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt }).from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return 'unknown';
  return row.revokedAt ? 'revoked' : row.acceptedAt ? 'used' : 'expired';
}

export async function findInvitationByHash(db: Db, tokenHash: string): Promise<OpenInvitation | null> {
  const [row] = await db
    .select({
      id: invitations.id,
      programmeId: invitations.programmeId,
      programmeSlug: programmes.slug,
      programmeName: programmes.name,
      email: invitations.email,
      displayName: invitations.displayName,
      role: invitations.role,
      projectId: invitations.projectId,
      organisationId: invitations.organisationId,
      personId: invitations.personId,
    })
    .from(invitations)
    .innerJoin(programmes, eq(programmes.id, invitations.programmeId))
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
  if (!row) return null;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.email));
  return { ...row, existingUserId: user?.id ?? null };
}

export type AcceptResult = { ok: true; userId: string; role: Role } | { ok: false; reason: 'invalid' } | { ok: false; reason: PasswordProblem };

/** A single sign-on identity that the provider verified (see sso.ts). */
export interface LinkedIdentity {
  issuer: string;
  subject: string;
}

/**
 * Accepts once: a new account needs a password that passes the rules, or a single sign-on identity
 * to link; an existing account gains the role (and the identity, when one is given).
 */
export async function acceptInvitation(db: Db, token: string, password: string | null, origin?: string): Promise<AcceptResult> {
  if (!isTokenShape(token)) return { ok: false, reason: 'invalid' };
  return acceptInvitationByHash(db, hashToken(token), { password }, origin);
}

export async function acceptInvitationByHash(db: Db, tokenHash: string, credential: { password: string | null } | { identity: LinkedIdentity }, origin?: string): Promise<AcceptResult> {
  const invitation = await findInvitationByHash(db, tokenHash);
  if (!invitation) return { ok: false, reason: 'invalid' };
  const identity = 'identity' in credential ? credential.identity : null;
  const password = 'password' in credential ? credential.password : null;
  let passwordHash: string | null = null;
  if (!invitation.existingUserId && !identity) {
    const problem = passwordProblem(password ?? '', { email: invitation.email, name: invitation.displayName });
    if (problem) return { ok: false, reason: problem };
    passwordHash = await hashPassword(password!);
  }
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) return { ok: false as const, reason: 'invalid' as const };
    let userId = invitation.existingUserId;
    if (!userId) {
      const [user] = await tx.insert(users).values({ email: invitation.email, displayName: invitation.displayName, passwordHash }).returning({ id: users.id });
      userId = user!.id;
    }
    await tx.update(invitations).set({ acceptedUserId: userId }).where(eq(invitations.id, invitation.id));
    if (identity) {
      await tx.insert(ssoIdentities).values({ userId, issuer: identity.issuer, subject: identity.subject }).onConflictDoNothing();
      await recordAudit(tx, { actor: { userId, displayName: invitation.displayName }, programmeId: invitation.programmeId, action: 'user.sso_link', objectType: 'user', objectId: userId, after: { issuer: identity.issuer, by: 'invitation' } });
    }
    const [assignment] = await tx
      .insert(roleAssignments)
      .values({ programmeId: invitation.programmeId, userId, role: invitation.role, projectId: invitation.projectId, organisationId: invitation.organisationId })
      .returning({ id: roleAssignments.id });
    const actor = { userId, displayName: invitation.displayName };
    await recordAudit(tx, { actor, programmeId: invitation.programmeId, action: 'invitation.accept', objectType: 'invitation', objectId: invitation.id, origin });
    await recordAudit(tx, { actor, programmeId: invitation.programmeId, action: 'role.grant', objectType: 'role_assignment', objectId: assignment!.id, after: { role: invitation.role } });
    // The person the coordinator invited (a body member, a project's contact) is now this account.
    if (invitation.personId) await linkPersonInTx(tx, { actor, programmeId: invitation.programmeId, personId: invitation.personId, userId, role: null, projectId: null });
    return { ok: true as const, userId, role: invitation.role };
  });
}

/** The projects and organisations the invitation form offers, in their order of code and name. */
export async function inviteChoices(db: Db, programmeId: string) {
  const [projectRows, organisationRows] = await Promise.all([
    db.select({ code: projects.code, title: projects.title }).from(projects).where(eq(projects.programmeId, programmeId)).orderBy(asc(projects.position), asc(projects.code)),
    db.select({ slug: organisations.slug, name: organisations.name }).from(organisations).where(eq(organisations.programmeId, programmeId)).orderBy(asc(organisations.slug)),
  ]);
  return { projects: projectRows, organisations: organisationRows };
}

export async function listInvitations(db: Db, programmeId: string) {
  return db
    .select({ id: invitations.id, email: invitations.email, displayName: invitations.displayName, role: invitations.role, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(eq(invitations.programmeId, programmeId))
    .orderBy(desc(invitations.createdAt))
    .limit(50);
}

export async function revokeInvitation(db: Db, actor: Actor, programmeId: string, invitationId: string): Promise<boolean> {
  if (!can(actor, 'programme.manage')) return false;
  if (!/^[0-9a-f-]{36}$/.test(invitationId)) return false;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.programmeId, programmeId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (rows.length === 0) return false;
    await recordAudit(tx, { actor, programmeId, action: 'invitation.revoke', objectType: 'invitation', objectId: invitationId });
    return true;
  });
}
