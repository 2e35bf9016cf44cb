// A held meeting with a confirmed decision, for tests whose subject is what rests on a decision
// (an award, an admission, an adoption) rather than how the decision is recorded: the four-eyes
// path itself is tested in the meetings capability and the governance browser test.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { bodies, type BodyKind } from '../../src/db/schema.ts';
import { decisions, meetings } from '../../src/features/meetings/tables.ts';

export interface HeldDecision {
  meetingId: string;
  decisionId: string;
}

export async function heldDecision(
  db: Db,
  spec: { programmeId: string; kind?: BodyKind; startsAt?: string; text?: { nl: string; en: string }; confirmed?: boolean },
): Promise<HeldDecision> {
  const [body] = await db.select({ id: bodies.id }).from(bodies).where(and(eq(bodies.programmeId, spec.programmeId), eq(bodies.kind, spec.kind ?? 'executive')));
  if (!body) throw new Error(`no ${spec.kind ?? 'executive'} body in programme ${spec.programmeId}`);
  const start = new Date(spec.startsAt ?? '2018-01-15T12:00:00Z');
  const [meeting] = await db.insert(meetings).values({ programmeId: spec.programmeId, bodyId: body.id, startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), state: 'held' }).returning({ id: meetings.id });
  const confirmation = spec.confirmed === false ? {} : { confirmedAt: new Date(start.getTime() + 7_200_000), confirmedByName: 'Voorzitter' };
  const text = spec.text ?? { nl: 'Besluit over het kennisfonds', en: 'Decision on the knowledge fund' };
  const [decision] = await db.insert(decisions).values({ programmeId: spec.programmeId, meetingId: meeting!.id, text, outcome: 'adopted', ...confirmation }).returning({ id: decisions.id });
  return { meetingId: meeting!.id, decisionId: decision!.id };
}
