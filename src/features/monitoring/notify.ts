// One mail to one user, the way every sender in monitoring sends it: only when the user has that
// kind of mail switched on, in the language they chose for mail, with a footer and a one-click
// unsubscribe link for that kind, and (inside a job) at most once per run and recipient.
import type { Db } from '../../db/client.ts';
import type { Locale } from '../../domain/localized.ts';
import { translate } from '../../web/i18n.ts';
import './mail-messages.ts';
import { mailLocale, preferencesFor, wants, type Delivery, type MailAttachment, type MailKind, type Mailer, type OutgoingMail, type Preferences } from './mail.ts';

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  /** The account's language; the mail preference may override it. */
  locale: Locale;
}

export function unsubscribeUrl(baseUrl: string, locale: Locale, token: string, kind: MailKind): string {
  return `${baseUrl}/${locale}/mail/unsubscribe/${token}?kind=${kind}`;
}

export function preferencesUrl(baseUrl: string, locale: Locale): string {
  return `${baseUrl}/${locale}/mail/preferences`;
}

export interface Composed {
  subject: string;
  /** The body without greeting and footer. */
  lines: string[];
  attachments?: MailAttachment[];
  calendar?: OutgoingMail['calendar'];
}

export async function sendToUser(
  db: Db,
  mailer: Mailer,
  input: {
    recipient: Recipient;
    kind: MailKind;
    programmeId: string | null;
    baseUrl: string;
    /** Identifies the run (e.g. "job:42", "meeting:<id>:3"): the same run mails a user once. */
    runKey?: string;
    compose: (locale: Locale, prefs: Preferences) => Composed | null;
  },
): Promise<Delivery | 'off'> {
  const { recipient, kind, baseUrl } = input;
  const prefs = await preferencesFor(db, recipient.userId);
  if (!wants(prefs, kind)) return 'off';
  const locale = mailLocale(prefs, recipient.locale);
  const composed = input.compose(locale, prefs);
  if (!composed) return 'off';
  const unsubscribe = unsubscribeUrl(baseUrl, locale, prefs.unsubscribeToken, kind);
  const body = [
    translate(locale, 'mail.greeting', { name: recipient.name }),
    '',
    ...composed.lines,
    '',
    '--',
    translate(locale, `mail.why.${kind}`),
    translate(locale, 'mail.unsubscribe'),
    unsubscribe,
    translate(locale, 'mail.preferences'),
    preferencesUrl(baseUrl, locale),
    '',
  ].join('\n');
  return mailer.send(db, {
    programmeId: input.programmeId,
    kind,
    to: recipient.email,
    subject: composed.subject,
    body,
    unsubscribeUrl: unsubscribe,
    attachments: composed.attachments,
    calendar: composed.calendar,
    language: locale,
    dedupeKey: input.runKey ? `${input.runKey}:${kind}:${recipient.userId}` : undefined,
  });
}

/** Whether a send counts as a mail handed over in this run. */
export const delivered = (result: Delivery | 'off'): boolean => result === 'smtp' || result === 'outbox';
