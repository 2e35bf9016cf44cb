import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCommonPassword, passwordProblem } from './password-policy.ts';
import { currentCode, matchingStep, newTotpSecret } from './totp.ts';

test('passwords need 12 characters, counted as characters not bytes', () => {
  assert.equal(passwordProblem('kort wachtw'), 'tooShort');
  assert.equal(passwordProblem('ééééé-ñññññ'), 'tooShort');
  assert.equal(passwordProblem('a'.repeat(201) + 'b'), 'tooLong');
  assert.equal(passwordProblem('molen aan de rijn in mei'), null);
});

test('common and breached passwords from the shipped list are refused, also with digits around them', () => {
  assert.equal(isCommonPassword('password'), true);
  assert.equal(isCommonPassword('1qaz2wsx3edc'), true);
  assert.equal(passwordProblem('1qaz2wsx3edc'), 'common');
  assert.equal(passwordProblem('QWERTY123456'), 'common');
  assert.equal(passwordProblem('password1234!'), 'common');
  assert.equal(passwordProblem('aaaaaaaaaaaaaaa'), 'common');
  assert.equal(passwordProblem('abababababab'), 'common');
});

test('the name or e-mail address is not a password', () => {
  assert.equal(passwordProblem('jan.jansen@leiden.nl', { email: 'Jan.Jansen@leiden.nl' }), 'personal');
  assert.equal(passwordProblem('Jan Jansen Leiden', { name: 'jan jansen leiden' }), 'personal');
});

test('TOTP codes match their own time step, allow one step of drift, and refuse others', () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2026, 0, 1, 12, 0, 15);
  const step = Math.floor(now / 30_000);
  assert.equal(matchingStep(secret, currentCode(secret, now), now), step);
  assert.equal(matchingStep(secret, currentCode(secret, now - 30_000), now), step - 1);
  assert.equal(matchingStep(secret, currentCode(secret, now - 90_000), now), null);
  assert.equal(matchingStep(secret, '12345', now), null);
  assert.equal(matchingStep(secret, 'abcdef', now), null);
});
