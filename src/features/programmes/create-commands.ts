// Creating a programme from the interface: the form's draft becomes a programme file and is
// stored by `programme import`'s own code (src/seed/import.ts), so its checks and problems are the
// file's; the creator becomes the new programme's administrator, in the same transaction, so they
// can appoint its coordinator through the existing invitation screens.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { programmes, roleAssignments } from '../../db/schema.ts';
import type { Actor } from '../../domain/policy.ts';
import { FORM_ERROR, refused, done, type FieldErrors, type Outcome } from '../../domain/outcome.ts';
import { authorize } from '../../policies.ts';
import { importProgramme } from '../../seed/import.ts';
import { programmeFileText } from '../../seed/programme-file.ts';
import { checkDraft, fieldOfPlace, type ProgrammeDraft } from './create-form.ts';

/** Thrown inside the transaction to roll the programme back when the file reports problems. */
class Problems extends Error {
  constructor(readonly errors: FieldErrors) {
    super('programme file refused');
  }
}

export async function createProgramme(input: { db: Db; actor: Actor | null; draft: ProgrammeDraft }): Promise<Outcome<{ slug: string }>> {
  authorize(input.actor, 'programme.create');
  const actor = input.actor!;
  const checked = checkDraft(input.draft);
  if (!checked.programme) return refused(checked.errors);
  const programme = checked.programme;
  try {
    return await input.db.transaction(async (tx) => {
      const result = await importProgramme(tx, programmeFileText(programme));
      if (!result.ok) {
        const errors: FieldErrors = {};
        for (const problem of result.problems) {
          const field = fieldOfPlace(problem.place, checked.rows) ?? FORM_ERROR;
          if (errors[field]) continue;
          errors[field] = problem.place === '/programme/slug' && /exists already/.test(problem.message) ? { key: 'programmes.error.slugTaken' } : { key: 'programmes.error.file', values: { place: problem.place || '/', message: problem.message } };
        }
        throw new Problems(errors);
      }
      const [created] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, result.slug));
      const [row] = await tx.insert(roleAssignments).values({ programmeId: created!.id, userId: actor.userId, role: 'admin' }).returning();
      await recordAudit(tx, { actor, programmeId: created!.id, action: 'programme.create', objectType: 'programme', objectId: created!.id, after: { slug: result.slug, createdFrom: actor.programmeId } });
      await recordAudit(tx, { actor, programmeId: created!.id, action: 'role.grant', objectType: 'role_assignment', objectId: row!.id, after: row });
      return done({ slug: result.slug });
    });
  } catch (error) {
    if (error instanceof Problems) return refused(error.errors);
    throw error;
  }
}
