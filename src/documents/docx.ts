// The DOCX of an official document, from the same model as the PDF: Word's built-in styles
// (Title-less: Heading 1-3, List Paragraph with bullet and decimal numbering, Table Grid with a
// repeating header row), the document language on every run and in the defaults, A4 with 2.5 cm
// margins, an 11 pt sans-serif body with spacing after each paragraph, and a footer with the
// programme, the version, the date made and page x of y.
import { loadDocx } from '../web/lazy-modules.ts';
import { formatDate, translate } from '../web/i18n.ts';
import { columnShares, type Block, type OfficialDocument } from './model.ts';
import './messages.ts';

const CM = 567; // twentieths of a point per centimetre
const FONT = 'Calibri';
/** A4 (11906 twips) less two margins of 2.5 cm. */
const TEXT_WIDTH = 11906 - 2 * Math.round(2.5 * CM);

// Word's own definition of its built-in "Table Grid" style, which docx does not ship.
const TABLE_GRID = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`;

export async function renderDocx(document: OfficialDocument): Promise<Buffer> {
  const d = await loadDocx();
  const { meta } = document;
  const language = { value: meta.lang === 'nl' ? 'nl-NL' : 'en-GB' };
  // Bold only where asked: an explicit bold=false would override the heading styles.
  const run = (text: string, bold = false) => new d.TextRun({ text, language, ...(bold ? { bold } : {}) });
  const headingLevels = { 1: d.HeadingLevel.HEADING_1, 2: d.HeadingLevel.HEADING_2, 3: d.HeadingLevel.HEADING_3 } as const;
  let orderedLists = 0;

  const children = document.blocks.flatMap((block: Block) => {
    switch (block.kind) {
      case 'heading':
        return [new d.Paragraph({ heading: headingLevels[block.level], children: [run(block.text)] })];
      case 'paragraph':
        return [new d.Paragraph({ children: [run(block.text)] })];
      case 'list': {
        // Each numbered list restarts at 1: its own instance of the decimal numbering.
        const instance = block.ordered ? ++orderedLists : 0;
        return block.items.map(
          (item) =>
            new d.Paragraph({
              children: [run(item)],
              ...(block.ordered ? { numbering: { reference: 'ordered', level: 0, instance } } : { bullet: { level: 0 } }),
            }),
        );
      }
      case 'table': {
        const cell = (text: string, header: boolean) => new d.TableCell({ children: [new d.Paragraph({ children: [run(text, header)] })], ...(header ? { shading: { fill: 'EEEEEE', type: d.ShadingType.CLEAR, color: 'auto' } } : {}) });
        return [
          new d.Table({
            style: 'TableGrid',
            width: { size: 100, type: d.WidthType.PERCENTAGE },
            columnWidths: columnShares(block.header, block.rows).map((share) => Math.round(share * TEXT_WIDTH)),
            rows: [new d.TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((text) => cell(text, true)) }), ...block.rows.map((row) => new d.TableRow({ cantSplit: true, children: row.map((text) => cell(text, false)) }))],
          }),
          new d.Paragraph({ children: [] }),
        ];
      }
    }
  });

  const footerText = translate(meta.lang, 'documents.footer', { programme: meta.programme, version: meta.version, date: formatDate(meta.lang, meta.madeOn) });
  const [pageBefore, pageBetween, pageAfter] = translate(meta.lang, 'documents.page', { page: '\u0000', pages: '\u0000' }).split('\u0000') as [string, string, string];
  const small = { size: 16, language };
  const footer = new d.Footer({
    children: [
      new d.Paragraph({
        children: [
          new d.TextRun({ text: `${footerText} · ${pageBefore}`, ...small }),
          new d.TextRun({ children: [d.PageNumber.CURRENT], ...small }),
          new d.TextRun({ text: pageBetween, ...small }),
          new d.TextRun({ children: [d.PageNumber.TOTAL_PAGES], ...small }),
          new d.TextRun({ text: pageAfter, ...small }),
        ],
      }),
    ],
  });

  const heading = (size: number, before: number, outlineLevel: number) => ({ run: { font: FONT, size, bold: true, color: '000000' }, paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel } });
  const doc = new d.Document({
    title: meta.title,
    subject: meta.title,
    creator: meta.programme,
    description: `${meta.programme} · ${meta.version} · ${meta.madeOn}`,
    externalStyles: TABLE_GRID,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language }, paragraph: { spacing: { after: 160, line: 276 } } },
        heading1: heading(32, 0, 0),
        heading2: heading(26, 240, 1),
        heading3: heading(23, 200, 2),
      },
    },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [{ level: 0, format: d.LevelFormat.DECIMAL, text: '%1.', alignment: d.AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: Math.round(2.5 * CM), bottom: Math.round(2.5 * CM), left: Math.round(2.5 * CM), right: Math.round(2.5 * CM), footer: Math.round(1.25 * CM) } } },
        footers: { default: footer },
        children,
      },
    ],
  });
  return d.Packer.toBuffer(doc);
}
