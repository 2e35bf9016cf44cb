import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import '../app.ts';
import { allMessages, translate } from './i18n.ts';

test('every message exists in Dutch and in English and parses as ICU', () => {
  const { nl, en } = allMessages();
  const missingInEnglish = Object.keys(nl).filter((key) => !(key in en));
  const missingInDutch = Object.keys(en).filter((key) => !(key in nl));
  assert.deepEqual(missingInEnglish, []);
  assert.deepEqual(missingInDutch, []);
  for (const [locale, messages] of Object.entries({ nl, en })) {
    for (const [key, message] of Object.entries(messages)) {
      assert.doesNotThrow(() => new IntlMessageFormat(message, locale), `${locale} ${key}`);
    }
  }
});

test('every key used as t("...") in the source is defined', () => {
  const { nl } = allMessages();
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'seed') walk(path);
      }
      else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) files.push(path);
    }
  };
  walk('src');
  const unknown: string[] = [];
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) {
      if (!(match[1]! in nl)) unknown.push(`${file}: ${match[1]}`);
    }
  }
  assert.deepEqual(unknown, []);
});

test('plural and date-free formatting follows the language', () => {
  assert.equal(translate('nl', 'projects.count', { count: 1 }), '1 project');
  assert.equal(translate('nl', 'projects.count', { count: 17 }), '17 projecten');
  assert.equal(translate('en', 'projects.count', { count: 17 }), '17 projects');
});
