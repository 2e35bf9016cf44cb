import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { deflateRawSync } from 'node:zlib';
import { docxText, documentXmlText, DocxError, zipEntry } from './create-docx.ts';
import { splitArticles } from '../../domain/agreement-articles.ts';

describe('reading a .docx agreement', () => {
  test('a .docx made with the docx package: headings become articles', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Partijen: Gemeente Delft & TU Delft'),
            new Paragraph({ text: 'Artikel 1 Doel', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun('Samen '), new TextRun({ text: 'sterker', bold: true }), new TextRun(' <maken>.')] }),
            new Paragraph({ text: 'Looptijd', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Vier jaar.', bullet: { level: 0 } }),
          ],
        },
      ],
    });
    const text = docxText(await Packer.toBuffer(doc));
    assert.equal(text, 'Partijen: Gemeente Delft & TU Delft\n\n# Artikel 1 Doel\n\nSamen sterker <maken>.\n\n## Looptijd\n\n- Vier jaar.');
    assert.deepEqual(splitArticles(text).map((a) => a.title), ['', 'Doel', 'Looptijd']);
  });

  test('XML entities, tabs and breaks', () => {
    assert.equal(documentXmlText('<w:body><w:p><w:r><w:t xml:space="preserve">A &amp;&#233;&#x20AC;</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t></w:r></w:p><w:p/></w:body>'), 'A &é€\tB\nC');
  });

  test('anything that is not a .docx is refused with DocxError, not a crash', () => {
    assert.throws(() => docxText(Buffer.from('hello, not a zip')), DocxError);
    assert.throws(() => docxText(Buffer.alloc(0)), DocxError);
    // A zip without word/document.xml.
    const name = Buffer.from('a.txt');
    const data = deflateRawSync(Buffer.from('x'));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + data.length, 16);
    const zip = Buffer.concat([local, name, data, central, name, end]);
    assert.equal(zipEntry(zip, 'a.txt')!.toString(), 'x');
    assert.throws(() => docxText(zip), /no word\/document.xml/);
  });
});
