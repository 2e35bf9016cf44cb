// The annual agenda's life: draft -> proposed (by the support level) -> adopted (by an executive
// decision) -> published. The next year's draft starts from the previous agenda without the
// actions that were finished; two versions can be compared project by project.
import type { LocalizedText } from './localized.ts';

export const ANNUAL_AGENDA_STATES = ['draft', 'proposed', 'adopted', 'published'] as const;
export type AnnualAgendaState = (typeof ANNUAL_AGENDA_STATES)[number];

export interface AgendaAction {
  /** The project action it was taken from, when there is one. */
  actionId: string | null;
  description: LocalizedText;
  owner: LocalizedText;
  due: LocalizedText;
  state: 'open' | 'in_progress' | 'done' | 'cancelled';
}

export type AgendaTransition = 'propose' | 'adopt' | 'publish' | 'reopen';

const NEXT: Record<AgendaTransition, { from: AnnualAgendaState[]; to: AnnualAgendaState }> = {
  propose: { from: ['draft'], to: 'proposed' },
  adopt: { from: ['proposed'], to: 'adopted' },
  publish: { from: ['adopted'], to: 'published' },
  reopen: { from: ['proposed'], to: 'draft' },
};

/** The state after the transition, or null when it is not allowed from `state`. */
export function transition(state: AnnualAgendaState, step: AgendaTransition): AnnualAgendaState | null {
  const rule = NEXT[step];
  return rule.from.includes(state) ? rule.to : null;
}

/** Only a draft can be edited; what was proposed or adopted is a record. */
export function isEditable(state: AnnualAgendaState): boolean {
  return state === 'draft';
}

/** The agenda's years have all passed on this date (YYYY-MM-DD): adopting it now is adopting afterwards. */
export function spanHasPassed(agenda: { endYear: number }, today: string): boolean {
  return Number(today.slice(0, 4)) > agenda.endYear;
}

/**
 * Adopted afterwards: the decision's meeting (YYYY-MM-DD) was held after the agenda's last year.
 * An agenda the agreement adopted, or one not adopted yet, has no such date and never is.
 */
export function adoptedAfterwards(agenda: { endYear: number }, adoptedOn: string | null): boolean {
  return adoptedOn !== null && spanHasPassed(agenda, adoptedOn);
}

export function isValidSpan(startYear: number, endYear: number): boolean {
  return Number.isInteger(startYear) && Number.isInteger(endYear) && startYear >= 2000 && endYear <= 2100 && endYear >= startYear && endYear - startYear <= 2;
}

export interface EntrySnapshot {
  projectId: string;
  lead: LocalizedText;
  staffing: LocalizedText;
  actions: AgendaAction[];
}

/** The next agenda's entries: the same projects, finished (done or cancelled) actions dropped. */
export function carryForward(entries: EntrySnapshot[]): EntrySnapshot[] {
  return entries.map((entry) => ({
    ...entry,
    actions: entry.actions.filter((action) => action.state !== 'done' && action.state !== 'cancelled'),
  }));
}

export type EntryChange = 'added' | 'removed' | 'changed' | 'same';

export interface ComparedEntry<E> {
  projectId: string;
  left: E | null;
  right: E | null;
  change: EntryChange;
}

/** Pairs two agendas' entries by project, in the order of the left one, then additions. */
export function compareAgendas<E extends EntrySnapshot>(left: E[], right: E[]): ComparedEntry<E>[] {
  const rightByProject = new Map(right.map((entry) => [entry.projectId, entry]));
  const result: ComparedEntry<E>[] = left.map((entry) => {
    const other = rightByProject.get(entry.projectId) ?? null;
    return { projectId: entry.projectId, left: entry, right: other, change: other ? (sameEntry(entry, other) ? 'same' : 'changed') : 'removed' };
  });
  const leftProjects = new Set(left.map((entry) => entry.projectId));
  for (const entry of right) {
    if (!leftProjects.has(entry.projectId)) result.push({ projectId: entry.projectId, left: null, right: entry, change: 'added' });
  }
  return result;
}

function sameEntry(a: EntrySnapshot, b: EntrySnapshot): boolean {
  const comparable = (e: EntrySnapshot) => JSON.stringify([e.lead, e.staffing, e.actions.map((x) => [x.description, x.owner, x.due, x.state])]);
  return comparable(a) === comparable(b);
}
