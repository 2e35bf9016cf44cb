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
