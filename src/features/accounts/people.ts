// People and accounts are one: a person record (a steering-group member, a project's contact) is
// linked to the account that acts for them, so meeting invitations reach them and the body's
// rules know them. The coordinator links an existing account, or invites the person by e-mail
// (the invitation links the person when it is accepted). The role that comes with it follows
// from where the person sits: the body's level (executive, support, coordinator) or the lead of
// the project they are the contact of.
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bodies, people, projects, roleAssignments, users, type Role } from '../../db/schema.ts';
import { recordAudit } from '../../db/audit.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { done, refusedField, type Outcome } from '../../domain/outcome.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize } from '../../policies.ts';
import { bodyMemberships } from '../meetings/tables.ts';
import { invitations } from './tables.ts';

/** A role the person's records call for, e.g. "executive" or "lead:1a". */
export interface Grant {
  key: string;
  role: Role;
  projectId: string | null;
  projectCode: string | null;
  /** What it rests on: the body's or the project's name. */
  because: LocalizedText;
}

export interface PersonAccount {
  id: string;
  name: string;
  email: string | null;
  user: { id: string; displayName: string; email: string; disabled: boolean } | null;
  grants: Grant[];
}

/** The person with their linked account and the roles their seats and projects call for; null when not in the programme. */
export async function personAccount(db: Db, programmeId: string, personId: string): Promise<PersonAccount | null> {
  const [row] = await db
    .select({ id: people.id, name: people.name, email: people.email, userId: users.id, displayName: users.displayName, userEmail: users.email, disabledAt: users.disabledAt })
    .from(people)
    .leftJoin(users, eq(users.id, people.userId))
    .where(and(eq(people.id, personId), eq(people.programmeId, programmeId)));
  if (!row) return null;
  const seats = await db
    .selectDistinct({ kind: bodies.kind, name: bodies.name })
    .from(bodyMemberships)
    .innerJoin(bodies, eq(bodies.id, bodyMemberships.bodyId))
    .where(and(eq(bodyMemberships.personId, personId), isNull(bodyMemberships.endsOn)));
  const contacts = await db
    .select({ id: projects.id, code: projects.code, title: projects.title })
    .from(projects)
    .where(and(eq(projects.contactPersonId, personId), eq(projects.programmeId, programmeId)))
    .orderBy(asc(projects.code));
  const grants: Grant[] = [
    ...seats.map((seat) => ({ key: seat.kind, role: seat.kind as Role, projectId: null, projectCode: null, because: seat.name })),
    ...contacts.map((project) => ({ key: `lead:${project.code}`, role: 'lead' as const, projectId: project.id, projectCode: project.code, because: project.title })),
  ];
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    user: row.userId ? { id: row.userId, displayName: row.displayName!, email: row.userEmail!, disabled: !!row.disabledAt } : null,
    grants,
  };
}

/** Accounts a coordinator may link: those that already hold a role in this programme. */
export async function linkableAccounts(db: Db, programmeId: string) {
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(roleAssignments.programmeId, programmeId), isNull(users.disabledAt)))
    .orderBy(asc(users.displayName), asc(users.email));
}

/**
 * Inside a transaction: link the person to the account and give it the grant's role, unless the
 * account holds that role already. Used by linking and by an accepted invitation.
 */
export async function linkPersonInTx(tx: Db, input: { actor: Actor | { userId: string; displayName: string }; programmeId: string; personId: string; userId: string; role: Role | null; projectId: string | null }) {
  const linked = await tx
    .update(people)
    .set({ userId: input.userId })
    .where(and(eq(people.id, input.personId), eq(people.programmeId, input.programmeId)))
    .returning({ id: people.id });
  if (linked.length === 0) return false;
  if (input.role) {
    const [held] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.programmeId, input.programmeId),
          eq(roleAssignments.userId, input.userId),
          eq(roleAssignments.role, input.role),
          input.projectId ? eq(roleAssignments.projectId, input.projectId) : sql`true`,
        ),
      );
    if (!held) {
      const [assignment] = await tx.insert(roleAssignments).values({ programmeId: input.programmeId, userId: input.userId, role: input.role, projectId: input.projectId }).returning({ id: roleAssignments.id });
      await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'role.grant', objectType: 'role_assignment', objectId: assignment!.id, after: { role: input.role, projectId: input.projectId } });
    }
  }
  await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'person.link', objectType: 'person', objectId: input.personId, after: { userId: input.userId, role: input.role } });
  return true;
}

/** The coordinator links a person to an existing account with a role their records call for. */
export async function linkPerson(input: { actor: Actor | null; db: Db; programmeId: string; personId: string; userId: string; grant: string }): Promise<Outcome<{ id: string }> | null> {
  authorize(input.actor, 'person.link');
  const person = await personAccount(input.db, input.programmeId, input.personId);
  if (!person) return null;
  const grant = person.grants.find((g) => g.key === input.grant);
  if (person.grants.length > 0 && !grant) return refusedField('grant', 'people.error.grant');
  const account = (await linkableAccounts(input.db, input.programmeId)).find((a) => a.id === input.userId);
  if (!account) return refusedField('user', 'people.error.account');
  await input.db.transaction((tx) =>
    linkPersonInTx(tx, { actor: input.actor!, programmeId: input.programmeId, personId: person.id, userId: account.id, role: grant?.role ?? null, projectId: grant?.projectId ?? null }),
  );
  return done({ id: person.id });
}

/** The coordinator ends the link (the account keeps its roles; the person is no longer invited as that account). */
export async function unlinkPerson(input: { actor: Actor | null; db: Db; programmeId: string; personId: string }): Promise<boolean> {
  authorize(input.actor, 'person.link');
  return input.db.transaction(async (tx) => {
    const rows = await tx
      .update(people)
      .set({ userId: null })
      .where(and(eq(people.id, input.personId), eq(people.programmeId, input.programmeId)))
      .returning({ id: people.id });
    if (rows.length === 0) return false;
    await recordAudit(tx, { actor: input.actor!, programmeId: input.programmeId, action: 'person.unlink', objectType: 'person', objectId: input.personId });
    return true;
  });
}

/** The newest invitation to this person that can still be accepted, if any. */
export async function openInvitationFor(db: Db, personId: string) {
  const [row] = await db
    .select({ email: invitations.email, expiresAt: invitations.expiresAt, role: invitations.role })
    .from(invitations)
    .where(and(eq(invitations.personId, personId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.createdAt))
    .limit(1);
  return row ?? null;
}
