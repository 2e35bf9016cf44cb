// Sending mail: through SMTP (nodemailer) when SMTP_URL is set, otherwise into the outbox table
// that admins read in the browser. Every mail is recorded in the outbox either way.
import { randomBytes } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { loadNodemailer } from '../../web/lazy-modules.ts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { mailOutbox, mailPreferences } from './tables.ts';

export interface OutgoingMail {
  programmeId: string | null;
  kind: string;
  to: string;
  subject: string;
  body: string;
  unsubscribeUrl?: string;
}

export interface Mailer {
  readonly mode: 'smtp' | 'outbox';
  send(db: Db, mail: OutgoingMail): Promise<'smtp' | 'outbox' | 'failed'>;
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:pass@host:port or smtps://...; absent means outbox only. */
  smtpUrl?: string;
  from?: string;
}

export function createMailer(options: MailerOptions = {}): Mailer {
  const from = options.from ?? process.env.MAIL_FROM ?? 'Kennisstad <no-reply@kennisstad.invalid>';
  const smtpUrl = options.smtpUrl;
  let transport: Transporter | null = null;
  const smtp = async (): Promise<Transporter> => (transport ??= (await loadNodemailer()).createTransport(smtpUrl!));
  return {
    mode: smtpUrl ? 'smtp' : 'outbox',
    async send(db, mail) {
      let delivery: 'smtp' | 'outbox' | 'failed' = 'outbox';
      let error: string | null = null;
      if (smtpUrl) {
        try {
          await (await smtp()).sendMail({
            from,
            to: mail.to,
            subject: mail.subject,
            text: mail.body,
            headers: mail.unsubscribeUrl ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>` } : undefined,
          });
          delivery = 'smtp';
        } catch (e) {
          delivery = 'failed';
          error = e instanceof Error ? e.message : String(e);
        }
      }
      await db.insert(mailOutbox).values({
        programmeId: mail.programmeId,
        kind: mail.kind,
        toAddress: mail.to,
        subject: mail.subject,
        body: mail.body,
        delivery,
        error,
        sentAt: delivery === 'smtp' ? new Date() : null,
      });
      return delivery;
    },
    close() {
      transport?.close();
    },
  };
}

export type Preferences = typeof mailPreferences.$inferSelect;

/** A user's preferences, created with defaults (everything on) and an unsubscribe token on first use. */
export async function preferencesFor(db: Db, userId: string): Promise<Preferences> {
  const [existing] = await db.select().from(mailPreferences).where(eq(mailPreferences.userId, userId));
  if (existing) return existing;
  await db.insert(mailPreferences).values({ userId, unsubscribeToken: randomBytes(24).toString('base64url') }).onConflictDoNothing();
  const [row] = await db.select().from(mailPreferences).where(eq(mailPreferences.userId, userId));
  return row!;
}

export async function unsubscribe(db: Db, token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return false;
  const rows = await db.update(mailPreferences).set({ reminders: false, digest: false, updatedAt: new Date() }).where(eq(mailPreferences.unsubscribeToken, token)).returning({ userId: mailPreferences.userId });
  return rows.length > 0;
}

export async function findPreferencesByToken(db: Db, token: string): Promise<Preferences | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [row] = await db.select().from(mailPreferences).where(eq(mailPreferences.unsubscribeToken, token));
  return row ?? null;
}
