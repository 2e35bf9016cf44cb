// Default data: the first annual agenda, 2017-2018, was annexed to the agreement and adopted with
// it on 7 July 2017. That adoption is recorded as a public decision of the executive steering
// group at a meeting on the day of signing, so the agenda's trail starts like any later one.
import { and, eq } from 'drizzle-orm';
import { bodies } from '../../db/schema.ts';
import { fromAmsterdam } from '../../domain/meeting-time.ts';
import { registerSeedExtension } from '../../seed/load.ts';
import { agendaItems, decisions, meetings } from '../meetings/tables.ts';
import { composeEntries } from './compose.ts';
import { annualAgendaEntries, annualAgendas } from './tables.ts';

registerSeedExtension('agenda:2017-2018', async (tx, context) => {
  const { programmeId } = context;
  const [executive] = await tx.select({ id: bodies.id }).from(bodies).where(and(eq(bodies.programmeId, programmeId), eq(bodies.kind, 'executive')));
  if (!executive) return;
  const signedOn = context.seed.agreement.signedOn;
  const [meeting] = await tx
    .insert(meetings)
    .values({
      programmeId,
      bodyId: executive.id,
      startsAt: fromAmsterdam(signedOn, '12:00')!,
      endsAt: fromAmsterdam(signedOn, '13:00')!,
      location: context.seed.agreement.signedPlace,
      state: 'held',
    })
    .returning({ id: meetings.id });
  const title = {
    nl: 'Ondertekening samenwerkingsovereenkomst en vaststelling jaaragenda 2017-2018',
    en: 'Signing of the cooperation agreement and adoption of the annual agenda 2017-2018',
  };
  const [item] = await tx.insert(agendaItems).values({ programmeId, meetingId: meeting!.id, position: 1, kind: 'decision', title }).returning({ id: agendaItems.id });
  const [decision] = await tx
    .insert(decisions)
    .values({
      programmeId,
      meetingId: meeting!.id,
      agendaItemId: item!.id,
      outcome: 'adopted',
      public: true,
      // Signed by every party: it needs no separate confirmation by a member.
      confirmedAt: fromAmsterdam(signedOn, '13:00')!,
      text: {
        nl: 'De partijen ondertekenen de samenwerkingsovereenkomst 2017-2021 en stellen de jaaragenda 2017-2018 (bijlage 1) vast.',
        en: 'The parties sign the cooperation agreement 2017-2021 and adopt the annual agenda 2017-2018 (annex 1).',
      },
    })
    .returning({ id: decisions.id });
  const [agenda] = await tx
    .insert(annualAgendas)
    .values({ programmeId, startYear: 2017, endYear: 2018, state: 'published', adoptedByDecisionId: decision!.id })
    .returning({ id: annualAgendas.id });
  const entries = await composeEntries(tx, programmeId);
  if (entries.length > 0) {
    await tx.insert(annualAgendaEntries).values(
      entries.map((entry, position) => ({ programmeId, agendaId: agenda!.id, projectId: entry.projectId, position, lead: entry.lead, staffing: entry.staffing, actions: entry.actions })),
    );
  }
});
