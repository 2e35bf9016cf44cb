// Writes of monitoring: each checks permission itself and writes its audit row in the same transaction.
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { AccessDenied, hasRole, leadsProject, type Actor } from '../../domain/policy.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { isIsoDate, isPeriod } from './periods.ts';
import { REPORT_STATUSES, measurements, progressReports, type ReportStatus } from './tables.ts';

/** Coordinators (and admins) for every target; a project's lead for the targets of that project. */
export function canRecordMeasurement(actor: Actor | null | undefined, target: { programmeId: string; projectId: string | null }): boolean {
  if (!actor || actor.programmeId !== target.programmeId) return false;
  return hasRole(actor, 'admin', 'coordinator') || (!!target.projectId && leadsProject(actor, target.projectId));
}

export function canFileReport(actor: Actor | null | undefined, project: { id: string; programmeId: string }): boolean {
  if (!actor || actor.programmeId !== project.programmeId) return false;
  return hasRole(actor, 'admin', 'coordinator') || leadsProject(actor, project.id);
}

/** Anyone with a role in the programme sees the deadlines: the coordinator, steering groups, leads and partners. */
export function canSeeDeadlines(actor: Actor | null | undefined, programmeId: string): boolean {
  return !!actor && actor.programmeId === programmeId && actor.assignments.length > 0;
}

export type FieldErrors = Record<string, string>;

export interface MeasurementInput {
  measuredOn: string;
  value: string;
  source: string;
}

/** Checks the form; returns message keys per field. */
export function validateMeasurement(input: MeasurementInput, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!input.measuredOn) errors.measuredOn = 'field.required';
  else if (!isIsoDate(input.measuredOn)) errors.measuredOn = 'monitoring.error.date';
  else if (input.measuredOn > today) errors.measuredOn = 'monitoring.error.future';
  else if (input.measuredOn < '1990-01-01') errors.measuredOn = 'monitoring.error.date';
  const normalised = input.value.trim().replace(/\s/g, '').replace(',', '.');
  if (!normalised) errors.value = 'field.required';
  else if (!/^-?\d{1,12}(\.\d{1,4})?$/.test(normalised)) errors.value = 'monitoring.error.number';
  if (!input.source.trim()) errors.source = 'field.required';
  else if (input.source.length > 500) errors.source = 'monitoring.error.tooLong';
  return errors;
}

export async function addMeasurement(
  db: Db,
  input: { actor: Actor; target: { id: string; programmeId: string; projectId: string | null; key: string }; measuredOn: string; value: string; source: string },
) {
  if (!canRecordMeasurement(input.actor, input.target)) throw new AccessDenied('measurement.add');
  const value = Number(input.value.trim().replace(/\s/g, '').replace(',', '.'));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(measurements)
      .values({
        programmeId: input.target.programmeId,
        targetId: input.target.id,
        measuredOn: input.measuredOn,
        value,
        source: input.source.trim(),
        enteredByUserId: input.actor.userId,
        enteredByName: input.actor.displayName,
      })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.target.programmeId, action: 'measurement.add', objectType: 'measurement', objectId: row!.id, after: row });
    return row!;
  });
}

export interface ReportInput {
  period: string;
  status: string;
  narrative_nl: string;
  narrative_en: string;
}

export function validateReport(input: ReportInput): FieldErrors {
  const errors: FieldErrors = {};
  if (!isPeriod(input.period)) errors.period = 'monitoring.error.period';
  if (!(REPORT_STATUSES as readonly string[]).includes(input.status)) errors.status = 'monitoring.error.status';
  if (!input.narrative_nl.trim() && !input.narrative_en.trim()) errors.narrative_nl = 'monitoring.error.narrative';
  if (input.narrative_nl.length > 10_000) errors.narrative_nl = 'monitoring.error.tooLong';
  if (input.narrative_en.length > 10_000) errors.narrative_en = 'monitoring.error.tooLong';
  return errors;
}

/** Files the report for a period; filing again for the same period replaces it (the audit keeps the old one). */
export async function fileReport(db: Db, input: { actor: Actor; project: { id: string; programmeId: string }; period: string; status: ReportStatus; narrative: LocalizedText }) {
  if (!canFileReport(input.actor, input.project)) throw new AccessDenied('report.file');
  return db.transaction(async (tx) => {
    const values = {
      programmeId: input.project.programmeId,
      projectId: input.project.id,
      period: input.period,
      status: input.status,
      narrative: input.narrative,
      filedByUserId: input.actor.userId,
      filedByName: input.actor.displayName,
      filedAt: new Date(),
    };
    const [row] = await tx
      .insert(progressReports)
      .values(values)
      .onConflictDoUpdate({ target: [progressReports.projectId, progressReports.period], set: { status: values.status, narrative: values.narrative, filedByUserId: values.filedByUserId, filedByName: values.filedByName, filedAt: values.filedAt } })
      .returning();
    await recordAudit(tx, { actor: input.actor, programmeId: input.project.programmeId, action: 'report.file', objectType: 'progress_report', objectId: row!.id, after: row });
    return row!;
  });
}
