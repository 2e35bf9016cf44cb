import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DOCX_TYPE, documentFormat, sendDocument } from './http.ts';
import { heading, paragraph, type OfficialDocument } from './model.ts';

function fakes() {
  const warnings: { details: unknown; message: string }[] = [];
  const sent: { type?: string; headers: Record<string, string>; body?: Buffer } = { headers: {} };
  const request = { log: { warn: (details: unknown, message: string) => warnings.push({ details, message }) } } as unknown as FastifyRequest;
  const reply = {
    type(value: string) {
      sent.type = value;
      return this;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return this;
    },
    send(body: Buffer) {
      sent.body = body;
      return this;
    },
  } as unknown as FastifyReply;
  return { warnings, sent, request, reply };
}

const doc = (text: string): OfficialDocument => ({ meta: { title: 'T', lang: 'en', programme: 'P', version: 'Version 1', madeOn: '2026-12-03' }, blocks: [heading(1, 'T'), paragraph(text)] });

test('a character the PDF font lacks is written to the request log, with the document it was in', async () => {
  const { warnings, sent, request, reply } = fakes();
  await sendDocument(request, reply, 'pdf', doc('Kennis 中 stad'), 'minutes-2026-12-03-en');
  assert.equal(sent.type, 'application/pdf');
  assert.equal(sent.headers['content-disposition'], 'attachment; filename="minutes-2026-12-03-en.pdf"');
  assert.equal(sent.body!.subarray(0, 5).toString(), '%PDF-');
  assert.deepEqual(warnings, [{ details: { document: 'minutes-2026-12-03-en', missingCharacters: ['U+4E2D "中"'] }, message: 'PDF font lacks characters; printed U+FFFD instead' }]);
});

test('a document the font covers logs nothing; DOCX is sent as Word, with a safe file name', async () => {
  const { warnings, sent, request, reply } = fakes();
  await sendDocument(request, reply, 'pdf', doc('Łódź – Θεσσαλονίκη – Київ'), 'x');
  assert.deepEqual(warnings, []);
  await sendDocument(request, reply, 'docx', doc('Łódź'), 'a"b\r\nc/../d');
  assert.equal(sent.type, DOCX_TYPE);
  assert.equal(sent.headers['content-disposition'], 'attachment; filename="a-b-c-..-d.docx"');
  assert.equal(sent.body!.subarray(0, 2).toString(), 'PK');
});

test('only pdf and docx are formats', () => {
  assert.equal(documentFormat('pdf'), 'pdf');
  assert.equal(documentFormat('docx'), 'docx');
  for (const other of ['odt', 'PDF', '', 'pdf ', 'report.pdf']) assert.equal(documentFormat(other), null);
});
