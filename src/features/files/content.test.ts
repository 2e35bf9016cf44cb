// The pure rules of uploads: names from any string are harmless labels; the type is decided by
// the bytes and must agree with the extension.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contentDisposition, detectKind, DOCUMENT_KINDS, extensionOf, MAX_NAME_LENGTH, sanitiseName } from './content.ts';

const HOSTILE = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.constantFrom('../../etc/passwd', '..\\x.pdf', 'a\u0000b.pdf', 'x\u202Efdp.exe', '<img src=x onerror=alert(1)>.pdf', '....', ' . ', 'CON', '\u2066\u2069', '%2e%2e%2fx.pdf'),
);

test('a sanitised name never holds a path, a control or bidi character, and stays short with an extension', () => {
  fc.assert(
    fc.property(HOSTILE, (raw) => {
      const name = sanitiseName(raw, 'pdf');
      assert.ok(name.length > 0 && name.length <= MAX_NAME_LENGTH + 4, name);
      assert.doesNotMatch(name, /[\\/<>:"|?*\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/);
      assert.ok(!name.startsWith('.'), name);
      assert.notEqual(extensionOf(name), '');
      // The header value is plain ASCII whatever the name.
      assert.match(contentDisposition('attachment', name), /^[\x20-\x7e]+$/);
    }),
    { numRuns: 2000 },
  );
});

test('the type comes from the bytes and must agree with the extension', async () => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  assert.deepEqual(await detectKind(png, 'a.png', DOCUMENT_KINDS), { ok: true, kind: 'png', contentType: 'image/png' });
  assert.deepEqual(await detectKind(png, 'a.pdf', DOCUMENT_KINDS), { ok: false, reason: 'mismatch', detected: 'png' });
  assert.deepEqual(await detectKind(png, 'a.png', ['pdf']), { ok: false, reason: 'type' });
  assert.deepEqual(await detectKind(Buffer.from('a;b\n1;2\n'), 'data.csv', DOCUMENT_KINDS), { ok: true, kind: 'csv', contentType: 'text/csv; charset=utf-8' });
  assert.deepEqual(await detectKind(Buffer.from('<svg onload="x"/>'), 'a.svg', DOCUMENT_KINDS), { ok: false, reason: 'type' });
  assert.deepEqual(await detectKind(Buffer.from([0x61, 0x00, 0x62]), 'a.txt', DOCUMENT_KINDS), { ok: false, reason: 'type' });
  assert.deepEqual(await detectKind(Buffer.from([0xc3, 0x28]), 'a.txt', DOCUMENT_KINDS), { ok: false, reason: 'type' });
  assert.deepEqual(await detectKind(Buffer.alloc(0), 'a.txt', DOCUMENT_KINDS), { ok: false, reason: 'empty' });
  // An Office document is a ZIP: file-type looks inside to tell DOCX from any other archive.
  const { Document, Packer, Paragraph } = await import('docx');
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Notitie')] }] }));
  assert.equal((await detectKind(docx, 'Notitie.docx', DOCUMENT_KINDS)).ok, true);
  assert.deepEqual(await detectKind(docx, 'Notitie.xlsx', DOCUMENT_KINDS), { ok: false, reason: 'mismatch', detected: 'docx' });
});
