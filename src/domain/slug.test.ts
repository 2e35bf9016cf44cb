import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiFold, slugify } from './slug.ts';

test('addresses keep their letters: decomposed accents and letters spelled in ASCII', () => {
  assert.equal(slugify('Łódź'), 'lodz');
  assert.equal(slugify('Łódź en Győr – CO₂ ≥ 5%'), 'lodz-en-gyor-co2-5');
  assert.equal(slugify('Đakovo, Ørsted, Straße, Æsir, Œuvre, Þórr'), 'dakovo-orsted-strasse-aesir-oeuvre-thorr');
  assert.equal(slugify('Café “Wetenschap” — één avond!'), 'cafe-wetenschap-een-avond');
  assert.equal(slugify('İstanbul ıspanak'), 'istanbul-ispanak');
  assert.equal(slugify('ĳsselmonde'), 'ijsselmonde', 'the Dutch ij ligature decomposes (NFKD)');
});

test('what has no ASCII spelling is left out, never turned into a wrong letter', () => {
  assert.equal(slugify('Київ Kyiv'), 'kyiv');
  assert.equal(slugify('—'), '');
  assert.equal(asciiFold('Łódź'), 'Lodz');
});

test('at most 80 characters, no hyphen at either end', () => {
  const slug = slugify(`${'Łódź '.repeat(30)}`);
  assert.ok(slug.length <= 80);
  assert.match(slug, /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
});

test('every letter without a decomposition has its ASCII spelling, in both cases', () => {
  assert.equal(asciiFold('ł Ł đ Đ ð Ð ø Ø ß ẞ'), 'l L d D d D o O ss SS');
  assert.equal(asciiFold('æ Æ œ Œ þ Þ ı ħ Ħ ŀ Ŀ ŧ Ŧ ĸ ŋ Ŋ'), 'ae AE oe OE th TH i h H l L t T k ng NG');
});

test('runs of separators at either end and at the cut are removed whole', () => {
  assert.equal(slugify('--Łódź--'), 'lodz');
  assert.equal(slugify(`${'a'.repeat(79)} — b`), 'a'.repeat(79), 'cut at 80 on the hyphen: the hyphen goes');
  assert.equal(slugify(`${'a'.repeat(78)} — b`), `${'a'.repeat(78)}-b`);
});
