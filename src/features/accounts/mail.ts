// Account mails (invitations, password resets) go through the monitoring feature's mailer, so
// they land in SMTP when configured and always in the outbox.
import type { Db } from '../../db/client.ts';
import { createMailer, type Mailer } from '../monitoring/mail.ts';

let shared: Mailer | null = null;

export function accountMailer(): Mailer {
  shared ??= createMailer({ smtpUrl: process.env.SMTP_URL || undefined });
  return shared;
}

export async function sendAccountMail(db: Db, mail: { programmeId: string | null; kind: string; to: string; subject: string; body: string }): Promise<void> {
  await accountMailer().send(db, mail);
}
