import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentToolsPresent, docxPart, inspectPdf, libreOfficePresent, openInLibreOffice } from '../../test/support/documents.ts';
import { bullets, columnShares, heading, numbered, paragraph, table, textBlocks, withoutEmpty, type OfficialDocument } from './model.ts';
import { printable, renderPdf } from './pdf.ts';
import { renderDocx } from './docx.ts';

const SCRIPTS = 'Łódź en Győr – CO₂ ≥ 5% €';
const GREEK = 'Θεσσαλονίκη και Αθήνα';
const CYRILLIC = 'Київ і Москва';
const QUOTES = '‘Kennis’ x² H₂O';

function sample(lang: 'nl' | 'en', extra: string[] = []): OfficialDocument {
  return {
    meta: { title: `Jaaragenda 2026 – ${SCRIPTS}`, lang, programme: 'Leiden Kennisstad', version: lang === 'nl' ? 'versie 3' : 'version 3', madeOn: '2026-12-03' },
    blocks: [
      heading(1, `Jaaragenda 2026 – ${SCRIPTS}`),
      paragraph(SCRIPTS),
      heading(2, 'Scripts'),
      paragraph(GREEK),
      paragraph(CYRILLIC),
      paragraph(QUOTES),
      heading(3, 'Acties'),
      bullets(['Eerste actie', 'Tweede actie']),
      numbered(['Besluit één', 'Besluit twee']),
      heading(2, 'Bezetting'),
      table(['Project', 'Trekker', 'Uren'], [['1a. Kennisfestival', 'Universiteit Leiden', '120'], ['2b. Łódź', 'Gemeente', '40']]),
      ...extra.map(paragraph),
    ],
  };
}

test('the PDF is tagged, embeds DejaVu Sans, states language and title, and prints every script', async (t) => {
  if (!documentToolsPresent()) return t.skip('tools missing');
  const { bytes, missingCharacters } = await renderPdf(sample('nl'));
  assert.deepEqual(missingCharacters, []);
  const pdf = inspectPdf(bytes);
  assert.match(pdf.check, /No syntax or stream encoding errors found/);
  assert.equal(pdf.info['Tagged'], 'yes');
  assert.equal(pdf.info['PDF version'], '1.7');
  assert.equal(pdf.info['Title'], `Jaaragenda 2026 – ${SCRIPTS}`);
  assert.equal(pdf.catalog.lang, 'nl-NL');
  assert.equal(pdf.catalog.displayDocTitle, true);
  assert.equal(pdf.catalog.marked, true);
  assert.ok(pdf.fonts.length >= 2, 'regular and bold');
  for (const font of pdf.fonts) {
    assert.match(font.name, /DejaVuSans/);
    assert.equal(font.embedded, true, `${font.name} embedded`);
    assert.match(font.type, /TrueType/);
  }
  for (const line of [SCRIPTS, GREEK, CYRILLIC, QUOTES]) assert.ok(pdf.text.includes(line), `pdftotext shows ${line}`);
  assert.match(pdf.text, /Leiden Kennisstad · versie 3 · gemaakt op 3 december 2026/);
  assert.match(pdf.text, /pagina 1 van 1/);
  // The structure tree: headings by level, paragraphs, lists with items, a table with header cells.
  for (const type of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD']) assert.ok(pdf.structureTypes.includes(type), `structure element ${type}`);
  assert.equal(pdf.structureTypes.filter((s) => s === 'TH').length, 3, 'one TH per header cell');
  assert.equal(pdf.structureTypes.filter((s) => s === 'TD').length, 6);
  assert.equal(pdf.structureTypes.filter((s) => s === 'LI').length, 4);
  // The footer is an artifact, not content: no P for it.
  assert.equal(pdf.structureTypes.filter((s) => s === 'P').length, 4);
  // Bookmarks follow the headings, nested by level.
  assert.deepEqual(pdf.catalog.outline, [
    { title: `Jaaragenda 2026 – ${SCRIPTS}`, depth: 0 },
    { title: 'Scripts', depth: 1 },
    { title: 'Acties', depth: 2 },
    { title: 'Bezetting', depth: 1 },
  ]);
});

test('an English PDF says it is English, and a long one numbers its pages', async (t) => {
  if (!documentToolsPresent()) return t.skip('tools missing');
  const many = Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1} of a long document.`);
  const pdf = inspectPdf((await renderPdf(sample('en', many))).bytes);
  assert.equal(pdf.catalog.lang, 'en-GB');
  const pages = Number(pdf.info['Pages']);
  assert.ok(pages >= 2, `${pages} pages`);
  for (let page = 1; page <= pages; page++) assert.match(pdf.text, new RegExp(`page ${page} of ${pages}`));
  assert.equal(pdf.text.match(/Leiden Kennisstad · version 3 · made on 3 December 2026/g)?.length, pages, 'the footer on every page');
  assert.match(pdf.text, /Paragraph 120 of a long document\./);
});

test('a table that runs over pages repeats its header row on every page, and loses no row', async (t) => {
  if (!documentToolsPresent()) return t.skip('tools missing');
  const rows = Array.from({ length: 90 }, (_, i) => [`Rij ${i + 1}`, i % 7 === 0 ? 'Een trekker met een naam die over twee regels loopt in zijn kolom' : 'Trekker', String(i)]);
  const document: OfficialDocument = { ...sample('nl'), blocks: [heading(1, 'Bezetting'), paragraph('Inleiding.'), table(['Project', 'Trekker', 'Uren'], rows)] };
  const pdf = inspectPdf((await renderPdf(document)).bytes);
  const pages = pdf.text.split('\f').filter((page) => page.trim() !== '');
  assert.ok(pages.length >= 3, `${pages.length} pages`);
  for (const [i, page] of pages.entries()) assert.match(page, /Project\s+Trekker\s+Uren/, `the header row on page ${i + 1}`);
  for (let i = 1; i <= 90; i++) assert.match(pdf.text, new RegExp(`Rij ${i}\\b`), `row ${i}`);
  // One table per page, each with its header cells in the structure tree.
  assert.equal(pdf.structureTypes.filter((s) => s === 'Table').length, pages.length);
  assert.equal(pdf.structureTypes.filter((s) => s === 'TH').length, 3 * pages.length);
  assert.equal(pdf.structureTypes.filter((s) => s === 'TD').length, 3 * 90);
});

test('a character the font lacks is reported and printed as U+FFFD, never as garbage', async (t) => {
  const missing = new Set<string>();
  assert.equal(
    printable('a中b', (c) => c !== 0x4e2d, missing),
    'a\uFFFDb',
  );
  assert.deepEqual([...missing], ['U+4E2D "中"']);
  assert.equal(printable('x\ny', () => false, new Set()), '\uFFFD\n\uFFFD', 'line breaks are layout, not glyphs');
  const rendered = await renderPdf({ ...sample('nl'), blocks: [heading(1, 'Titel'), paragraph('Kennis 中文 stad')] });
  assert.deepEqual(rendered.missingCharacters, ['U+4E2D "中"', 'U+6587 "文"']);
  if (!documentToolsPresent()) return t.skip('tools missing');
  assert.match(inspectPdf(rendered.bytes).text, /Kennis \uFFFD\uFFFD stad/);
});

test('the DOCX uses Word heading, list and table styles, its language and an official page layout', async (t) => {
  if (!documentToolsPresent()) return t.skip('tools missing');
  const docx = await renderDocx(sample('en'));
  const body = docxPart(docx, 'word/document.xml');
  for (const style of ['Heading1', 'Heading2', 'Heading3', 'ListParagraph']) assert.match(body, new RegExp(`<w:pStyle w:val="${style}"/>`), style);
  assert.match(body, /<w:tblStyle w:val="TableGrid"\/>/);
  assert.match(body, /<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/, 'the first row repeats as header');
  assert.equal(body.match(/<w:tblHeader\/>/g)?.length, 1, 'only the header row is a header');
  assert.match(body, /<w:lang w:val="en-GB"\/>/);
  assert.doesNotMatch(body, /<w:lang w:val="nl-NL"\/>/);
  assert.ok(body.includes(SCRIPTS) && body.includes(GREEK) && body.includes(CYRILLIC));
  assert.match(body, /<w:pgSz w:w="11906" w:h="16838"/, 'A4');
  assert.match(body, /<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418"/, '2.5 cm margins');
  // Bullets and numbers are two numbering definitions; the numbered list counts in decimals.
  const numbering = docxPart(docx, 'word/numbering.xml');
  assert.match(numbering, /<w:numFmt w:val="decimal"\/>/);
  assert.match(numbering, /<w:numFmt w:val="bullet"\/>/);
  const styles = docxPart(docx, 'word/styles.xml');
  assert.match(styles, /<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"\/>/);
  assert.match(styles, /<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Heading 1"\/>[\s\S]*?<w:outlineLvl w:val="0"\/>/);
  assert.match(styles, /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri"[\s\S]*?<w:sz w:val="22"\/>[\s\S]*?<w:lang w:val="en-GB"\/>/);
  const core = docxPart(docx, 'docProps/core.xml');
  assert.match(core, /<dc:title>Jaaragenda 2026 – Łódź en Győr – CO₂ ≥ 5% €<\/dc:title>/);
  const footer = docxPart(docx, 'word/footer1.xml');
  assert.match(footer, /Leiden Kennisstad · version 3 · made on 3 December 2026 · page /);
  assert.match(footer, /PAGE/);
  assert.match(footer, /NUMPAGES/);
});

test('LibreOffice opens the DOCX and converts it: headings, lists, the table and every script come through', async (t) => {
  if (!documentToolsPresent() || !libreOfficePresent()) return t.skip('tools missing');
  const { text, pdf } = openInLibreOffice(await renderDocx(sample('nl')));
  for (const expected of [`Jaaragenda 2026 – ${SCRIPTS}`, GREEK, CYRILLIC, 'Eerste actie', 'Besluit twee', '1a. Kennisfestival', 'Universiteit Leiden']) {
    assert.ok(text.includes(expected), `LibreOffice reads "${expected}"`);
  }
  // Printed by LibreOffice: a real PDF whose text still carries the scripts.
  const printed = inspectPdf(pdf);
  assert.match(printed.check, /No syntax or stream encoding errors/);
  assert.ok(printed.flatText.includes(SCRIPTS), 'the converted PDF keeps the letters and symbols');
});

test('plain text becomes paragraphs and lists; empty lists and tables are left out', () => {
  assert.deepEqual(textBlocks('Eerste alinea.\n\n- een\n- twee\n1. a\n2) b\nSlot.'), [paragraph('Eerste alinea.'), bullets(['een', 'twee']), numbered(['a', 'b']), paragraph('Slot.')]);
  assert.deepEqual(withoutEmpty([bullets([]), table(['a'], []), paragraph('x'), numbered(['y'])]), [paragraph('x'), numbered(['y'])]);
});

test('table columns get room by their longest text, between 6 and 60 characters, summing to the whole width', () => {
  const shares = columnShares(['Project', 'Uren'], [['1a. Kennisfestival in de binnenstad', '12'], ['2b', '4']]);
  assert.deepEqual(shares.map((s) => Math.round(s * 1000) / 1000), [0.854, 0.146]);
  assert.deepEqual(columnShares(['a', 'b'], [['x'.repeat(500), '']]), [60 / 66, 6 / 66], 'a very long text takes at most 60 characters of room');
  assert.deepEqual(columnShares(['a', 'b', 'c'], []), [1 / 3, 1 / 3, 1 / 3]);
  assert.deepEqual(columnShares(['Beschrijving', 'b'], [['kort']]), [12 / 18, 6 / 18], 'the header counts too; a missing cell counts as empty');
});
