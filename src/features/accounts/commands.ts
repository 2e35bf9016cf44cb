// Writes on accounts: creating users and giving them roles. Used by the CLI and by tests.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisations, programmes, projects, roleAssignments, users, type Role } from '../../db/schema.ts';
import { recordAudit } from '../../db/audit.ts';
import { hashPassword } from './passwords.ts';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy.ts';

export { MIN_PASSWORD_LENGTH };

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  locale?: 'nl' | 'en';
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(db: Db, input: NewUser): Promise<{ id: string }> {
  const problem = passwordProblem(input.password, { email: input.email, name: input.displayName });
  if (problem === 'tooShort') throw new Error(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (problem) throw new Error(`The password is not acceptable (${problem}).`);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: normaliseEmail(input.email), displayName: input.displayName.trim(), passwordHash, locale: input.locale ?? 'nl' })
      .returning({ id: users.id });
    await recordAudit(tx, { actor: null, programmeId: null, action: 'user.create', objectType: 'user', objectId: user!.id, after: { email: normaliseEmail(input.email) } });
    return user!;
  });
}

export interface RoleGrant {
  userId: string;
  programmeSlug: string;
  role: Role;
  /** Project code, for a lead. */
  project?: string;
  /** Organisation slug, for a partner member. */
  organisation?: string;
}

export async function grantRole(db: Db, grant: RoleGrant): Promise<void> {
  await db.transaction(async (tx) => {
    const [programme] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, grant.programmeSlug));
    if (!programme) throw new Error(`No programme "${grant.programmeSlug}"`);
    let projectId: string | null = null;
    let organisationId: string | null = null;
    if (grant.role === 'lead') {
      const [project] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.programmeId, programme.id), eq(projects.code, grant.project ?? '')));
      if (!project) throw new Error(`A lead needs an existing project code (got "${grant.project ?? ''}")`);
      projectId = project.id;
    }
    if (grant.role === 'partner') {
      const [organisation] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.programmeId, programme.id), eq(organisations.slug, grant.organisation ?? '')));
      if (!organisation) throw new Error(`A partner member needs an existing organisation (got "${grant.organisation ?? ''}")`);
      organisationId = organisation.id;
    }
    const [row] = await tx.insert(roleAssignments).values({ programmeId: programme.id, userId: grant.userId, role: grant.role, projectId, organisationId }).returning();
    await recordAudit(tx, { actor: null, programmeId: programme.id, action: 'role.grant', objectType: 'role_assignment', objectId: row!.id, after: row });
  });
}
