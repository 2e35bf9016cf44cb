// The figures of the mid-term evaluation for the executive meeting: per project its status, the
// actions done / open / overdue and the targets against plan (the document is in ./documents.ts).
import { today as clockToday } from '../../clock.ts';
import { and, asc, eq, lte, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actions, projects, targets } from '../../db/schema.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { formatDate } from '../../web/i18n.ts';
import { measurements } from '../monitoring/tables.ts';

export interface EvaluationRow {
  code: string;
  title: LocalizedText;
  lifecycle: string;
  status: LocalizedText;
  done: number;
  open: number;
  overdue: number;
  targets: { title: LocalizedText; target: number | null; unit: LocalizedText; baseline: number | null; deadline: LocalizedText; latest: number | null }[];
}

/** The day the evaluation counts to: the end of `year`, or today when the year is still running. */
export function evaluationCutoff(year: number, today = clockToday()): string {
  const yearEnd = `${year}-12-31`;
  return today < yearEnd ? today : yearEnd;
}

/** Counts as of the end of `year`, or today when the year is still running. */
export async function loadEvaluation(db: Db, programmeId: string, year: number, today = clockToday()): Promise<EvaluationRow[]> {
  const cutoff = evaluationCutoff(year, today);
  const [projectRows, actionRows, targetRows, measurementRows] = await Promise.all([
    db
      .select({ id: projects.id, code: projects.code, title: projects.title, lifecycle: projects.lifecycle, status: projects.status })
      .from(projects)
      .where(and(eq(projects.programmeId, programmeId), notInArray(projects.lifecycle, ['proposed', 'rejected'])))
      .orderBy(asc(projects.position), asc(projects.code)),
    db.select({ projectId: actions.projectId, state: actions.state, dueOn: actions.dueOn }).from(actions).where(eq(actions.programmeId, programmeId)),
    db.select().from(targets).where(eq(targets.programmeId, programmeId)).orderBy(asc(targets.key)),
    db
      .select({ targetId: measurements.targetId, value: measurements.value, measuredOn: measurements.measuredOn })
      .from(measurements)
      .where(and(eq(measurements.programmeId, programmeId), lte(measurements.measuredOn, cutoff)))
      .orderBy(asc(measurements.measuredOn)),
  ]);
  const latest = new Map<string, number>();
  for (const m of measurementRows) latest.set(m.targetId, m.value);
  return projectRows.map((project) => {
    const own = actionRows.filter((a) => a.projectId === project.id);
    const open = own.filter((a) => a.state === 'open' || a.state === 'in_progress');
    return {
      code: project.code,
      title: project.title,
      lifecycle: project.lifecycle,
      status: project.status,
      done: own.filter((a) => a.state === 'done').length,
      open: open.length,
      overdue: open.filter((a) => a.dueOn !== null && a.dueOn < cutoff).length,
      targets: targetRows
        .filter((t) => t.projectId === project.id)
        .map((t) => ({
          title: t.title,
          target: t.targetValue,
          unit: t.unit,
          baseline: t.baselineValue,
          deadline: Object.keys(t.deadlineLabel).length > 0 ? t.deadlineLabel : { nl: formatDate('nl', t.deadlineOn), en: formatDate('en', t.deadlineOn) },
          latest: latest.get(t.id) ?? null,
        })),
    };
  });
}
