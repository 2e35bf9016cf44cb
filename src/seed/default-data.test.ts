// Default data must not invent facts (issue 17, point 9): every Dutch text of the Leiden seed that is
// not flagged as an example occurs in the agreement's own text, and the records we add for a new
// installation to try (website items, cross-overs, example members) carry the example flag and its
// visible label. The agreement is compared after undoing the PDF's layout: page footers, the rotated
// title in the margin, words hyphenated across lines, bullets, quote and dash styles.
import { describe, test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { leiden } from './leiden.ts';
import { exampleEvents, exampleNews, examplePages } from '../features/website/seed.ts';
import { databaseModes } from '../../test/support/database.ts';
import { startTestApp, type TestApp } from '../../test/support/app.ts';
import { events, newsItems, pages } from '../features/website/tables.ts';
import { crossOvers } from '../features/portfolio/tables.ts';
import { bodyMemberships } from '../features/meetings/tables.ts';

/** Lower case, one kind of quote and dash, no bullets, single spaces. */
function flatten(text: string): string {
  return text
    .replace(/[‘’‚`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/•/g, ' ')
    .replace(/(\p{L})-(\p{L})/gu, '$1$2') // "cross-\novers" was joined to "crossovers"; compare compounds without their hyphen
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The agreement as running text: the PDF's footers, margin title and line-end hyphenation undone. */
export function agreementRunningText(raw: string): string {
  const kept = raw
    .split('\n')
    .filter((line) => !/\.indd\s/.test(line)) // page footer of the printed file
    .filter((line) => line.replace(/\s/g, '').length > 3 || line.trim() === ''); // margin title, page numbers
  return flatten(
    kept
      .join('\n')
      .replace(/([a-zà-ÿ])-[ \t]*\n\s*([a-zà-ÿ])/g, '$1$2') // "verster-\n\nking" -> "versterking"
      .replace(/-[ \t]*\n\s*([A-Z])/g, '-$1') // "Zuid-\nHolland" keeps its hyphen
      .replace(/(\S)\/\n\s*/g, '$1/'), // "KENCES/\nABF"
  );
}

const agreement = agreementRunningText(readFileSync(new URL('./leiden-agreement.txt', import.meta.url), 'utf8'));

/** The pieces of a seed text that must each occur: its lines, list markers and end punctuation off, split at " – ". */
function pieces(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^- /, ''))
    .flatMap((line) => line.split(' – '))
    .map((piece) => flatten(piece).replace(/[;:.,]$/, ''))
    .filter((piece) => piece.length > 0);
}

type Found = { path: string; nl: string };

/** Every Dutch text under `value`, skipping anything flagged `example: true` and the English side. */
function dutchTexts(value: unknown, path: string, out: Found[] = []): Found[] {
  if (Array.isArray(value)) value.forEach((v, i) => dutchTexts(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.example === true) return out;
    if (typeof record.nl === 'string' && Object.keys(record).every((k) => k === 'nl' || k === 'en')) out.push({ path, nl: record.nl });
    else for (const [key, v] of Object.entries(record)) dutchTexts(v, `${path}.${key}`, out);
  }
  return out;
}

function hasExampleFlag(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasExampleFlag);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => (k === 'example' && v === true) || hasExampleFlag(v));
  return false;
}

test('the normalised agreement reads as running text', () => {
  assert.ok(agreement.includes('deze overeenkomst tussen de gemeente leiden en de kennispartners universiteit leiden, leids universitair medisch centrum en hogeschool leiden vormt de basis onder de versterking van de onderlinge samenwerking'));
  assert.ok(agreement.includes('gemiddeld twee keer per jaar'));
  assert.ok(agreement.includes(flatten('Provincie Zuid-Holland')), 'a hyphen before a capital at a line end is kept');
  assert.ok(!agreement.includes('.indd'), 'page footers are dropped');
  assert.ok(!agreement.includes('•'));
});

test('every Dutch text of the Leiden seed not flagged as an example is in the agreement', () => {
  const { targets, organisations, ...rest } = leiden;
  // A target's `source` is a citation of the annex item, checked below rather than quoted.
  const texts = [...dutchTexts(rest, 'leiden'), ...targets.flatMap((target, i) => dutchTexts({ ...target, source: undefined }, `leiden.targets[${i}]`))];
  assert.ok(texts.length > 200, `only ${texts.length} texts`);
  const missing = texts.flatMap(({ path, nl }) => pieces(nl).filter((piece) => !agreement.includes(piece)).map((piece) => `${path}: ${piece.slice(0, 120)}`));
  assert.deepEqual(missing, []);
  // An organisation is named by the text with its name or its short name.
  const organisationNames = organisations.filter((o) => !agreement.includes(flatten(o.name.nl ?? '')) && !(o.shortName && agreement.includes(flatten(o.shortName))));
  assert.deepEqual(organisationNames.map((o) => o.slug), []);
});

test('target sources cite an item of the annex', () => {
  const codes = new Set(leiden.projects.map((p) => p.code));
  assert.ok(agreement.includes('bijlage 1, behorend bij de samenwerkingsovereenkomst 2017-2021'));
  for (const target of leiden.targets) {
    const match = /^Samenwerkingsovereenkomst 2017-2021, bijlage 1, (\w+)$/.exec(target.source.nl ?? '');
    assert.ok(match && codes.has(match[1]!), `${target.key}: ${target.source.nl}`);
  }
});

test('the parties, signatories, the 17 items, the criteria and the statuses are never flagged as examples', () => {
  assert.equal(hasExampleFlag(leiden.agreement.parties), false);
  assert.equal(hasExampleFlag(leiden.criteria), false);
  assert.equal(hasExampleFlag(leiden.projects.map((p) => ({ code: p.code, title: p.title, status: p.status }))), false);
  assert.equal(hasExampleFlag(leiden.projects), false);
  for (const party of leiden.agreement.parties) assert.ok(agreement.includes(flatten(party.signatoryName)), party.signatoryName);
  for (const project of leiden.projects) assert.ok(agreement.includes(flatten(project.status.nl ?? '').replace(/[.;]$/, '')), `${project.code} status`);
});

test('what the text leaves open stays open in the seed', () => {
  const byCode = Object.fromEntries(leiden.projects.map((p) => [p.code, p]));
  assert.equal(byCode['4b']?.lead, undefined, '4b names no lead');
  assert.equal(byCode['3c']?.goal, undefined, '3c has no goal');
  const studentHousing = leiden.targets.find((target) => target.key === 'student-housing');
  assert.equal(studentHousing?.deadlineOn, undefined, "“zo'n 2.700” has no date");
  assert.equal(leiden.contactEmail, undefined, 'the text gives no contact address');
  assert.ok(leiden.organisations.some((o) => o.name.nl === 'PkvV'));
});

test('the example website items are texts of our own and flagged as such', () => {
  for (const item of [...exampleNews, ...exampleEvents, ...examplePages]) {
    // None of them may present itself as more than the agreement says ("en andere partners").
    assert.doesNotMatch(JSON.stringify(item), /andere partners/);
  }
});

for (const mode of databaseModes()) {
  describe(`example records in a seeded database (${mode})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(mode);
    });
    after(async () => t.close());

    test('website items, cross-overs and the example members carry the flag', async () => {
      const db = t.database.db;
      for (const table of [newsItems, events, pages]) {
        const rows = await db.select({ example: table.example }).from(table);
        assert.ok(rows.length > 0 && rows.every((row) => row.example), 'website items flagged');
      }
      const links = await db.select({ example: crossOvers.example }).from(crossOvers);
      assert.ok(links.length > 0 && links.every((row) => row.example));
      const seats = await db.select({ example: bodyMemberships.example }).from(bodyMemberships);
      assert.ok(seats.length === 4 && seats.every((row) => row.example));
    });

    test('the example label is visible in both languages', async () => {
      for (const [locale, label] of [['nl', 'Voorbeeld'], ['en', 'Example']] as const) {
        const news = await t.app.inject({ url: `/${locale}/leiden/news/convenant-ondertekend` });
        assert.equal(news.statusCode, 200);
        assert.match(news.body, new RegExp(`ks-example[^>]*>${label}<`));
        const eventsPage = await t.app.inject({ url: `/${locale}/leiden/events` });
        assert.match(eventsPage.body, new RegExp(`>${label}<`));
      }
    });

    test('the coordinator page shows both readings of the agreement on who appoints the coordinator', async () => {
      const page = await t.app.inject({ url: '/nl/leiden/bodies/coordinator' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /door de gemeente aangestelde coördinator\/projectsecretaris/);
      assert.match(page.body, /De door de stuurgroep aan te wijzen ambtelijk coördinator/);
      assert.match(page.body, /kiest er geen/);
    });
  });
}
