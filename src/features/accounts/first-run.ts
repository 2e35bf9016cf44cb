// First run: with no administrator yet, the first visit offers to create one, protected by a
// setup code that the server prints when it starts (as Ghost, Discourse and Grafana do), so no one
// has to stop the server to use the command line. The code is derived from the installation's
// secret key, so every instance on one database prints the same one; it opens nothing once an
// administrator exists.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { programmes, roleAssignments, users } from '../../db/schema.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { done, refusedField, type Outcome } from '../../domain/outcome.ts';
import { normaliseEmail } from './commands.ts';
import { hashPassword } from './passwords.ts';
import { passwordProblem } from './password-policy.ts';
import { secretKeyFor } from './secret-box.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The installation's setup code: 12 letters and digits in groups of four (60 bits). */
export function setupCode(config: Config): string {
  const digest = createHmac('sha256', secretKeyFor(config)).update('kennisstad first-run setup').digest();
  const letters = [...digest.subarray(0, 12)].map((byte) => BASE32[byte % 32]).join('');
  return letters.match(/.{4}/g)!.join('-');
}

/** As typed: case, spaces and dashes do not matter. */
function sameCode(typed: string, expected: string): boolean {
  const clean = (code: string) => Buffer.from(code.toUpperCase().replace(/[\s-]/g, ''));
  const a = clean(typed);
  const b = clean(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function hasAdministrator(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: roleAssignments.id }).from(roleAssignments).where(eq(roleAssignments.role, 'admin')).limit(1);
  return !!row;
}

export interface FirstAdministrator {
  code: string;
  displayName: string;
  email: string;
  password: string;
}

/**
 * Creates the first administrator, with the administrator role in every programme, if the code is
 * right and there is still none (two people racing get one administrator: the second is refused).
 */
export async function createFirstAdministrator(db: Db, config: Config, input: FirstAdministrator): Promise<Outcome<{ userId: string }>> {
  if (!sameCode(input.code, setupCode(config))) return refusedField('code', 'accounts.setup.wrongCode');
  const email = normaliseEmail(input.email);
  const problem = passwordProblem(input.password, { email, name: input.displayName });
  if (problem) return refusedField('password', `accounts.password.${problem}`);
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(db, async (tx) => {
    // One set-up at a time, on every instance: the check below then sees the other's administrator.
    await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
    if (await hasAdministrator(tx)) return refusedField('code', 'accounts.setup.closed');
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken) return refusedField('email', 'accounts.setup.emailTaken');
    const [user] = await tx.insert(users).values({ email, displayName: input.displayName, passwordHash, locale: 'nl' }).returning({ id: users.id });
    const actor = { userId: user!.id, displayName: input.displayName };
    await recordAudit(tx, { actor, programmeId: null, action: 'user.create', objectType: 'user', objectId: user!.id, after: { email, via: 'first-run setup' } });
    for (const programme of await tx.select({ id: programmes.id }).from(programmes)) {
      const [row] = await tx.insert(roleAssignments).values({ programmeId: programme.id, userId: user!.id, role: 'admin' }).returning();
      await recordAudit(tx, { actor, programmeId: programme.id, action: 'role.grant', objectType: 'role_assignment', objectId: row!.id, after: row });
    }
    return done({ userId: user!.id });
  });
}
