// Example members: the agreement names its four signatories but not who sits in the steering group.
// The signatories are seated in the executive level as an example (flagged, labelled "voorbeeld /
// example") so a new installation has a body to try; the coordinator replaces them. The support
// level and the coordinator start empty.
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
    await tx.insert(bodyMemberships).values({ programmeId: context.programmeId, bodyId: executive.id, personId: person!.id, organisationId, position: 'member', startsOn: signedOn, example: true });
  }
});
