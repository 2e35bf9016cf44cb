// Password rules (NIST SP 800-63B style): long enough, not absurdly long, and not one of the
// passwords attackers try first. The list ships with the app (password-list/common-passwords.txt).
import { readFileSync } from 'node:fs';
import { projectPath } from '../../paths.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(projectPath('src', 'features', 'accounts', 'password-list', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0),
  );
  return common;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'personal';

/** Null when the password is acceptable; otherwise the reason, for a message in the user's language. */
export function passwordProblem(password: string, personal: { email?: string; name?: string } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'tooLong';
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'common';
  // "password1234", "qwerty123456": a common password with digits or symbols around it.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (core.length >= 4 && core.length < lower.length && commonPasswords().has(core)) return 'common';
  if (new Set(lower).size <= 2) return 'common';
  const email = personal.email?.toLowerCase();
  if (email && (lower === email || lower === email.split('@')[0])) return 'personal';
  if (personal.name && lower.replace(/\s+/g, '') === personal.name.toLowerCase().replace(/\s+/g, '')) return 'personal';
  return null;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}
