// The one write of the open-data capability: the licence the programme publishes its data under.
// Checks permission itself; the change and its audit row commit together, and every page cache
// (the open-data page states the licence) is emptied on commit.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { programmes } from '../../db/schema.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { done, type Outcome } from '../../domain/outcome.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize } from '../../policies.ts';
import { notFound } from '../../web/http.ts';
import { notifyChange } from '../website/cache.ts';
import type { LicenceId } from './licences.ts';

export async function saveLicence(input: { actor: Actor | null; db: Db; programmeId: string; licence: LicenceId }): Promise<Outcome<{ licence: LicenceId }>> {
  authorize(input.actor, 'openData.licence');
  return writeTransaction(input.db, async (tx) => {
    const [before] = await tx.select({ licence: programmes.openDataLicence }).from(programmes).where(eq(programmes.id, input.programmeId)).for('update');
    if (!before) throw notFound();
    if (before.licence !== input.licence) {
      await tx.update(programmes).set({ openDataLicence: input.licence }).where(eq(programmes.id, input.programmeId));
      await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'programme.openDataLicence', objectType: 'programme', objectId: input.programmeId, before, after: { licence: input.licence } });
      await notifyChange(tx, 'open_data');
    }
    return done({ licence: input.licence });
  });
}
