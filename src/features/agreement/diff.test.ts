import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { changedSections, proposedEdits, staleSections, wordDiff } from './diff.ts';
import { applyEdits } from './commands.ts';

const section = (key: string, nl: string, position = 0) => ({ key, position, heading: { nl: key, en: key }, body: { nl, en: nl } });

describe('amendment diff', () => {
  test('word-level changes keep the unchanged words and whitespace', () => {
    const parts = wordDiff('De duur is vijf jaar.\n\nNieuwe alinea.', 'De duur is tien jaar.\n\nNieuwe alinea.');
    assert.deepEqual(
      parts.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text]),
      [
        ['removed', 'vijf'],
        ['added', 'tien'],
      ],
    );
    assert.equal(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join(''), 'De duur is vijf jaar.\n\nNieuwe alinea.');
    assert.equal(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join(''), 'De duur is tien jaar.\n\nNieuwe alinea.');
  });

  test('only sections whose text differs are listed; added and removed sections too', () => {
    const from = [section('a', 'een'), section('b', 'twee'), section('c', 'drie')];
    const to = [section('a', 'een'), section('b', 'twee!'), section('d', 'vier')];
    assert.deepEqual(
      changedSections(from, to).map((c) => [c.key, c.status]),
      [
        ['b', 'changed'],
        ['d', 'added'],
        ['c', 'removed'],
      ],
    );
    assert.deepEqual(changedSections(from, from), []);
  });

  test('edits replace the body of the named sections only, keeping headings and order', () => {
    const from = [section('a', 'een', 0), section('b', 'twee', 1)];
    const result = applyEdits(from, [{ key: 'b', body: { nl: 'TWEE', en: 'TWO' } }]);
    assert.deepEqual(result[0], from[0]);
    assert.deepEqual(result[1], { ...from[1], body: { nl: 'TWEE', en: 'TWO' } });
  });

  test('a section changed in one language only leaves the other behind, until a later text updates it', () => {
    const base = [section('a', 'Een'), section('b', 'Twee')];
    const nlOnly = { key: 'a', body: { nl: 'Eén, nieuw', en: 'Een' } };
    assert.deepEqual(staleSections(base, [nlOnly]), { a: 'en' });
    assert.deepEqual(staleSections(base, [{ key: 'a', body: { nl: 'Een', en: 'One' } }]), { a: 'nl' });
    assert.deepEqual(staleSections(base, [{ key: 'a', body: { nl: 'X', en: 'Y' } }]), {}, 'both languages changed together');
    const adopted = base.map((s) => (s.key === 'a' ? { ...s, body: nlOnly.body } : s));
    assert.deepEqual(staleSections(adopted, [{ key: 'a', body: { nl: 'Eén, nieuw', en: 'One, new' } }], { a: 'en', b: 'nl' }), { b: 'nl' }, 'the English caught up; other sections keep their mark');
    assert.deepEqual(staleSections(adopted, adopted, { b: 'nl' }), { b: 'nl' }, 'unchanged sections keep their mark');
  });

  test('a proposal names only the sections it changes; a language left empty keeps the current text', () => {
    const current = [section('duration', 'Vijf jaar.'), section('parties', 'Vier partijen.')];
    assert.deepEqual(proposedEdits(current, {}), []);
    assert.deepEqual(proposedEdits(current, { duration: { nl: 'Vijf jaar.', en: 'Vijf jaar.' } }), [], 'the same text is no change');
    assert.deepEqual(proposedEdits(current, { duration: { en: 'Ten years.' } }), [{ key: 'duration', body: { nl: 'Vijf jaar.', en: 'Ten years.' } }]);
    assert.deepEqual(proposedEdits(current, { parties: { nl: 'Vijf partijen.' }, unknown: { nl: 'x' } }), [{ key: 'parties', body: { nl: 'Vijf partijen.', en: 'Vier partijen.' } }]);
  });
});
