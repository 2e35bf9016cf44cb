// The mid-term evaluation for the executive meeting (per project: status, actions done / open /
// overdue, targets against plan) as PDF and DOCX, and a meeting's pack (agenda, decision
// proposals, document list) as PDF. Files are built in memory; nothing touches the disk.
import { today as clockToday } from '../../clock.ts';
import { loadDocx, loadPdfKit } from '../../web/lazy-modules.ts';
import { and, asc, eq, lte, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actions, projects, targets } from '../../db/schema.ts';
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { formatDate, formatDateTime, translate } from '../../web/i18n.ts';
import { measurements } from '../monitoring/tables.ts';
import type { Body, Meeting, MeetingDetail } from './queries.ts';

export interface EvaluationRow {
  code: string;
  title: LocalizedText;
  lifecycle: string;
  status: LocalizedText;
  done: number;
  open: number;
  overdue: number;
  targets: { title: LocalizedText; target: number | null; unit: LocalizedText; baseline: number | null; deadline: LocalizedText; latest: number | null }[];
}

/** Counts as of the end of `year`, or today when the year is still running. */
export async function loadEvaluation(db: Db, programmeId: string, year: number, today = clockToday()): Promise<EvaluationRow[]> {
  const yearEnd = `${year}-12-31`;
  const cutoff = today < yearEnd ? today : yearEnd;
  const [projectRows, actionRows, targetRows, measurementRows] = await Promise.all([
    db
      .select({ id: projects.id, code: projects.code, title: projects.title, lifecycle: projects.lifecycle, status: projects.status })
      .from(projects)
      .where(and(eq(projects.programmeId, programmeId), notInArray(projects.lifecycle, ['proposed', 'rejected'])))
      .orderBy(asc(projects.position), asc(projects.code)),
    db.select({ projectId: actions.projectId, state: actions.state, dueOn: actions.dueOn }).from(actions).where(eq(actions.programmeId, programmeId)),
    db.select().from(targets).where(eq(targets.programmeId, programmeId)).orderBy(asc(targets.key)),
    db
      .select({ targetId: measurements.targetId, value: measurements.value, measuredOn: measurements.measuredOn })
      .from(measurements)
      .where(and(eq(measurements.programmeId, programmeId), lte(measurements.measuredOn, cutoff)))
      .orderBy(asc(measurements.measuredOn)),
  ]);
  const latest = new Map<string, number>();
  for (const m of measurementRows) latest.set(m.targetId, m.value);
  return projectRows.map((project) => {
    const own = actionRows.filter((a) => a.projectId === project.id);
    const open = own.filter((a) => a.state === 'open' || a.state === 'in_progress');
    return {
      code: project.code,
      title: project.title,
      lifecycle: project.lifecycle,
      status: project.status,
      done: own.filter((a) => a.state === 'done').length,
      open: open.length,
      overdue: open.filter((a) => a.dueOn !== null && a.dueOn < cutoff).length,
      targets: targetRows
        .filter((t) => t.projectId === project.id)
        .map((t) => ({
          title: t.title,
          target: t.targetValue,
          unit: t.unit,
          baseline: t.baselineValue,
          deadline: Object.keys(t.deadlineLabel).length > 0 ? t.deadlineLabel : { nl: formatDate('nl', t.deadlineOn), en: formatDate('en', t.deadlineOn) },
          latest: latest.get(t.id) ?? null,
        })),
    };
  });
}

const txt = (value: LocalizedText | null | undefined, locale: Locale) => resolveText(value, locale).text;
const num = (value: number | null) => (value === null ? '—' : String(value));

function targetLine(t: EvaluationRow['targets'][number], locale: Locale): string {
  const unit = txt(t.unit, locale);
  return translate(locale, 'meetings.report.target', {
    title: txt(t.title, locale),
    target: `${num(t.target)}${unit ? ` ${unit}` : ''}`,
    baseline: num(t.baseline),
    latest: num(t.latest),
    deadline: txt(t.deadline, locale) || '—',
  });
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export function evaluationTitle(locale: Locale, year: number, programme: LocalizedText): string {
  return translate(locale, 'meetings.report.title', { year, programme: txt(programme, locale) });
}

export async function evaluationPdf(rows: EvaluationRow[], input: { locale: Locale; year: number; programme: LocalizedText }): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const { locale } = input;
  const title = evaluationTitle(locale, input.year, input.programme);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title }, lang: locale, displayTitle: true, pdfVersion: '1.7', tagged: false });
  doc.font('Helvetica-Bold').fontSize(18).text(title);
  doc.moveDown(0.5).font('Helvetica').fontSize(10).text(translate(locale, 'meetings.report.intro'));
  for (const row of rows) {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(`${row.code}. ${txt(row.title, locale)}`);
    doc.font('Helvetica').fontSize(10);
    doc.text(`${translate(locale, 'meetings.report.status')}: ${translate(locale, `lifecycle.${row.lifecycle}`)} — ${txt(row.status, locale)}`);
    doc.text(translate(locale, 'meetings.report.actions', { done: row.done, open: row.open, overdue: row.overdue }));
    for (const target of row.targets) doc.text(`• ${targetLine(target, locale)}`, { indent: 10 });
  }
  return collect(doc);
}

export async function evaluationDocx(rows: EvaluationRow[], input: { locale: Locale; year: number; programme: LocalizedText }): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await loadDocx();
  const { locale } = input;
  const title = evaluationTitle(locale, input.year, input.programme);
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const header = new TableRow({
    tableHeader: true,
    children: ['project', 'status', 'done', 'open', 'overdue'].map((key) => cell(translate(locale, `meetings.report.col.${key}`), true)),
  });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      header,
      ...rows.map(
        (row) =>
          new TableRow({
            children: [cell(`${row.code}. ${txt(row.title, locale)}`), cell(translate(locale, `lifecycle.${row.lifecycle}`)), cell(String(row.done)), cell(String(row.open)), cell(String(row.overdue))],
          }),
      ),
    ],
  });
  const targetParagraphs = rows.flatMap((row) =>
    row.targets.length === 0
      ? []
      : [new Paragraph({ text: `${row.code}. ${txt(row.title, locale)}`, heading: HeadingLevel.HEADING_3 }), ...row.targets.map((t) => new Paragraph({ text: targetLine(t, locale), bullet: { level: 0 } }))],
  );
  const document = new Document({
    title,
    creator: 'Kennisstad',
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT }),
          new Paragraph({ text: translate(locale, 'meetings.report.intro') }),
          new Paragraph({ text: translate(locale, 'meetings.report.projects'), heading: HeadingLevel.HEADING_2 }),
          table,
          new Paragraph({ text: translate(locale, 'meetings.report.targets'), heading: HeadingLevel.HEADING_2 }),
          ...targetParagraphs,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

export async function meetingPackPdf(input: { locale: Locale; body: Body; meeting: Meeting; detail: MeetingDetail; title: string }): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const { locale, meeting, detail } = input;
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: input.title }, lang: locale, displayTitle: true, pdfVersion: '1.7' });
  doc.font('Helvetica-Bold').fontSize(18).text(input.title);
  doc.font('Helvetica').fontSize(10).text(`${formatDateTime(locale, meeting.startsAt)} – ${toAmsterdam(meeting.endsAt).time}`);
  if (meeting.location) doc.text(meeting.location);
  if (meeting.onlineUrl) doc.text(meeting.onlineUrl);
  doc.moveDown().font('Helvetica-Bold').fontSize(14).text(translate(locale, 'meetings.agenda.title'));
  detail.items.forEach((row, index) => {
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text(`${index + 1}. ${txt(row.item.title, locale)} (${translate(locale, `meetings.kind.${row.item.kind}`)})${row.item.withdrawnAt ? ` — ${translate(locale, 'meetings.agenda.withdrawn')}` : ''}`);
    doc.font('Helvetica').fontSize(10);
    const notes = txt(row.item.notes, locale);
    if (notes) doc.text(notes);
    if (row.projects.length > 0) doc.text(`${translate(locale, 'meetings.agenda.projects')}: ${row.projects.map((p) => p.code).join(', ')}`);
  });
  const proposals = detail.items.filter((row) => row.proposal);
  if (proposals.length > 0) {
    doc.moveDown().font('Helvetica-Bold').fontSize(14).text(translate(locale, 'meetings.report.proposals'));
    for (const row of proposals) {
      doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text(txt(row.proposal!.title, locale));
      doc.font('Helvetica').fontSize(10).text(txt(row.proposal!.text, locale));
      if (row.preparedInStartsAt) doc.text(translate(locale, 'meetings.agenda.preparedIn', { date: formatDate(locale, toAmsterdam(row.preparedInStartsAt).date) }));
    }
  }
  const documents = detail.items.flatMap((row) => row.documents);
  doc.moveDown().font('Helvetica-Bold').fontSize(14).text(translate(locale, 'meetings.report.documents'));
  doc.font('Helvetica').fontSize(10);
  if (documents.length === 0) doc.text('—');
  for (const d of documents) doc.text(`• ${txt(d.title, locale)}: ${d.url}`);
  return collect(doc);
}
