// Reads of the open-data capability: the programme's publication settings, the public
// measurements of its public targets, and the moment its data last changed.
import { and, asc, eq, isNull, max, notInArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditEvents, programmes, projects, targets } from '../../db/schema.ts';
import { measurements } from '../monitoring/tables.ts';
import { INTERNAL_LIFECYCLES } from '../portfolio/queries.ts';
import type { PublicMeasurement } from './csv-tables.ts';

export async function getProgrammeForOpenData(db: Db, programmeId: string) {
  const [row] = await db.select().from(programmes).where(eq(programmes.id, programmeId));
  return row ?? null;
}

/** Measurements of the targets the open data lists (programme-wide, or of a public project). */
export async function publicMeasurements(db: Db, programmeId: string): Promise<PublicMeasurement[]> {
  return db
    .select({ targetKey: targets.key, measuredOn: measurements.measuredOn, value: measurements.value, source: measurements.source })
    .from(measurements)
    .innerJoin(targets, eq(targets.id, measurements.targetId))
    .leftJoin(projects, eq(projects.id, targets.projectId))
    .where(and(eq(measurements.programmeId, programmeId), or(isNull(targets.projectId), and(eq(projects.published, true), notInArray(projects.lifecycle, INTERNAL_LIFECYCLES)))))
    .orderBy(asc(targets.key), asc(measurements.measuredOn));
}

/** Every change writes an audit row: the newest one is when the data last changed. */
export async function lastChange(db: Db, programmeId: string): Promise<Date | null> {
  const [row] = await db.select({ at: max(auditEvents.at) }).from(auditEvents).where(eq(auditEvents.programmeId, programmeId));
  return row?.at ?? null;
}
