// The annual agenda as an official document (PDF and DOCX from one model, see src/documents):
// its state and what adopted it, a table of the projects with lead and staffing, and per project
// its actions.
import { bullets, heading, officialDocument, paragraph, table, type Block, type DocumentContext, type OfficialDocument } from '../../documents/model.ts';
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { formatDate, translate } from '../../web/i18n.ts';
import type { AdoptionSource, AnnualAgenda, EntryRow } from './queries.ts';
import { span } from './views.tsx';

export function agendaDocument(context: DocumentContext, input: { agenda: AnnualAgenda; entries: EntryRow[]; adoption: AdoptionSource }): OfficialDocument {
  const locale = context.lang;
  const t = (key: string, values?: Record<string, string | number>) => translate(locale, key, values);
  const text = (value: LocalizedText | null | undefined) => resolveText(value, locale).text;
  const { agenda, entries, adoption } = input;
  const blocks: Block[] = [paragraph(`${t('agenda.state')}: ${t(`agenda.state.${agenda.state}`)}`)];
  if (adoption) {
    const date = formatDate(locale, adoption.date);
    blocks.push(paragraph(adoption.kind === 'agreement' ? t('agenda.adoptedByAgreement', { date }) : t('agenda.adoptedBy', { date })));
  }
  if (entries.length === 0) blocks.push(paragraph(t('agenda.noEntries')));
  else {
    blocks.push(
      heading(2, t('agenda.document.projects')),
      table(
        [t('agenda.project'), t('agenda.lead'), t('agenda.staffing')],
        entries.map((row) => [`${row.code}. ${text(row.title)}`, text(row.entry.lead) || '—', text(row.entry.staffing) || '—']),
      ),
      heading(2, t('agenda.actions')),
    );
    for (const row of entries) {
      blocks.push(heading(3, `${row.code}. ${text(row.title)}`));
      if (row.entry.actions.length === 0) blocks.push(paragraph(t('agenda.noActions')));
      else {
        blocks.push(
          bullets(
            row.entry.actions.map((a) => {
              const due = text(a.due);
              const owner = text(a.owner);
              return `${text(a.description)}${due ? ` (${due})` : ''}${owner ? ` — ${owner}` : ''} — ${t(`actionState.${a.state}`)}`;
            }),
          ),
        );
      }
    }
  }
  const version = t('agenda.document.version', { version: agenda.version, state: t(`agenda.state.${agenda.state}`) });
  return officialDocument(context, t('agenda.title', { span: span(agenda) }), version, blocks);
}
