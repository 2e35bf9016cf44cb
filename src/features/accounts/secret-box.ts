// Secrets the server must read back (authenticator secrets, single sign-on client secrets) are
// stored encrypted with AES-256-GCM. The key comes from KENNISSTAD_SECRET_KEY or, when that is not
// set, from a key file generated once next to the data folder (mode 0600). A database dump alone
// then reveals no secret; the key is kept out of the database on purpose.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from '../../config.ts';

const PREFIX = 'v1:';

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
  isSealed(value: string): boolean;
  /** An HMAC-SHA256 (base64url) of `text` for `purpose`, with a key derived from the same secret key. */
  sign(purpose: string, text: string): string;
}

/** Accepts 32 bytes as base64/base64url (43-44 chars) or hex (64 chars). */
export function parseKey(text: string): Buffer {
  const clean = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(clean) ? Buffer.from(clean, 'hex') : Buffer.from(clean, 'base64');
  if (key.length !== 32) throw new Error('KENNISSTAD_SECRET_KEY must be 32 bytes, written as base64 or hex (openssl rand -base64 32)');
  return key;
}

function keyFromFile(path: string): Buffer {
  try {
    return parseKey(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  // Written whole under another name, then linked into place: two processes starting at once
  // cannot both write a key, and neither reads a half-written file; the loser reads the winner's.
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return parseKey(readFileSync(path, 'utf8'));
}

export function secretKeyFor(config: Pick<Config, 'secretKey' | 'secretKeyFile' | 'databaseUrl' | 'production'>): Buffer {
  if (config.secretKey) return parseKey(config.secretKey);
  // A key file on one server of several would differ per server: in production on PostgreSQL the key must be given.
  if (config.production && config.databaseUrl) throw new Error('Set KENNISSTAD_SECRET_KEY when running on PostgreSQL in production');
  return keyFromFile(config.secretKeyFile);
}

export function secretBox(key: Buffer): SecretBox {
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${body.toString('base64url')}`;
    },
    open(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed secret');
      const [iv, tag, body] = sealed.slice(PREFIX.length).split('.');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv ?? '', 'base64url'));
      decipher.setAuthTag(Buffer.from(tag ?? '', 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body ?? '', 'base64url')), decipher.final()]).toString('utf8');
    },
    isSealed: (value) => value.startsWith(PREFIX),
    // One derived key per purpose: a signature made for one kind of token is worth nothing for another.
    sign: (purpose, text) => createHmac('sha256', createHmac('sha256', key).update(`kennisstad-sign:${purpose}`).digest()).update(text).digest('base64url'),
  };
}

const boxes = new WeakMap<object, SecretBox>();

/** One box per configuration (the key is read or generated once). */
export function boxFor(config: Config): SecretBox {
  let box = boxes.get(config);
  if (!box) {
    box = secretBox(secretKeyFor(config));
    boxes.set(config, box);
  }
  return box;
}
