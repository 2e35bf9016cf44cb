// Cross-over suggestions: pairs of projects that share partner organisations or distinctive words
// in their titles and goals, ranked by how much they share. Pairs already linked are left out.
import { asciiFold } from './slug.ts';

export interface CrossOverCandidateInput {
  id: string;
  code: string;
  text: string;
  organisationIds: string[];
}

export interface CrossOverSuggestion {
  a: string;
  b: string;
  sharedOrganisations: string[];
  sharedWords: string[];
  score: number;
}

// Words too common in this programme's texts to say anything about a link. Words shorter than five
// letters never count (see distinctiveWords), so they need no entry here.
const STOP_WORDS = new Set(
  (
    'worden wordt kan kunnen nog niet wat wij we ze hun deze onder andere zoals waar binnen tussen via ' +
    'their leiden leidse project projecten programme programma kennisstad'
    // Stryker disable next-line Regex: the list has single spaces between words
  ).split(/\s+/),
);

export function distinctiveWords(text: string): Set<string> {
  const words = asciiFold(text)
    .toLowerCase()
    // Stryker disable next-line Regex: splitting at each character instead of each run only adds empty strings, which the length filter drops
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 5 && !STOP_WORDS.has(w));
  return new Set(words);
}

// Stryker disable next-line EqualityOperator: a project is never paired with itself, and a reversed key is used for both the links and the lookups
const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);

export function suggestCrossOvers(projects: CrossOverCandidateInput[], existing: { a: string; b: string }[], limit = 10): CrossOverSuggestion[] {
  const linked = new Set(existing.map((e) => pairKey(e.a, e.b)));
  const words = new Map(projects.map((p) => [p.id, distinctiveWords(p.text)]));
  const suggestions: CrossOverSuggestion[] = [];
  // Stryker disable next-line EqualityOperator: one more round of i has no j left to pair with
  for (let i = 0; i < projects.length; i++) {
    for (let j = i + 1; j < projects.length; j++) {
      const a = projects[i]!;
      const b = projects[j]!;
      if (linked.has(pairKey(a.id, b.id))) continue;
      const sharedOrganisations = a.organisationIds.filter((o) => b.organisationIds.includes(o));
      const bWords = words.get(b.id)!;
      const sharedWords = [...words.get(a.id)!].filter((w) => bWords.has(w)).sort();
      // A shared partner says more than a shared word: three points are one partner and one word, two
      // partners, or three words.
      const score = sharedOrganisations.length * 2 + sharedWords.length;
      if (score >= 3) suggestions.push({ a: a.id, b: b.id, sharedOrganisations, sharedWords, score });
    }
  }
  const code = new Map(projects.map((p) => [p.id, p.code]));
  return suggestions
    .sort((x, y) => y.score - x.score || code.get(x.a)!.localeCompare(code.get(y.a)!) || code.get(x.b)!.localeCompare(code.get(y.b)!))
    .slice(0, limit);
}
