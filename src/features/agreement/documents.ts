// The written record: an adopted amendment or a consolidated version with each party's consent,
// as PDF (pdfkit) and DOCX (docx). Both are rendered from one small document model so the two
// formats always say the same thing.
import { loadDocx, loadPdfKit } from '../../web/lazy-modules.ts';
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import { translate } from '../../web/i18n.ts';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import type { Agreement, Amendment, Consent, PartyRow } from './queries.ts';
import type { SectionSnapshot } from './tables.ts';

export type Block = { kind: 'title' | 'heading' | 'paragraph' | 'item'; text: string };

const plain = (value: LocalizedText | null | undefined, locale: Locale) => resolveText(value, locale).text;

function bodyBlocks(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((block) => block.split('\n').map((line) => line.trim()).filter(Boolean).map((line): Block => (line.startsWith('- ') ? { kind: 'item', text: line.slice(2) } : { kind: 'paragraph', text: line })));
}

function consentBlocks(locale: Locale, parties: PartyRow[], consents: Consent[]): Block[] {
  const t = (key: string, values?: Record<string, string | number>) => translate(locale, key, values);
  const standing = consents.filter((c) => !c.withdrawnAt);
  return [
    { kind: 'heading', text: t('amendment.consents') },
    ...parties.map(({ party, organisation }): Block => {
      const c = standing.find((s) => s.partyId === party.id);
      const answer = c ? `${t(`amendment.answer.${c.answer}`)}: ${c.personName}, ${formatDateTime(locale, c.answeredAt)}${c.note ? ` (${c.note})` : ''}` : t('amendment.answer.none');
      return { kind: 'item', text: `${plain(organisation.name, locale)} — ${answer}` };
    }),
  ];
}

export function amendmentDocument(input: { locale: Locale; agreement: Agreement; amendment: Amendment; parties: PartyRow[]; consents: Consent[]; baseSections: SectionSnapshot[] }): Block[] {
  const { locale, agreement, amendment, parties } = input;
  const t = (key: string, values?: Record<string, string | number>) => translate(locale, key, values);
  const proposer = plain(parties.find((p) => p.party.id === amendment.proposedByPartyId)?.organisation.name, locale);
  const day = (at: Date) => formatDate(locale, at.toISOString().slice(0, 10));
  const blocks: Block[] = [
    { kind: 'title', text: `${plain(agreement.title, locale)} — ${t('amendment.number', { number: amendment.number })}` },
    { kind: 'paragraph', text: plain(amendment.title, locale) },
    { kind: 'paragraph', text: t('amendment.proposedBy', { person: amendment.proposedByName, party: proposer, date: day(amendment.proposedAt) }) },
  ];
  if (amendment.adoptedAt) blocks.push({ kind: 'paragraph', text: t('amendment.adoptedOn', { date: day(amendment.adoptedAt) }) });
  if (amendment.resultVersion !== null) blocks.push({ kind: 'paragraph', text: t('amendment.resultVersion', { number: amendment.resultVersion }) });
  blocks.push({ kind: 'heading', text: t('amendment.reason') }, ...bodyBlocks(plain(amendment.reason, locale)));
  if (amendment.kind === 'renewal') {
    blocks.push({ kind: 'heading', text: t('amendment.kind.renewal', { years: agreement.renewalYears }) });
  } else {
    for (const edit of amendment.edits) {
      const heading = input.baseSections.find((s) => s.key === edit.key)?.heading;
      blocks.push({ kind: 'heading', text: plain(heading, locale) || edit.key }, ...bodyBlocks(plain(edit.body, locale)));
    }
  }
  return [...blocks, ...consentBlocks(locale, parties, input.consents)];
}

export function versionDocument(input: { locale: Locale; agreement: Agreement; number: number; effectiveOn: string; sections: SectionSnapshot[]; parties: PartyRow[]; amendment: Amendment | null; consents: Consent[] }): Block[] {
  const { locale, agreement, parties } = input;
  const t = (key: string, values?: Record<string, string | number>) => translate(locale, key, values);
  const blocks: Block[] = [
    { kind: 'title', text: `${plain(agreement.title, locale)} — ${t('agreement.version', { number: input.number })}` },
    { kind: 'paragraph', text: t('agreement.versionEffective', { date: formatDate(locale, input.effectiveOn) }) },
    { kind: 'paragraph', text: t('agreement.signed', { date: formatDate(locale, agreement.signedOn), place: agreement.signedPlace }) },
    { kind: 'heading', text: t('agreement.parties') },
    ...parties.map(({ party, organisation }): Block => ({ kind: 'item', text: `${plain(organisation.name, locale)}: ${party.signatoryName}, ${plain(party.signatoryTitle, locale)}` })),
  ];
  if (input.amendment) {
    blocks.push({ kind: 'paragraph', text: `${t('agreement.versionFrom', { number: input.amendment.number })}: ${plain(input.amendment.title, locale)}` });
    blocks.push(...consentBlocks(locale, parties, input.consents));
  }
  for (const section of input.sections) blocks.push({ kind: 'heading', text: plain(section.heading, locale) }, ...bodyBlocks(plain(section.body, locale)));
  return blocks;
}

export async function renderPdf(blocks: Block[], title: string): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title }, lang: 'nl' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const block of blocks) {
      if (block.kind === 'title') doc.font('Helvetica-Bold').fontSize(16).text(block.text).moveDown(0.5);
      else if (block.kind === 'heading') doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).text(block.text).moveDown(0.25);
      else if (block.kind === 'item') doc.font('Helvetica').fontSize(10).text(`•  ${block.text}`, { indent: 10 });
      else doc.font('Helvetica').fontSize(10).text(block.text).moveDown(0.4);
    }
    doc.end();
  });
}

export async function renderDocx(blocks: Block[], title: string, locale: Locale): Promise<Buffer> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await loadDocx();
  const children = blocks.map((block) => {
    if (block.kind === 'title') return new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)] });
    if (block.kind === 'heading') return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.text)] });
    if (block.kind === 'item') return new Paragraph({ bullet: { level: 0 }, children: [new TextRun(block.text)] });
    return new Paragraph({ children: [new TextRun(block.text)] });
  });
  const document = new Document({ title, creator: 'Kennisstad', styles: { default: { document: { run: { language: { value: locale === 'nl' ? 'nl-NL' : 'en-GB' } } } } }, sections: [{ children }] });
  return Packer.toBuffer(document);
}
