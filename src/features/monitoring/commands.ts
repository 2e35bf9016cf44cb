// Writes of monitoring: each takes parsed input (schema.ts), checks permission itself (policy.ts),
// refuses per field as an Outcome and writes its audit row in the same transaction.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { writeTransaction } from '../../db/transaction.ts';
import type { Actor } from '../../domain/policy.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { done, refusedField, type Outcome } from '../../domain/outcome.ts';
import { authorize } from '../../policies.ts';
import { isoToday, periodOf, previousPeriod } from './periods.ts';
import type { ReportingProject, TargetRef } from './policy.ts';
import type { MeasurementInput, ReportInput } from './schema.ts';
import { measurements, progressReports } from './tables.ts';
import { now } from '../../clock.ts';

/** Nothing was measured before the programmes this application serves. */
const EARLIEST_MEASUREMENT = '1990-01-01';

interface Base {
  actor: Actor | null;
  db: Db;
}

export async function addMeasurement(input: Base & { target: TargetRef & { id: string }; measurement: MeasurementInput; today?: string }): Promise<Outcome<typeof measurements.$inferSelect>> {
  authorize(input.actor, 'measurement.record', input.target);
  const actor = input.actor!;
  const { measuredOn, value, source } = input.measurement;
  if (measuredOn > (input.today ?? isoToday())) return refusedField('measuredOn', 'monitoring.error.future');
  if (measuredOn < EARLIEST_MEASUREMENT) return refusedField('measuredOn', 'monitoring.error.date');
  return writeTransaction(input.db, async (tx) => {
    const [row] = await tx
      .insert(measurements)
      .values({ programmeId: input.target.programmeId, targetId: input.target.id, measuredOn, value, source, enteredByUserId: actor.userId, enteredByName: actor.displayName })
      .returning();
    await recordAudit(tx, { actor, programmeId: input.target.programmeId, action: 'measurement.add', objectType: 'measurement', objectId: row!.id, after: row });
    return done(row!);
  });
}

/** The narrative as stored: each language trimmed, an empty one left out. */
function narrativeOf(text: LocalizedText): LocalizedText {
  const out: LocalizedText = {};
  for (const locale of ['nl', 'en'] as const) {
    const value = text[locale]?.trim();
    if (value) out[locale] = value;
  }
  return out;
}

/**
 * Files the report for a period: the current quarter, or the one before it (a report filed just
 * after the quarter ends). Filing again for the same period replaces it (the audit keeps the old one).
 */
export async function fileReport(input: Base & { project: ReportingProject; report: ReportInput; today?: string }): Promise<Outcome<{ report: typeof progressReports.$inferSelect; replaced: boolean }>> {
  authorize(input.actor, 'report.file', input.project);
  const actor = input.actor!;
  const { period, status } = input.report;
  const current = periodOf(input.today ?? isoToday());
  if (period !== current && period !== previousPeriod(current)) return refusedField('period', 'monitoring.error.period');
  const narrative = narrativeOf(input.report.narrative);
  if (!narrative.nl && !narrative.en) return refusedField('narrative_nl', 'monitoring.error.narrative');
  return writeTransaction(input.db, async (tx) => {
    const [before] = await tx.select().from(progressReports).where(and(eq(progressReports.projectId, input.project.id), eq(progressReports.period, period)));
    const filed = { status, narrative, filedByUserId: actor.userId, filedByName: actor.displayName, filedAt: now() };
    const [row] = await tx
      .insert(progressReports)
      .values({ programmeId: input.project.programmeId, projectId: input.project.id, period, ...filed })
      .onConflictDoUpdate({ target: [progressReports.projectId, progressReports.period], set: filed })
      .returning();
    await recordAudit(tx, { actor, programmeId: input.project.programmeId, action: 'report.file', objectType: 'progress_report', objectId: row!.id, before, after: row });
    return done({ report: row!, replaced: !!before });
  });
}
