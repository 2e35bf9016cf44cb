// Decisions that carry weight: admitting a project and adopting an annual agenda rest on a decision
// of the executive level, taken at a meeting that was held, adopted and in force (confirmed by a
// member who attended, not withdrawn). The date such an act shows is that meeting's.
//
// "Held" is read on the programme's clock (src/clock.ts): the meeting has started and was not
// cancelled — the same condition under which its decisions can be recorded at all.
import { and, desc, eq, lte, ne } from 'drizzle-orm';
import { now } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { bodies } from '../../db/schema.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { decisionInForce } from './queries.ts';
import { decisions, meetings } from './tables.ts';

export interface BackingDecision {
  id: string;
  text: LocalizedText;
  meetingId: string;
  startsAt: Date;
  /** The meeting's date in Amsterdam (YYYY-MM-DD): the date the act shows. */
  meetingDate: string;
}

/** The condition on decisions joined to their meeting and body. */
const backsExecutiveAct = (programmeId: string) =>
  and(
    eq(decisions.programmeId, programmeId),
    eq(bodies.programmeId, programmeId),
    eq(bodies.kind, 'executive'),
    eq(decisions.outcome, 'adopted'),
    decisionInForce(),
    ne(meetings.state, 'cancelled'),
    lte(meetings.startsAt, now()),
  );

function query(db: Db) {
  return db
    .select({ id: decisions.id, text: decisions.text, meetingId: meetings.id, startsAt: meetings.startsAt })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId));
}

const withDate = (row: Omit<BackingDecision, 'meetingDate'>): BackingDecision => ({ ...row, meetingDate: toAmsterdam(row.startsAt).date });

/** The decisions a form offers, newest meeting first. */
export async function backingDecisions(db: Db, programmeId: string, limit = 100): Promise<BackingDecision[]> {
  const rows = await query(db)
    .where(backsExecutiveAct(programmeId))
    .orderBy(desc(meetings.startsAt), desc(decisions.createdAt))
    .limit(limit);
  return rows.map(withDate);
}

/** The chosen decision when it may back the act; null when it may not (or does not exist). */
export async function findBackingDecision(db: Db, programmeId: string, decisionId: string | undefined | null): Promise<BackingDecision | null> {
  if (!decisionId) return null;
  const [row] = await query(db).where(and(eq(decisions.id, decisionId), backsExecutiveAct(programmeId)));
  return row ? withDate(row) : null;
}
