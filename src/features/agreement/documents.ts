// The agreement's written record as official documents (PDF and DOCX from one model, see
// src/documents): a consolidated version with its parties (and, when an amendment made it, that
// amendment's consents), and an adopted amendment with its reason, its changes and every
// party's consent.
import { bullets, heading, paragraph, textBlocks, officialDocument, type Block, type DocumentContext, type OfficialDocument } from '../../documents/model.ts';
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { formatDate, formatDateTime, translate } from '../../web/i18n.ts';
import type { Agreement, Amendment, Consent, PartyRow } from './queries.ts';
import type { SectionSnapshot } from './tables.ts';

function consentBlocks(context: DocumentContext, parties: PartyRow[], consents: Consent[]): Block[] {
  const locale = context.lang;
  const t = (key: string, values?: Record<string, string | number>) => translate(locale, key, values);
  const plain = (value: LocalizedText | null | undefined) => resolveText(value, locale).text;
  const standing = consents.filter((c) => !c.withdrawnAt);
  return [
    heading(2, t('amendment.consents')),
    bullets(
      parties.map(({ party, organisation }) => {
        const c = standing.find((s) => s.partyId === party.id);
        const answer = c ? `${t(`amendment.answer.${c.answer}`)}: ${c.personName}, ${formatDateTime(locale, c.answeredAt)}${c.note ? ` (${c.note})` : ''}` : t('amendment.answer.none');
        return `${plain(organisation.name)} — ${answer}`;
      }),
    ),
  ];
}

export function amendmentDocument(context: DocumentContext, input: { agreement: Agreement; amendment: Amendment; parties: PartyRow[]; consents: Consent[]; baseSections: SectionSnapshot[] }): OfficialDocument {
  const { agreement, amendment, parties } = input;
  const locale = context.lang;
  const t = (key: string, values?: Record<string, string | number>) => translate(locale, key, values);
  const plain = (value: LocalizedText | null | undefined) => resolveText(value, locale).text;
  const proposer = plain(parties.find((p) => p.party.id === amendment.proposedByPartyId)?.organisation.name);
  const day = (at: Date) => formatDate(locale, at.toISOString().slice(0, 10));
  const blocks: Block[] = [
    paragraph(plain(amendment.title)),
    paragraph(t('amendment.proposedBy', { person: amendment.proposedByName, party: proposer, date: day(amendment.proposedAt) })),
  ];
  if (amendment.adoptedAt) blocks.push(paragraph(t('amendment.adoptedOn', { date: day(amendment.adoptedAt) })));
  if (amendment.resultVersion !== null) blocks.push(paragraph(t('amendment.resultVersion', { number: amendment.resultVersion })));
  blocks.push(heading(2, t('amendment.reason')), ...textBlocks(plain(amendment.reason)));
  if (amendment.kind === 'renewal') {
    blocks.push(heading(2, t('amendment.kind.renewal', { years: agreement.renewalYears })));
  } else {
    for (const edit of amendment.edits) {
      const sectionHeading = input.baseSections.find((s) => s.key === edit.key)?.heading;
      blocks.push(heading(2, plain(sectionHeading) || edit.key), ...textBlocks(plain(edit.body)));
    }
  }
  const title = `${plain(agreement.title)} — ${t('amendment.number', { number: amendment.number })}`;
  // The amendment's document is of the version it produced (or the one it changes, until adopted).
  const version = t('agreement.version', { number: amendment.resultVersion ?? amendment.baseVersion });
  return officialDocument(context, title, version, [...blocks, ...consentBlocks(context, parties, input.consents)]);
}

export function versionDocument(context: DocumentContext, input: { agreement: Agreement; number: number; effectiveOn: string; sections: SectionSnapshot[]; parties: PartyRow[]; amendment: Amendment | null; consents: Consent[] }): OfficialDocument {
  const { agreement, parties } = input;
  const locale = context.lang;
  const t = (key: string, values?: Record<string, string | number>) => translate(locale, key, values);
  const plain = (value: LocalizedText | null | undefined) => resolveText(value, locale).text;
  const blocks: Block[] = [
    paragraph(t('agreement.versionEffective', { date: formatDate(locale, input.effectiveOn) })),
    paragraph(t('agreement.signed', { date: formatDate(locale, agreement.signedOn), place: agreement.signedPlace })),
    heading(2, t('agreement.parties')),
    bullets(parties.map(({ party, organisation }) => `${plain(organisation.name)}: ${party.signatoryName}, ${plain(party.signatoryTitle)}`)),
  ];
  if (input.amendment) {
    blocks.push(paragraph(`${t('agreement.versionFrom', { number: input.amendment.number })}: ${plain(input.amendment.title)}`));
    blocks.push(...consentBlocks(context, parties, input.consents));
  }
  for (const section of input.sections) blocks.push(heading(2, plain(section.heading)), ...textBlocks(plain(section.body)));
  const title = `${plain(agreement.title)} — ${t('agreement.version', { number: input.number })}`;
  return officialDocument(context, title, t('agreement.version', { number: input.number }), blocks);
}
