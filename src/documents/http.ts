// Sends an official document as PDF or DOCX. A character the PDF font cannot print is written to
// the request's log (the PDF shows U+FFFD in its place), so someone can add a font that has it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { today } from '../clock.ts';
import { resolveText } from '../domain/localized.ts';
import type { DocumentContext, OfficialDocument } from './model.ts';
import { renderDocx } from './docx.ts';
import { renderPdf } from './pdf.ts';

export type DocumentFormat = 'pdf' | 'docx';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function documentFormat(value: string): DocumentFormat | null {
  return value === 'pdf' || value === 'docx' ? value : null;
}

export async function sendDocument(request: FastifyRequest, reply: FastifyReply, format: DocumentFormat, document: OfficialDocument, filename: string) {
  // The name is ASCII by construction (slugs, numbers, locale): no header injection, no encoding.
  const safeName = filename.replace(/[^A-Za-z0-9._-]+/g, '-');
  if (format === 'pdf') {
    const { bytes, missingCharacters } = await renderPdf(document);
    if (missingCharacters.length > 0) request.log.warn({ document: safeName, missingCharacters }, 'PDF font lacks characters; printed U+FFFD instead');
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${safeName}.pdf"`).send(bytes);
  }
  return reply.type(DOCX_TYPE).header('content-disposition', `attachment; filename="${safeName}.docx"`).send(await renderDocx(document));
}

/** The reader's language, the programme's name in it, and today. */
export function documentContext(request: FastifyRequest): DocumentContext {
  return { lang: request.locale, programme: resolveText(request.programme?.name, request.locale).text, madeOn: today() };
}
