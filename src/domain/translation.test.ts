import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { emptiedLanguages, staleAfterEdit, staleIn } from './translation.ts';

describe('stale translations', () => {
  const before = { goal: { nl: 'Doel', en: 'Goal' }, title: { nl: 'Titel', en: 'Title' } };

  test('changing one language marks the other as out of date', () => {
    assert.deepEqual(staleAfterEdit(['goal', 'title'], before, { ...before, goal: { nl: 'Nieuw doel', en: 'Goal' } }, {}), { goal: 'en' });
    assert.deepEqual(staleAfterEdit(['goal'], before, { ...before, goal: { nl: 'Doel', en: 'New goal' } }, {}), { goal: 'nl' });
  });

  test('updating the language that was behind clears the mark; changing the ahead one again keeps it', () => {
    assert.deepEqual(staleAfterEdit(['goal'], { goal: { nl: 'Nieuw', en: 'Goal' } }, { goal: { nl: 'Nieuw', en: 'New' } }, { goal: 'en' }), {});
    assert.deepEqual(staleAfterEdit(['goal'], { goal: { nl: 'Nieuw', en: 'Goal' } }, { goal: { nl: 'Nieuwer', en: 'Goal' } }, { goal: 'en' }), { goal: 'en' });
  });

  test('both languages changed together, or an empty language: no mark', () => {
    assert.deepEqual(staleAfterEdit(['goal'], before, { goal: { nl: 'A', en: 'B' } }, { goal: 'en' }), {});
    assert.deepEqual(staleAfterEdit(['goal'], { goal: { nl: 'Doel' } }, { goal: { nl: 'Ander doel' } }, {}), {}, 'missing, not stale');
    assert.deepEqual(staleAfterEdit(['goal'], before, { goal: { nl: 'Doel', en: '' } }, { goal: 'nl' }), {});
  });

  test('filling in a missing translation marks nothing, and clears an old mark', () => {
    assert.deepEqual(staleAfterEdit(['goal'], { goal: { nl: 'Doel' } }, { goal: { nl: 'Doel', en: 'Goal' } }, {}), {});
    assert.deepEqual(staleAfterEdit(['goal'], { goal: { en: 'Goal', nl: ' ' } }, { goal: { nl: 'Doel', en: 'Goal' } }, { goal: 'nl' }), {});
    assert.deepEqual(staleAfterEdit(['goal'], { goal: { nl: 'Doel' } }, { goal: { nl: 'Doel', en: 'Goal' } }, { goal: 'en' }), {}, 'a mark left on the missing language goes');
    assert.deepEqual(staleAfterEdit(['goal', 'title'], { goal: { nl: 'Doel' }, title: before.title }, { goal: { nl: 'Doel', en: 'Goal' }, title: before.title }, { title: 'en' }), { title: 'en' });
  });

  test('unchanged fields and fields not named keep their mark; whitespace alone is no change', () => {
    assert.deepEqual(staleAfterEdit(['goal'], before, { ...before, goal: { nl: ' Doel ', en: 'Goal' } }, { title: 'nl' }), { title: 'nl' });
    assert.deepEqual(staleAfterEdit(['title'], before, { ...before, goal: { nl: 'X', en: 'Goal' } }, {}), {});
  });

  test('staleIn lists the fields behind in one language', () => {
    assert.deepEqual(staleIn({ goal: 'en', title: 'nl', status: 'en' }, 'en'), ['goal', 'status']);
    assert.deepEqual(staleIn({}, 'nl'), []);
  });

  test('emptiedLanguages names the languages a required text lost', () => {
    assert.deepEqual(emptiedLanguages({ nl: 'Titel', en: 'Title' }, { nl: 'Titel', en: ' ' }), ['en']);
    assert.deepEqual(emptiedLanguages({ nl: 'Titel' }, { nl: 'Titel', en: '' }), []);
    assert.deepEqual(emptiedLanguages({ nl: 'Titel', en: 'Title' }, { nl: '', en: '' }), ['nl', 'en']);
    assert.deepEqual(emptiedLanguages(null, { nl: 'x' }), []);
  });
});
