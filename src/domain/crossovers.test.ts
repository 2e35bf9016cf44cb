import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distinctiveWords, suggestCrossOvers } from './crossovers.ts';

const build = (id: string, text: string, organisationIds: string[]) => ({ id, code: id, text, organisationIds });

test('distinctive words drop short and common words and accents', () => {
  assert.deepEqual([...distinctiveWords('De Leidse Kennisstad en het onderwijs: talent, Talent, café-bezoek')].sort(), ['bezoek', 'onderwijs', 'talent']);
});

test('pairs sharing partners and words are suggested, best first, existing links left out', () => {
  const projects = [
    build('2a', 'Talent binden aan de stad: studenten en starters', ['gemeente', 'universiteit', 'hogeschool']),
    build('2b', 'Huisvesting voor studenten en starters', ['gemeente', 'universiteit', 'woningcorporatie']),
    build('4c', 'Gezondheid in de wijk', ['lumc']),
    build('2d', 'Talent voor de regio, studenten', ['gemeente', 'universiteit']),
  ];
  const suggestions = suggestCrossOvers(projects, [{ a: '2d', b: '2a' }]);
  assert.deepEqual(suggestions.map((s) => `${s.a}-${s.b}`), ['2a-2b', '2b-2d']);
  assert.deepEqual(suggestions[0]!.sharedWords, ['starters', 'studenten']);
  assert.deepEqual(suggestions[0]!.sharedOrganisations, ['gemeente', 'universiteit']);
  assert.ok(!suggestions.some((s) => s.a === '4c' || s.b === '4c'));
});

test('words of five letters count; common longer words and the programme\'s own names do not', () => {
  assert.deepEqual([...distinctiveWords('markt bank')], ['markt']);
  assert.deepEqual([...distinctiveWords('worden kunnen binnen tussen andere zoals their leiden leidse project projecten programme programma kennisstad')], []);
});

test('a shared partner counts double: one partner and one word, or two partners, or three words', () => {
  const pairs = (projects: ReturnType<typeof build>[]) => suggestCrossOvers(projects, []).map((s) => [`${s.a}-${s.b}`, s.score]);
  assert.deepEqual(pairs([build('1a', 'museum', ['gemeente']), build('1b', 'museum', ['gemeente'])]), [['1a-1b', 3]]);
  assert.deepEqual(pairs([build('1a', 'museum', ['gemeente', 'lumc']), build('1b', 'haven', ['gemeente', 'lumc'])]), [['1a-1b', 4]]);
  assert.deepEqual(pairs([build('1a', 'museum haven markt', []), build('1b', 'museum haven markt', [])]), [['1a-1b', 3]]);
  assert.deepEqual(pairs([build('1a', 'museum haven', []), build('1b', 'museum haven', [])]), [], 'two words are not enough');
  assert.deepEqual(pairs([build('1a', 'museum', ['gemeente']), build('1b', 'haven', ['gemeente'])]), [], 'one partner is not enough');
});

test('ranked by score, then by the projects\' codes, and cut at the limit', () => {
  const shared = ['gemeente', 'universiteit'];
  const projects = [
    { id: 'p1', code: '2b', text: 'museum', organisationIds: shared },
    { id: 'p2', code: '1a', text: 'haven', organisationIds: shared },
    { id: 'p3', code: '1c', text: 'markt', organisationIds: shared },
    { id: 'p4', code: '3a', text: 'museum kunst', organisationIds: [...shared, 'hogeschool'] },
    { id: 'p5', code: '0a', text: 'kunst', organisationIds: ['hogeschool'] },
  ];
  const ranked = suggestCrossOvers(projects, []).map((s) => [`${s.a}-${s.b}`, s.score]);
  assert.deepEqual(ranked, [
    ['p1-p4', 5],
    ['p2-p3', 4],
    ['p2-p4', 4],
    ['p3-p4', 4],
    ['p1-p2', 4],
    ['p1-p3', 4],
    ['p4-p5', 3],
  ]);
  assert.deepEqual(suggestCrossOvers(projects, [], 2).map((s) => `${s.a}-${s.b}`), ['p1-p4', 'p2-p3']);
  assert.deepEqual(suggestCrossOvers(projects, [{ a: 'p4', b: 'p1' }], 1).map((s) => `${s.a}-${s.b}`), ['p2-p3']);
});
