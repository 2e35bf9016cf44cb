import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { amsterdamDate, now, setClock, today } from './clock.ts';

afterEach(() => setClock(null));

test('real time unless a test sets the clock', () => {
  assert.ok(Math.abs(now().getTime() - Date.now()) < 1000);
});

test('a set clock runs on from the moment given; a frozen one stays', async () => {
  setClock('2019-06-01T10:00:00Z');
  const first = now();
  assert.ok(Math.abs(first.getTime() - Date.parse('2019-06-01T10:00:00Z')) < 1000);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(now().getTime() > first.getTime());
  setClock('2019-06-01T10:00:00Z', { frozen: true });
  assert.equal(now().toISOString(), '2019-06-01T10:00:00.000Z');
  assert.throws(() => setClock('not a date'));
});

test('today is the Amsterdam calendar date, across midnight UTC', () => {
  setClock('2019-12-31T23:30:00Z', { frozen: true });
  assert.equal(today(), '2020-01-01');
  assert.equal(amsterdamDate(new Date('2019-07-06T21:59:00Z')), '2019-07-06');
  assert.equal(amsterdamDate(new Date('2019-07-06T22:00:00Z')), '2019-07-07');
});
