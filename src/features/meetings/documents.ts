// A body's documents as official documents (PDF and DOCX from one model, see src/documents):
// the minutes of a meeting with its decision list and action list, the meeting pack (agenda with
// documents, and the decision proposals the support level prepared), and the executive body's
// mid-term evaluation.
import { bullets, heading, numbered, officialDocument, paragraph, table, textBlocks, type Block, type DocumentContext, type OfficialDocument } from '../../documents/model.ts';
import { decisionStatus } from '../../domain/meeting-record.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { formatDate, formatDateTime, translate } from '../../web/i18n.ts';
import type { Meeting, MeetingDetail } from './queries.ts';
import type { EvaluationRow } from './reports.ts';
import './messages-documents.ts';

type Values = Record<string, string | number>;

function tools(context: DocumentContext) {
  const locale = context.lang;
  return {
    t: (key: string, values?: Values) => translate(locale, key, values),
    text: (value: LocalizedText | null | undefined) => resolveText(value, locale).text,
    day: (instant: Date) => formatDate(locale, toAmsterdam(instant).date),
  };
}

function whenAndWhere(context: DocumentContext, meeting: Meeting): Block[] {
  const { t } = tools(context);
  return [
    paragraph(t('meetings.document.when', { date: formatDateTime(context.lang, meeting.startsAt), end: toAmsterdam(meeting.endsAt).time })),
    ...(meeting.location ? [paragraph(t('meetings.document.location', { location: meeting.location }))] : []),
    ...(meeting.onlineUrl ? [paragraph(t('meetings.document.online', { url: meeting.onlineUrl }))] : []),
  ];
}

function agendaLine(context: DocumentContext, row: MeetingDetail['items'][number], index: number): string {
  const { t, text } = tools(context);
  return `${index + 1}. ${text(row.item.title)} (${t(`meetings.kind.${row.item.kind}`)})${row.item.withdrawnAt ? ` — ${t('meetings.agenda.withdrawn')}` : ''}`;
}

export function meetingPackDocument(context: DocumentContext, input: { meeting: Meeting; detail: MeetingDetail; meetingTitle: string }): OfficialDocument {
  const { t, text, day } = tools(context);
  const { meeting, detail } = input;
  const blocks: Block[] = [...whenAndWhere(context, meeting), heading(2, t('meetings.agenda.title'))];
  detail.items.forEach((row, index) => {
    blocks.push(heading(3, agendaLine(context, row, index)), ...textBlocks(text(row.item.notes)));
    if (row.projects.length > 0) blocks.push(paragraph(`${t('meetings.agenda.projects')}: ${row.projects.map((p) => `${p.code}. ${text(p.title)}`).join(', ')}`));
    blocks.push(bullets(row.documents.map((d) => `${text(d.title)}: ${d.url}`)));
  });
  const proposals = detail.items.filter((row) => row.proposal);
  if (proposals.length > 0) {
    blocks.push(heading(2, t('meetings.report.proposals')));
    for (const row of proposals) {
      blocks.push(heading(3, text(row.proposal!.title)), ...textBlocks(text(row.proposal!.text)));
      if (row.preparedInStartsAt) blocks.push(paragraph(t('meetings.agenda.preparedIn', { date: day(row.preparedInStartsAt) })));
    }
  }
  blocks.push(heading(2, t('meetings.report.documents')));
  const documents = detail.items.flatMap((row, index) => row.documents.map((d) => [text(d.title), agendaLine(context, row, index), d.url]));
  blocks.push(documents.length > 0 ? table([t('meetings.document.col.document'), t('meetings.document.col.item'), t('meetings.document.col.link')], documents) : paragraph('—'));
  return officialDocument(context, t('meetings.pack.documentTitle', { meeting: input.meetingTitle }), t('meetings.document.version', { number: meeting.sequence + 1 }), blocks);
}

export function minutesDocument(context: DocumentContext, input: { meeting: Meeting; detail: MeetingDetail; meetingTitle: string; notes: { text: LocalizedText; authorName: string; createdAt: Date }[] }): OfficialDocument {
  const { t, text, day } = tools(context);
  const { meeting, detail } = input;
  const approved = meeting.minutesApprovedAt;
  const blocks: Block[] = [...whenAndWhere(context, meeting), paragraph(approved ? t('meetings.document.approved', { date: day(approved) }) : t('meetings.minutes.notApproved'))];

  blocks.push(heading(2, t('meetings.attendance.title')));
  blocks.push(
    detail.attendance.length === 0
      ? paragraph(t('meetings.attendance.noMembers'))
      : table(
          [t('meetings.document.col.name'), t('meetings.document.col.position'), t('meetings.document.col.presence')],
          detail.attendance.map((m) => [m.name, t(`meetings.position.${m.position}`), m.presence ? t(`meetings.attendance.${m.presence}`) : t('meetings.document.notRecorded')]),
        ),
  );

  blocks.push(heading(2, t('meetings.agenda.title')), numbered(detail.items.map((row, index) => agendaLine(context, row, index).replace(/^\d+\. /, ''))));
  blocks.push(heading(2, t('meetings.minutes.title')));
  const minutes = textBlocks(text(meeting.minutes));
  blocks.push(...(minutes.length > 0 ? minutes : [paragraph(t('meetings.minutes.none'))]));

  blocks.push(heading(2, t('meetings.decisions.title')));
  const status = (decision: MeetingDetail['decisions'][number]['decision']) => {
    const s = decisionStatus(decision);
    if (s === 'withdrawn') return t('meetings.decisions.withdrawn');
    if (s === 'awaitingConfirmation') return t('meetings.decisions.awaiting');
    return decision.confirmedByName ? t('meetings.decisions.confirmedBy', { name: decision.confirmedByName, date: day(decision.confirmedAt!) }) : t('meetings.decisions.confirmedOn', { date: day(decision.confirmedAt!) });
  };
  blocks.push(
    detail.decisions.length === 0
      ? paragraph(t('meetings.decisions.none'))
      : table(
          [t('meetings.document.col.number'), t('meetings.document.col.decision'), t('meetings.document.col.outcome'), t('meetings.document.col.status')],
          detail.decisions.map((row, index) => [String(index + 1), text(row.decision.text), t(`meetings.outcome.${row.decision.outcome}`), status(row.decision)]),
        ),
  );

  blocks.push(heading(2, t('meetings.actions.title')));
  blocks.push(
    detail.actions.length === 0
      ? paragraph(t('meetings.actions.none'))
      : table(
          [t('meetings.actions.description'), t('meetings.actions.owner'), t('meetings.actions.due'), t('meetings.actions.raised'), t('meetings.actions.state')],
          detail.actions.map((row) => [text(row.action.description), row.action.owner, formatDate(context.lang, row.action.dueOn) || '—', day(row.raisedAt), row.action.state === 'done' ? t('meetings.actions.done') : t('meetings.actions.open')]),
        ),
  );

  if (input.notes.length > 0) {
    blocks.push(heading(2, t('meetings.document.corrections')), bullets(input.notes.map((n) => t('meetings.document.correction', { date: day(n.createdAt), name: n.authorName, text: text(n.text) }))));
  }
  const version = approved ? t('meetings.document.approved', { date: day(approved) }) : t('meetings.document.draft');
  return officialDocument(context, t('meetings.minutes.documentTitle', { meeting: input.meetingTitle }), version, blocks);
}

function targetLine(context: DocumentContext, target: EvaluationRow['targets'][number]): string {
  const { t, text } = tools(context);
  const num = (value: number | null) => (value === null ? '—' : String(value));
  const unit = text(target.unit);
  return t('meetings.report.target', {
    title: text(target.title),
    target: `${num(target.target)}${unit ? ` ${unit}` : ''}`,
    baseline: num(target.baseline),
    latest: num(target.latest),
    deadline: text(target.deadline) || '—',
  });
}

export function evaluationDocument(context: DocumentContext, input: { rows: EvaluationRow[]; year: number; cutoff: string }): OfficialDocument {
  const { t, text } = tools(context);
  const blocks: Block[] = [
    paragraph(t('meetings.report.intro')),
    heading(2, t('meetings.report.projects')),
    table(
      ['project', 'status', 'done', 'open', 'overdue'].map((key) => t(`meetings.report.col.${key}`)),
      input.rows.map((row) => [`${row.code}. ${text(row.title)}`, `${t(`lifecycle.${row.lifecycle}`)}${text(row.status) ? ` — ${text(row.status)}` : ''}`, String(row.done), String(row.open), String(row.overdue)]),
    ),
    heading(2, t('meetings.report.targets')),
  ];
  for (const row of input.rows.filter((r) => r.targets.length > 0)) blocks.push(heading(3, `${row.code}. ${text(row.title)}`), bullets(row.targets.map((target) => targetLine(context, target))));
  return officialDocument(context, t('meetings.report.title', { year: input.year, programme: context.programme }), t('meetings.document.asOf', { date: formatDate(context.lang, input.cutoff) }), blocks);
}
