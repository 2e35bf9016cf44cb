// Default data: the agreement's joint "kennisfonds", empty until the parties contribute.
import { registerSeedExtension } from '../../seed/load.ts';
import { fundBalances, funds } from './tables.ts';

registerSeedExtension('fund', async (tx, { programmeId }) => {
  const [fund] = await tx
    .insert(funds)
    .values({ programmeId, kind: 'joint', organisationId: null, name: { nl: 'Kennisfonds', en: 'Knowledge fund' } })
    .returning({ id: funds.id });
  await tx.insert(fundBalances).values({ fundId: fund!.id, programmeId });
});
