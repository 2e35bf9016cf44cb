import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORM_ERROR, done, hasErrors, refused, refusedField } from './outcome.ts';

test('done carries the value; refused carries the problems per field', () => {
  assert.deepEqual(done({ id: 7 }), { ok: true, value: { id: 7 } });
  const errors = { title: { key: 'form.error.required' } };
  assert.deepEqual(refused(errors), { ok: false, errors });
});

test('refusedField names one field and its message, with the values the message names only when given', () => {
  assert.deepEqual(refusedField('endTime', 'meetings.error.endBeforeStart'), { ok: false, errors: { endTime: { key: 'meetings.error.endBeforeStart' } } });
  assert.deepEqual(refusedField('title', 'form.error.tooLong', { max: 200 }), { ok: false, errors: { title: { key: 'form.error.tooLong', values: { max: 200 } } } });
  // A problem of the whole form is reported under one agreed name, not under a field's.
  assert.equal(FORM_ERROR, '_form');
  assert.deepEqual(refusedField(FORM_ERROR, 'x.decided').errors, { _form: { key: 'x.decided' } });
});

test('hasErrors: only when at least one field has a problem', () => {
  assert.equal(hasErrors({}), false);
  assert.equal(hasErrors({ a: { key: 'k' } }), true);
  assert.equal(hasErrors({ a: { key: 'k' }, b: { key: 'l' } }), true);
});
