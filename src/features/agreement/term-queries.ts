// The programme's term, from one place: every page, export and API answer that names the end date
// reads it here. With an agreement the term is the agreement's ("in force from the date of
// signing, for five years, renewable by five years each time": signedOn + term + adopted
// renewals, src/domain/term.ts); a programme without one keeps the period it was created with.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agreements, programmes } from '../../db/schema.ts';
import { endDate } from '../../domain/term.ts';
import { programmeStage, type ProgrammeStage } from '../../domain/lifecycle.ts';

export interface ProgrammeTerm {
  startOn: string;
  /** The last day in force. */
  endOn: string;
  /** Adopted renewals (0 without an agreement). */
  renewals: number;
  /** Whether the dates are the agreement's (else the programme's own period). */
  fromAgreement: boolean;
}

/** The term of each of several programmes (one query), by programme id. */
export async function programmeTerms(db: Db, programmeIds: readonly string[]): Promise<Map<string, ProgrammeTerm>> {
  const terms = new Map<string, ProgrammeTerm>();
  if (programmeIds.length === 0) return terms;
  const rows = await db
    .select({ id: programmes.id, periodStart: programmes.periodStart, periodEnd: programmes.periodEnd, agreement: agreements })
    .from(programmes)
    .leftJoin(agreements, eq(agreements.programmeId, programmes.id))
    .where(inArray(programmes.id, [...programmeIds]))
    .orderBy(asc(agreements.createdAt));
  for (const row of rows) {
    if (terms.has(row.id)) continue; // the first agreement of a programme is its agreement
    terms.set(
      row.id,
      row.agreement
        ? { startOn: row.agreement.signedOn, endOn: endDate(row.agreement), renewals: row.agreement.renewals, fromAgreement: true }
        : { startOn: row.periodStart, endOn: row.periodEnd, renewals: 0, fromAgreement: false },
    );
  }
  return terms;
}

export async function programmeTerm(db: Db, programmeId: string): Promise<ProgrammeTerm> {
  const term = (await programmeTerms(db, [programmeId])).get(programmeId);
  if (!term) throw new Error(`No programme ${programmeId}`);
  return term;
}

/** Each programme's stage on `today` (src/domain/lifecycle.ts), by programme id. */
export async function programmeStages(db: Db, programmeIds: readonly string[], today: string): Promise<Map<string, ProgrammeStage>> {
  const terms = await programmeTerms(db, programmeIds);
  return new Map([...terms].map(([id, term]) => [id, programmeStage(term, today)]));
}
