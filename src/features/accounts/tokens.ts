// Single-use secrets for links (invitations, password resets): random, stored only as a hash.
import { hashToken, newToken } from './sessions.ts';

export { hashToken, newToken };

export function isTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{40,50}$/.test(token);
}

export const INVITATION_DAYS = 7;
export const RESET_MINUTES = 60;
