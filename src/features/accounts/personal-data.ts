// Personal data rights (GDPR art. 15, 17, 20): a user downloads everything held about them as
// JSON; an administrator erases a person. Both find the data through the database catalogue
// (every column that references users, every text and jsonb column), so a table a feature adds
// later is covered without changing this file.
import { randomBytes } from 'node:crypto';
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents, people, roleAssignments, sessions, users, loginFailures } from '../../db/schema.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Actor } from '../../domain/policy.ts';
import { can } from '../../policies.ts';
import { accountErasures, invitations, loginChallenges, passwordResets, recoveryCodes, ssoIdentities, totpCredentials } from './tables.ts';

/** Columns that hold secrets (hashes, tokens, TOTP seeds): named in an export, never shown. */
const SECRET_COLUMN = /hash|secret|token|csrf/i;
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Every (table, column) with a foreign key to users.id. */
async function userReferences(db: Db): Promise<{ table_name: string; column_name: string }[]> {
  return rows(
    db,
    sql`select kcu.table_name, kcu.column_name
        from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
        where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public' and ccu.table_name = 'users' and ccu.column_name = 'id'
        order by kcu.table_name, kcu.column_name`,
  );
}

/** Every text-like and jsonb column of every table in the public schema. */
export async function textColumns(db: Db): Promise<{ table_name: string; column_name: string; data_type: string }[]> {
  return rows(
    db,
    sql`select c.table_name, c.column_name, c.data_type
        from information_schema.columns c
        join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json')
        order by c.table_name, c.ordinal_position`,
  );
}

function redact(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, SECRET_COLUMN.test(key) && value !== null ? '[secret, not exported]' : value]));
}

export async function exportPersonalData(db: Db, userId: string): Promise<Record<string, unknown>> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error('no such user');
  const { passwordHash, ...account } = user;
  const related: Record<string, Record<string, unknown>[]> = {};
  for (const ref of await userReferences(db)) {
    const found = await rows<Record<string, unknown>>(db, sql`select * from ${sql.raw(quoteIdent(ref.table_name))} where ${sql.raw(quoteIdent(ref.column_name))} = ${userId} limit 1000`);
    if (found.length > 0) related[`${ref.table_name}.${ref.column_name}`] = found.map(redact);
  }
  const byEmail = {
    people: await db.select().from(people).where(eq(people.email, user.email)),
    invitations: (await db.select().from(invitations).where(eq(invitations.email, user.email))).map((r) => redact(r)),
    mails: await rows<Record<string, unknown>>(db, sql`select * from mail_outbox where lower(to_address) = ${user.email} order by created_at limit 1000`),
  };
  const activity = await db.select().from(auditEvents).where(eq(auditEvents.actorUserId, userId)).orderBy(auditEvents.at).limit(5000);
  return {
    exportedAt: new Date().toISOString(),
    account: { ...account, hasPassword: passwordHash !== null },
    related,
    byEmail,
    activity,
  };
}

/** A user's download of their own data: read and its audit row `user.personal_data_export` in one transaction. */
export async function downloadPersonalData(db: Db, actor: Pick<Actor, 'userId' | 'displayName'>): Promise<Record<string, unknown>> {
  return db.transaction(async (tx) => {
    const data = await exportPersonalData(tx, actor.userId);
    await recordAudit(tx, { actor, programmeId: null, action: 'user.personal_data_export', objectType: 'user', objectId: actor.userId });
    return data;
  });
}

export type EraseResult = { ok: true; pseudonym: string } | { ok: false; reason: 'notFound' | 'self' };

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Erases a person: the account keeps its id (so references and the audit trail still hold
 * together) but every name and e-mail address is replaced by a pseudonym, in every table; login
 * secrets, sessions and roles are removed. The audit trail is rewritten under its one narrow
 * exception (see drizzle/0012_accounts_audit_pseudonymise.sql): label and before/after only.
 */
export async function eraseUser(db: Db, actor: Actor, programmeId: string, targetUserId: string): Promise<EraseResult> {
  if (!can(actor, 'users.manage')) return { ok: false, reason: 'notFound' };
  if (!/^[0-9a-f-]{36}$/.test(targetUserId)) return { ok: false, reason: 'notFound' };
  if (targetUserId === actor.userId) return { ok: false, reason: 'self' };
  const [user] = await db.select().from(users).where(eq(users.id, targetUserId));
  if (!user) return { ok: false, reason: 'notFound' };
  const inProgramme = await db.select({ id: roleAssignments.id }).from(roleAssignments).where(and(eq(roleAssignments.userId, user.id), eq(roleAssignments.programmeId, programmeId)));
  const asPerson = await db.select({ id: people.id }).from(people).where(and(eq(people.programmeId, programmeId), or(eq(people.userId, user.id), eq(people.email, user.email))));
  if (inProgramme.length === 0 && asPerson.length === 0) return { ok: false, reason: 'notFound' };

  const pseudonym = `person-${randomBytes(4).toString('hex')}`;
  const linkedPeople = await db.select({ name: people.name, email: people.email }).from(people).where(or(eq(people.userId, user.id), eq(people.email, user.email)));
  const terms = [user.displayName, user.email, ...linkedPeople.flatMap((p) => [p.name, p.email ?? ''])]
    .map((term) => term.trim())
    .filter((term, i, all) => term.length >= 3 && all.findIndex((other) => other.toLowerCase() === term.toLowerCase()) === i)
    // Longest first: the e-mail address before a name that may be part of it.
    .sort((a, b) => b.length - a.length);

  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('kennisstad.pseudonymise', 'on', true)`);
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await tx.delete(loginChallenges).where(eq(loginChallenges.userId, user.id));
    await tx.delete(totpCredentials).where(eq(totpCredentials.userId, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    // The provider's subject identifies the person there: the link goes too.
    await tx.delete(ssoIdentities).where(eq(ssoIdentities.userId, user.id));
    await tx.delete(passwordResets).where(eq(passwordResets.userId, user.id));
    await tx.delete(roleAssignments).where(eq(roleAssignments.userId, user.id));
    await tx.delete(loginFailures).where(eq(loginFailures.key, `account:${user.email}`));
    await tx.update(people).set({ name: pseudonym, email: null }).where(or(eq(people.userId, user.id), eq(people.email, user.email)));
    await tx.update(invitations).set({ email: `${pseudonym}@erased.invalid`, displayName: pseudonym }).where(eq(invitations.email, user.email));
    await tx.update(users).set({ email: `${pseudonym}@erased.invalid`, displayName: pseudonym, passwordHash: null, disabledAt: new Date() }).where(eq(users.id, user.id));
    // Everything else: any text or jsonb column anywhere that still names the person.
    for (const column of await textColumns(tx)) {
      const table = sql.raw(quoteIdent(column.table_name));
      const col = sql.raw(quoteIdent(column.column_name));
      const isJson = column.data_type === 'jsonb' || column.data_type === 'json';
      for (const term of terms) {
        const needle = isJson ? JSON.stringify(term).slice(1, -1) : term;
        const pattern = escapeRegex(needle);
        if (isJson) {
          await tx.execute(sql`update ${table} set ${col} = regexp_replace(${col}::text, ${pattern}, ${pseudonym}, 'gi')::${sql.raw(column.data_type)} where ${col}::text ~* ${pattern}`);
        } else {
          await tx.execute(sql`update ${table} set ${col} = regexp_replace(${col}, ${pattern}, ${pseudonym}, 'gi') where ${col} ~* ${pattern}`);
        }
      }
    }
    await tx.insert(accountErasures).values({ userId: user.id, pseudonym, erasedByUserId: actor.userId });
    await recordAudit(tx, { actor, programmeId, action: 'user.erase', objectType: 'user', objectId: user.id, after: { pseudonym } });
  });
  return { ok: true, pseudonym };
}

/** The people an administrator may erase in a programme: those with a role in it. */
export async function erasableUsers(db: Db, programmeId: string) {
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName, email: users.email })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(eq(roleAssignments.programmeId, programmeId))
    .orderBy(users.displayName)
    .limit(500);
}
