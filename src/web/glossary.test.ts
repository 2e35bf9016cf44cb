// Every message in both languages follows the glossary: no forbidden variant of a concept, and each
// term the glossary names is one the interface really uses (so the glossary does not go stale).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../app.ts';
import { allMessages } from './i18n.ts';
import { GLOSSARY } from './glossary.ts';
import { LOCALES } from '../domain/localized.ts';

test('no message uses a forbidden variant of a glossary term', () => {
  const messages = allMessages();
  const found: string[] = [];
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(messages[locale])) {
      for (const entry of GLOSSARY) {
        for (const variant of entry.forbidden[locale]) {
          if (variant.test(text)) found.push(`${locale} ${key}: ${variant} (${entry.concept}: say "${entry.term[locale]}")`);
        }
      }
    }
  }
  assert.deepEqual(found, []);
});

test('every glossary term occurs in the messages of its language', () => {
  const messages = allMessages();
  for (const locale of LOCALES) {
    const all = Object.values(messages[locale]).join('\n').toLowerCase();
    for (const entry of GLOSSARY.filter((e) => e.term[locale])) {
      assert.ok(all.includes(entry.term[locale].toLowerCase()), `${locale}: "${entry.term[locale]}" (${entry.concept})`);
    }
  }
});

test('the glossary catches what it names: a forbidden variant in a sentence is found', () => {
  const plural = GLOSSARY.find((e) => e.concept.startsWith('a plural'))!;
  assert.ok(plural.forbidden.nl.some((re) => re.test('3 vergadering(en) gehouden')));
  assert.ok(plural.forbidden.en.some((re) => re.test('3 meeting(s) held')));
  assert.ok(!plural.forbidden.nl.some((re) => re.test('Stuurgroep (bestuurlijk)')));
  const level = GLOSSARY.find((e) => e.term.nl === 'bestuurlijk')!;
  assert.ok(level.forbidden.nl.some((re) => re.test('een besluit van het uitvoerend niveau')));
});
