// Word-level differences between two texts, for readers: jsdiff's word diff, which keeps
// whitespace with the words so paragraphs survive.
import { diffWordsWithSpace } from 'diff';
import type { LocalizedText } from '../../domain/localized.ts';
import { staleAfterEdit, type StaleTranslations } from '../../domain/translation.ts';
import type { SectionEdit, SectionSnapshot } from './tables.ts';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

export interface SectionChange {
  key: string;
  heading: LocalizedText;
  status: 'changed' | 'added' | 'removed';
  before: LocalizedText;
  after: LocalizedText;
}

/** The sections whose text differs between two versions, in the newer version's order. */
export function changedSections(from: SectionSnapshot[], to: SectionSnapshot[]): SectionChange[] {
  const old = new Map(from.map((s) => [s.key, s]));
  const changes: SectionChange[] = [];
  for (const section of to) {
    const previous = old.get(section.key);
    if (!previous) changes.push({ key: section.key, heading: section.heading, status: 'added', before: {}, after: section.body });
    else if (JSON.stringify(previous.body) !== JSON.stringify(section.body)) changes.push({ key: section.key, heading: section.heading, status: 'changed', before: previous.body, after: section.body });
  }
  for (const section of from) {
    if (!to.some((s) => s.key === section.key)) changes.push({ key: section.key, heading: section.heading, status: 'removed', before: section.body, after: {} });
  }
  return changes;
}

/**
 * Which sections' text is behind in one language after `after` replaced `before` (whole versions,
 * or an amendment's edits): a section changed in one language only leaves the other out of date,
 * until a later text changes that one too (src/domain/translation.ts's rule, per section).
 */
export function staleSections(before: Pick<SectionSnapshot, 'key' | 'body'>[], after: Pick<SectionSnapshot, 'key' | 'body'>[], stale: StaleTranslations = {}): StaleTranslations {
  const bodies = (sections: Pick<SectionSnapshot, 'key' | 'body'>[]) => Object.fromEntries(sections.map((section) => [section.key, section.body]));
  return staleAfterEdit(
    after.map((section) => section.key),
    bodies(before),
    bodies(after),
    stale,
  );
}

/**
 * What a proposal changes: per current section, the typed text (a language left empty keeps the
 * current text, so a proposal names only what it changes); sections whose text stays are left out.
 */
export function proposedEdits(current: SectionSnapshot[], typed: Record<string, LocalizedText>): SectionEdit[] {
  const edits: SectionEdit[] = [];
  for (const section of current) {
    const text = typed[section.key] ?? {};
    const body = { nl: text.nl ?? section.body.nl ?? '', en: text.en ?? section.body.en ?? '' };
    if (body.nl !== (section.body.nl ?? '').trim() || body.en !== (section.body.en ?? '').trim()) edits.push({ key: section.key, body });
  }
  return edits;
}
