// The signed 2017 text becomes version 1 of the consolidated agreement.
import { eq } from 'drizzle-orm';
import { agreements } from '../../db/schema.ts';
import { registerSeedExtension } from '../../seed/load.ts';
import { ensureFirstVersion } from './commands.ts';

registerSeedExtension('agreement', async (tx, context) => {
  const rows = await tx.select().from(agreements).where(eq(agreements.programmeId, context.programmeId));
  for (const agreement of rows) await ensureFirstVersion(tx, agreement);
});
