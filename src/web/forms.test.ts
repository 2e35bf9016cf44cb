import { test } from 'node:test';
import assert from 'node:assert/strict';
import { field, formState, limitsOf, LIMITS, readForm, readJson, Type, typedValue } from './forms.ts';
import { translate } from './i18n.ts';

const Member = Type.Object({
  name: field.text(LIMITS.name),
  role: field.choice(['chair', 'member'] as const),
  startsOn: field.date(),
  organisation: Type.Optional(field.uuid()),
  note: Type.Optional(field.multiline(20)),
  goal: field.localized(10, { required: true }),
  hours: Type.Optional(field.number({ maximum: 10000 })),
  seats: Type.Optional(field.integer({ minimum: 1, maximum: 9 })),
  agrees: field.checkbox(),
  tags: field.list(field.text(5), 2),
  version: field.version(),
});

const valid = {
  name: '  Ada  ',
  role: 'chair',
  startsOn: '2026-02-28',
  organisation: '0b5ad6a2-1f0e-4a53-9c1e-1f5c3d7a9b01',
  note: '\r\n\r\nline one\r\n  - item\r\n',
  goal_nl: 'doel',
  goal_en: '',
  hours: '1.234,5',
  seats: '3',
  agrees: 'on',
  tags: ['a', '', 'b'],
  version: '4',
};

test('a valid form becomes typed input: trimmed, both languages, decimal comma, line breaks kept', () => {
  const read = readForm(Member, valid);
  assert.ok(read.ok, JSON.stringify(!read.ok && read.errors));
  assert.deepEqual(read.value, {
    name: 'Ada',
    role: 'chair',
    startsOn: '2026-02-28',
    organisation: '0b5ad6a2-1f0e-4a53-9c1e-1f5c3d7a9b01',
    note: 'line one\n  - item',
    goal: { nl: 'doel' },
    hours: 1234.5,
    seats: 3,
    agrees: true,
    tags: ['a', 'b'],
    version: 4,
  });
});

test('every problem comes back per field, as a message key with its values; nothing is cut', () => {
  const read = readForm(Member, {
    name: 'x'.repeat(LIMITS.name + 1),
    role: 'king',
    startsOn: '2026-02-30',
    organisation: 'not-a-uuid',
    note: 'y'.repeat(21),
    goal_en: 'z'.repeat(11),
    hours: 'many',
    seats: '10',
    tags: ['a', 'b', 'c'],
  });
  assert.equal(read.ok, false);
  if (read.ok) return;
  assert.deepEqual(read.errors.name, { key: 'form.error.tooLong', values: { max: LIMITS.name } });
  assert.equal(read.errors.role?.key, 'form.error.choice');
  assert.equal(read.errors.startsOn?.key, 'form.error.date');
  assert.equal(read.errors.organisation?.key, 'form.error.choice');
  assert.deepEqual(read.errors.note, { key: 'form.error.tooLong', values: { max: 20 } });
  assert.deepEqual(read.errors.goal_en, { key: 'form.error.tooLong', values: { max: 10 } });
  assert.equal(read.errors.hours?.key, 'form.error.number');
  assert.deepEqual(read.errors.seats, { key: 'form.error.range', values: { min: 1, max: 9 } });
  assert.deepEqual(read.errors.tags, { key: 'form.error.tooMany', values: { max: 2 } });
  assert.equal(read.errors.version?.key, 'form.error.required');
  assert.equal(read.errors.agrees, undefined, 'an unticked checkbox is false, not missing');
});

test('a required text of only spaces, and a required bilingual text with both languages empty, are missing', () => {
  const read = readForm(Member, { ...valid, name: '   ', goal_nl: ' ', goal_en: '' });
  assert.equal(read.ok, false);
  if (read.ok) return;
  assert.equal(read.errors.name?.key, 'form.error.required');
  assert.equal(read.errors.goal_nl?.key, 'form.error.required');
});

test('a JSON body is checked against the same declaration without conversion', () => {
  const Input = Type.Object({ title: field.text(5), seats: Type.Optional(field.integer({ maximum: 3 })) }, { additionalProperties: false });
  assert.deepEqual(readJson(Input, { title: 'abc', seats: 2 }), { ok: true, value: { title: 'abc', seats: 2 } });
  const read = readJson(Input, { title: 'abcdef', seats: '2', extra: 1 });
  assert.equal(read.ok, false);
  if (read.ok) return;
  assert.equal(read.errors.title?.key, 'form.error.tooLong');
  assert.equal(read.errors.seats?.key, 'form.error.number');
  assert.equal(read.errors._form?.key, 'form.error.choice');
});

test('views read limits from the declaration, and a refused form shows what was typed', () => {
  assert.deepEqual(limitsOf(Member, 'name'), { maxLength: LIMITS.name, required: true });
  assert.deepEqual(limitsOf(Member, 'goal_en'), { maxLength: 10, required: false });
  assert.deepEqual(limitsOf(Member, 'note'), { maxLength: 20, required: false });
  const state = formState('member', { name: { key: 'form.error.required' } }, { name: 'typed' });
  assert.equal(typedValue(state, 'member', 'name', 'stored'), 'typed');
  assert.equal(typedValue(state, 'other', 'name', 'stored'), 'stored');
});

test('the messages exist in both languages and name the limit', () => {
  assert.match(translate('nl', 'form.error.tooLong', { max: 100000 }), /100\.000 tekens/);
  assert.match(translate('en', 'form.error.tooLong', { max: 100000 }), /100,000 characters/);
});

test('a parsed field reads the typed text by its own rule in the reader language; JSON sends the value itself', () => {
  // Cents from "12,50" (Dutch) or "12.50" (English); the rule's own message when it cannot.
  const cents = field.parsed(Type.Integer({ minimum: 1 }), (text, locale) => {
    const normal = locale === 'nl' ? text.replace(',', '.') : text;
    return /^\d+(\.\d{1,2})?$/.test(normal) ? { ok: true, value: Math.round(Number(normal) * 100) } : { ok: false, error: { key: 'test.money', values: { text } } };
  }, { maxLength: 12 });
  const Input = Type.Object({ amount: cents, extra: Type.Optional(cents) });
  assert.deepEqual(readForm(Input, { amount: ' 12,50 ' }, 'nl'), { ok: true, value: { amount: 1250 } });
  assert.deepEqual(readForm(Input, { amount: '12.50' }, 'en'), { ok: true, value: { amount: 1250 } });
  const wrong = readForm(Input, { amount: '12,50', extra: 'x'.repeat(13) }, 'en');
  assert.equal(wrong.ok, false);
  if (wrong.ok) return;
  assert.deepEqual(wrong.errors.amount, { key: 'test.money', values: { text: '12,50' } }, "the rule's message, not 'required'");
  assert.deepEqual(wrong.errors.extra, { key: 'form.error.tooLong', values: { max: 12 } });
  const missing = readForm(Input, { amount: ' ' }, 'nl');
  assert.equal(!missing.ok && missing.errors.amount?.key, 'form.error.required');
  assert.deepEqual(readJson(Input, { amount: 1250 }), { ok: true, value: { amount: 1250 } });
  assert.equal(readJson(Input, { amount: '12,50' }).ok, false);
  assert.deepEqual(limitsOf(Input, 'amount'), { maxLength: 12, required: true });
  assert.equal(JSON.stringify(Input).includes('read'), false, 'the reader stays out of the JSON Schema');
});

test('a date and time (datetime-local) must name a day that exists and a time of day', () => {
  const Moment = Type.Object({ at: field.dateTime() });
  assert.deepEqual(readForm(Moment, { at: '2026-03-01T20:00' }), { ok: true, value: { at: '2026-03-01T20:00' } });
  for (const bad of ['2026-02-30T20:00', '2026-03-01T24:00', '2026-03-01 20:00', '2026-03-01', 'tomorrow']) {
    const read = readForm(Moment, { at: bad });
    assert.equal(read.ok, false, bad);
    if (!read.ok) assert.equal(read.errors.at?.key, 'form.error.dateTime', bad);
  }
});


test('a secret (password, code) is kept exactly as typed: spaces are part of it, and the limit refuses instead of cutting', () => {
  const Login = Type.Object({ email: field.text(LIMITS.name), password: field.secret(12) });
  assert.deepEqual(readForm(Login, { email: ' a@b.nl ', password: '  two words ' }), { ok: true, value: { email: 'a@b.nl', password: '  two words ' } });
  const long = readForm(Login, { email: 'a@b.nl', password: 'x'.repeat(13) });
  assert.equal(long.ok, false);
  assert.deepEqual(!long.ok && long.errors.password, { key: 'form.error.tooLong', values: { max: 12 } });
  const empty = readForm(Login, { email: 'a@b.nl', password: '' });
  assert.deepEqual(!empty.ok && empty.errors.password, { key: 'form.error.required' });
});
