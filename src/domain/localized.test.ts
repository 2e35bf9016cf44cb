import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_LOCALE, isLocale, otherLocale, resolveText } from './localized.ts';

test('a text in the requested language is used as is', () => {
  assert.deepEqual(resolveText({ nl: 'Doel', en: 'Goal' }, 'en'), { text: 'Goal', lang: 'en', fallback: false });
});

test('a missing or blank translation falls back to the other language and says so', () => {
  assert.deepEqual(resolveText({ nl: 'Doel' }, 'en'), { text: 'Doel', lang: 'nl', fallback: true });
  assert.deepEqual(resolveText({ nl: 'Doel', en: '   ' }, 'en'), { text: 'Doel', lang: 'nl', fallback: true });
  assert.deepEqual(resolveText({ en: 'Goal' }, 'nl'), { text: 'Goal', lang: 'en', fallback: true });
});

test('no text at all resolves to an empty string', () => {
  assert.deepEqual(resolveText({}, 'nl'), { text: '', lang: 'nl', fallback: false });
  assert.deepEqual(resolveText(null, 'en'), { text: '', lang: 'en', fallback: false });
});

test('texts are trimmed, also when falling back', () => {
  assert.deepEqual(resolveText({ nl: '  Doel ' }, 'nl'), { text: 'Doel', lang: 'nl', fallback: false });
  assert.deepEqual(resolveText({ nl: '  Doel ' }, 'en'), { text: 'Doel', lang: 'nl', fallback: true });
});

test('the two languages: Dutch by default, each the other\'s fallback, nothing else is one', () => {
  assert.equal(DEFAULT_LOCALE, 'nl');
  assert.equal(otherLocale('nl'), 'en');
  assert.equal(otherLocale('en'), 'nl');
  assert.equal(isLocale('nl'), true);
  assert.equal(isLocale('en'), true);
  for (const value of ['de', 'NL', 'nl-NL', '', null, undefined, 1]) assert.equal(isLocale(value), false, String(value));
});
