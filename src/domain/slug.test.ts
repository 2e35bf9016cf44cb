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
