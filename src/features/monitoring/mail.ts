// Sending mail: through SMTP (nodemailer) when SMTP_URL is set, otherwise into the outbox table
// that admins read in the browser. Every mail is recorded in the outbox either way.
//
// A mail sent by a job carries a dedupe key (job, kind, recipient). Its outbox row is reserved
// before sending (unique key), so a job re-run after a crash skips every mail the crashed run
// already handed over. Only a crash between the SMTP server's "250 OK" and the row's update can
// repeat a mail; it then carries the same Message-ID, which receiving systems drop as a duplicate.
import { createHash, randomBytes } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { eq, sql } from 'drizzle-orm';
import { loadNodemailer } from '../../web/lazy-modules.ts';
import type { Locale } from '../../domain/localized.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { done, type Outcome } from '../../domain/outcome.ts';
import type { Actor } from '../../domain/policy.ts';
import { authorize } from '../../policies.ts';
import type { PreferencesInput } from './schema.ts';
import { mailOutbox, mailPreferences } from './tables.ts';

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface OutgoingMail {
  programmeId: string | null;
  kind: string;
  to: string;
  subject: string;
  body: string;
  /** Shown in the List-Unsubscribe header; a POST to it switches the mail off in one click (RFC 8058). */
  unsubscribeUrl?: string;
  attachments?: MailAttachment[];
  /**
   * A calendar request (iMIP, RFC 6047): sent as a text/calendar alternative of the text with its
   * METHOD, and as invite.ics, the layout Outlook and Exchange treat as a meeting request.
   */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  /** The language the mail is written in (Content-Language). */
  language?: 'nl' | 'en';
  /** At most one mail per key is handed over (see above). */
  dedupeKey?: string;
}

export type Delivery = 'smtp' | 'outbox' | 'failed' | 'duplicate';

export interface Mailer {
  readonly mode: 'smtp' | 'outbox';
  send(db: Db, mail: OutgoingMail): Promise<Delivery>;
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:pass@host:port or smtps://...; absent means outbox only. */
  smtpUrl?: string;
  from?: string;
}

/** The address part of a From header such as "Kennisstad <no-reply@example.org>". */
export function mailAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

export function defaultFrom(): string {
  return process.env.MAIL_FROM ?? 'Kennisstad <no-reply@kennisstad.invalid>';
}

export function createMailer(options: MailerOptions = {}): Mailer {
  const from = options.from ?? defaultFrom();
  const domain = mailAddress(from).split('@')[1] ?? 'kennisstad.invalid';
  const smtpUrl = options.smtpUrl;
  let transport: Transporter | null = null;
  const smtp = async (): Promise<Transporter> => (transport ??= (await loadNodemailer()).createTransport(smtpUrl!));
  const mode = smtpUrl ? 'smtp' : 'outbox';
  return {
    mode,
    async send(db, mail) {
      const record = { programmeId: mail.programmeId, kind: mail.kind, toAddress: mail.to, subject: mail.subject, body: mail.body };
      let rowId: number | null = null;
      if (mail.dedupeKey) {
        // Reserve the key; a row that was handed over already ('smtp'/'outbox') is not taken again.
        const reserved = await db
          .insert(mailOutbox)
          .values({ ...record, delivery: 'pending', dedupeKey: mail.dedupeKey })
          .onConflictDoUpdate({ target: mailOutbox.dedupeKey, set: { delivery: 'pending', error: null }, setWhere: sql`${mailOutbox.delivery} in ('pending', 'failed')` })
          .returning({ id: mailOutbox.id });
        if (reserved.length === 0) return 'duplicate';
        rowId = reserved[0]!.id;
      }
      let delivery: Delivery = 'outbox';
      let error: string | null = null;
      if (smtpUrl) {
        // Every mail Kennisstad sends is automatic (RFC 3834): no out-of-office replies to it.
        const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
        if (mail.language) headers['Content-Language'] = mail.language;
        if (mail.unsubscribeUrl) {
          headers['List-Unsubscribe'] = `<${mail.unsubscribeUrl}>`;
          headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
        }
        try {
          await (await smtp()).sendMail({
            from,
            to: mail.to,
            subject: mail.subject,
            text: mail.body,
            headers,
            messageId: mail.dedupeKey ? `<${createHash('sha256').update(mail.dedupeKey).digest('hex').slice(0, 32)}@${domain}>` : undefined,
            attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
            ...(mail.calendar && { icalEvent: { method: mail.calendar.method, content: mail.calendar.content, filename: 'invite.ics' } }),
          });
          delivery = 'smtp';
        } catch (e) {
          delivery = 'failed';
          error = e instanceof Error ? e.message : String(e);
        }
      }
      const outcome = { delivery, error, sentAt: delivery === 'smtp' ? new Date() : null };
      if (rowId !== null) await db.update(mailOutbox).set(outcome).where(eq(mailOutbox.id, rowId));
      else await db.insert(mailOutbox).values({ ...record, ...outcome });
      return delivery;
    },
    close() {
      transport?.close();
    },
  };
}

export type Preferences = typeof mailPreferences.$inferSelect;

/** The kinds of mail a user can switch off, and the preference column that holds each. */
export const MAIL_KINDS = {
  deadlines: 'reminders',
  reports: 'reportReminders',
  digest: 'digest',
  invitations: 'meetingInvitations',
} as const satisfies Record<string, keyof Preferences>;
export type MailKind = keyof typeof MAIL_KINDS;

export function isMailKind(value: unknown): value is MailKind {
  return typeof value === 'string' && Object.hasOwn(MAIL_KINDS, value);
}

export function wants(prefs: Preferences, kind: MailKind): boolean {
  return prefs[MAIL_KINDS[kind]];
}

/** The language of a user's mails: their choice for mail, else their account's language. */
export function mailLocale(prefs: Preferences, accountLocale: Locale): Locale {
  return prefs.locale ?? accountLocale;
}

/** A user's preferences, created with defaults (everything on) and an unsubscribe token on first use. */
export async function preferencesFor(db: Db, userId: string): Promise<Preferences> {
  const [existing] = await db.select().from(mailPreferences).where(eq(mailPreferences.userId, userId));
  if (existing) return existing;
  await db.insert(mailPreferences).values({ userId, unsubscribeToken: randomBytes(24).toString('base64url') }).onConflictDoNothing();
  const [row] = await db.select().from(mailPreferences).where(eq(mailPreferences.userId, userId));
  return row!;
}

/** Saves which mails the actor wants and in which language, with its audit row, in one transaction. */
export async function savePreferences(input: { actor: Actor | null; db: Db; preferences: PreferencesInput }): Promise<Outcome<Preferences>> {
  authorize(input.actor, 'mail.setPreferences');
  const actor = input.actor!;
  const { locale, ...kinds } = input.preferences;
  const set: Partial<Preferences> = { locale: locale ?? null, updatedAt: new Date() };
  for (const kind of Object.keys(MAIL_KINDS) as MailKind[]) set[MAIL_KINDS[kind]] = kinds[kind];
  return writeTransaction(input.db, async (tx) => {
    const before = await preferencesFor(tx, actor.userId);
    const [after] = await tx.update(mailPreferences).set(set).where(eq(mailPreferences.userId, actor.userId)).returning();
    const { unsubscribeToken: _secret, updatedAt: _at, ...shown } = before;
    await recordAudit(tx, { actor, programmeId: null, action: 'mail.preferences.save', objectType: 'user', objectId: actor.userId, before: shown, after: { locale: locale ?? null, ...kinds } });
    return done(after!);
  });
}

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

/**
 * Switches one kind of mail off (or every kind when none is given) for the holder of the token,
 * with its audit row in the same transaction; null when no one holds the token.
 */
export async function unsubscribe(input: { db: Db; token: string; kind: MailKind | null }): Promise<Outcome<{ userId: string }> | null> {
  authorize(null, 'mail.unsubscribe');
  if (!TOKEN.test(input.token)) return null;
  const off = input.kind ? { [MAIL_KINDS[input.kind]]: false } : Object.fromEntries(Object.values(MAIL_KINDS).map((column) => [column, false]));
  return input.db.transaction(async (tx) => {
    const rows = await tx
      .update(mailPreferences)
      .set({ ...off, updatedAt: new Date() })
      .where(eq(mailPreferences.unsubscribeToken, input.token))
      .returning({ userId: mailPreferences.userId });
    if (rows.length === 0) return null;
    await recordAudit(tx, { actor: null, origin: 'unsubscribe link', programmeId: null, action: 'mail.unsubscribe', objectType: 'user', objectId: rows[0]!.userId, after: { kind: input.kind ?? 'all' } });
    return done({ userId: rows[0]!.userId });
  });
}

export async function findPreferencesByToken(db: Db, token: string): Promise<Preferences | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = await db.select().from(mailPreferences).where(eq(mailPreferences.unsubscribeToken, token));
  return row ?? null;
}
