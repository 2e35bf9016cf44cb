// A programme's life: in preparation before its term starts, running while it is in force, and
// finished the day after its last day in force. A renewal moves the last day (src/domain/term.ts:
// the agreement's five years, renewable by five), so a renewed programme runs on. A finished
// programme is an archive: no overdue warnings, no expiry alarm, corrections by the coordinator only.

export const PROGRAMME_STAGES = ['preparation', 'running', 'finished'] as const;
export type ProgrammeStage = (typeof PROGRAMME_STAGES)[number];

/** The term as ISO calendar dates: the first and the last day in force (renewals included). */
export interface TermDates {
  startOn: string;
  endOn: string;
}

/** The stage of a programme on `today` (YYYY-MM-DD, from src/clock.ts). */
export function programmeStage(term: TermDates, today: string): ProgrammeStage {
  if (today < term.startOn) return 'preparation';
  if (today > term.endOn) return 'finished';
  return 'running';
}

/** Whether a programme is an archive: only its coordinator may still correct it. */
export function isArchive(stage: ProgrammeStage): boolean {
  return stage === 'finished';
}

/**
 * Whether someone may change a programme's records in this stage: anyone the action's own rule
 * allows while it runs or is prepared; in a finished programme only the coordinator (corrections).
 */
export function writableInStage(stage: ProgrammeStage, coordinates: boolean): boolean {
  return !isArchive(stage) || coordinates;
}

/**
 * The order of the installation's home list: running programmes first (the most recently started
 * first), then those in preparation (the soonest to start first), then finished ones (the most
 * recently ended first); ties by name.
 */
export function compareForHome<P extends TermDates & { stage: ProgrammeStage; name: string }>(a: P, b: P): number {
  const rank = STAGE_RANK[a.stage] - STAGE_RANK[b.stage];
  if (rank !== 0) return rank;
  const dates =
    a.stage === 'running' ? b.startOn.localeCompare(a.startOn) : a.stage === 'preparation' ? a.startOn.localeCompare(b.startOn) : b.endOn.localeCompare(a.endOn);
  return dates !== 0 ? dates : a.name.localeCompare(b.name);
}

/** The stages in the home list's order. */
export const HOME_STAGE_ORDER: readonly ProgrammeStage[] = ['running', 'preparation', 'finished'];

const STAGE_RANK: Record<ProgrammeStage, number> = { running: 0, preparation: 1, finished: 2 };
