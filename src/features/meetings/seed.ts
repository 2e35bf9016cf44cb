// Default members: the agreement names only its four signatories, who sit in the executive
// steering group from the day of signing. The support level and the coordinator are not named
// in the text, so they start empty and the coordinator adds them.
import { and, eq } from 'drizzle-orm';
import { bodies, people } from '../../db/schema.ts';
import { registerSeedExtension } from '../../seed/load.ts';
import { bodyMemberships } from './tables.ts';

registerSeedExtension('meetings:members', async (tx, context) => {
  const [executive] = await tx.select({ id: bodies.id }).from(bodies).where(and(eq(bodies.programmeId, context.programmeId), eq(bodies.kind, 'executive')));
  if (!executive) return;
  const { parties, signedOn } = context.seed.agreement;
  for (const party of parties) {
    const organisationId = context.organisationId(party.organisation);
    const [person] = await tx
      .insert(people)
      .values({ programmeId: context.programmeId, name: party.signatoryName, organisationId, position: party.signatoryTitle })
      .returning({ id: people.id });
    await tx.insert(bodyMemberships).values({ programmeId: context.programmeId, bodyId: executive.id, personId: person!.id, organisationId, position: 'member', startsOn: signedOn });
  }
});
