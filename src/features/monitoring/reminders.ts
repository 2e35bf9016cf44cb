// What the scheduled jobs send: reminders to leads (actions due soon or overdue, a missing
// progress report) and a weekly digest for coordinators. Each mail is in the user's language and
// carries an unsubscribe link; users who switched a kind of mail off do not get it.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { programmes, roleAssignments, users } from '../../db/schema.ts';
import { resolveText, type Locale } from '../../domain/localized.ts';
import { formatDate, translate } from '../../web/i18n.ts';
import './mail-messages.ts';
import { preferencesFor, type Mailer } from './mail.ts';
import { listDeadlines, listMissingReports, type DeadlineRow } from './queries.ts';
import { addDays, periodOf } from './periods.ts';

export const REMINDER_DAYS = 14;

interface Recipient {
  userId: string;
  email: string;
  locale: Locale;
  name: string;
}

function unsubscribeUrl(baseUrl: string, locale: Locale, token: string): string {
  return `${baseUrl}/${locale}/mail/unsubscribe/${token}`;
}

function footer(baseUrl: string, locale: Locale, token: string): string {
  return `\n\n--\n${translate(locale, 'mail.footer')}\n${unsubscribeUrl(baseUrl, locale, token)}\n`;
}

function actionLine(row: DeadlineRow, locale: Locale, today: string): string {
  const late = row.dueOn < today ? ` — ${translate(locale, 'mail.overdue')}` : '';
  return `- [${row.projectCode}] ${formatDate(locale, row.dueOn)}${late}: ${resolveText(row.description, locale).text}`;
}

async function usersWithRole(db: Db, programmeId: string, roles: ('lead' | 'coordinator')[]) {
  return db
    .select({ userId: users.id, email: users.email, locale: users.locale, name: users.displayName, role: roleAssignments.role, projectId: roleAssignments.projectId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.programmeId, programmeId), inArray(roleAssignments.role, roles)));
}

/** Sends each lead one reminder listing their projects' open actions due within REMINDER_DAYS (or overdue) and a missing report. */
export async function sendReminders(db: Db, mailer: Mailer, options: { today: string; baseUrl: string }): Promise<number> {
  let sent = 0;
  const period = periodOf(options.today);
  for (const programme of await db.select({ id: programmes.id, slug: programmes.slug, name: programmes.name }).from(programmes)) {
    const [deadlines, missing, leads] = await Promise.all([
      listDeadlines(db, programme.id, addDays(options.today, REMINDER_DAYS)),
      listMissingReports(db, programme.id, period),
      usersWithRole(db, programme.id, ['lead']),
    ]);
    const byUser = new Map<string, { user: Recipient; projectIds: Set<string> }>();
    for (const lead of leads) {
      if (!lead.projectId || !lead.email) continue;
      const entry = byUser.get(lead.userId) ?? { user: { userId: lead.userId, email: lead.email, locale: lead.locale, name: lead.name }, projectIds: new Set<string>() };
      entry.projectIds.add(lead.projectId);
      byUser.set(lead.userId, entry);
    }
    for (const { user, projectIds } of byUser.values()) {
      const own = deadlines.filter((d) => projectIds.has(d.projectId));
      const unreported = missing.filter((m) => projectIds.has(m.id));
      if (own.length === 0 && unreported.length === 0) continue;
      const prefs = await preferencesFor(db, user.userId);
      if (!prefs.reminders) continue;
      const l = user.locale;
      const lines = [translate(l, 'mail.greeting', { name: user.name }), ''];
      if (own.length > 0) lines.push(translate(l, 'mail.reminder.actions', { days: REMINDER_DAYS }), ...own.map((row) => actionLine(row, l, options.today)), '');
      for (const project of unreported) {
        lines.push(translate(l, 'mail.reminder.report', { code: project.code, period }));
        lines.push(`${options.baseUrl}/${l}/${programme.slug}/projects/${project.code}/report`, '');
      }
      const url = unsubscribeUrl(options.baseUrl, l, prefs.unsubscribeToken);
      await mailer.send(db, {
        programmeId: programme.id,
        kind: 'reminder',
        to: user.email,
        subject: translate(l, 'mail.reminder.subject', { programme: resolveText(programme.name, l).text }),
        body: lines.join('\n') + footer(options.baseUrl, l, prefs.unsubscribeToken),
        unsubscribeUrl: url,
      });
      sent++;
    }
  }
  return sent;
}

/** The coordinator's weekly digest: overdue and due-soon actions and who has not reported. */
export async function sendDigest(db: Db, mailer: Mailer, options: { today: string; baseUrl: string }): Promise<number> {
  let sent = 0;
  const period = periodOf(options.today);
  for (const programme of await db.select({ id: programmes.id, slug: programmes.slug, name: programmes.name }).from(programmes)) {
    const [deadlines, missing, coordinators] = await Promise.all([
      listDeadlines(db, programme.id, addDays(options.today, REMINDER_DAYS)),
      listMissingReports(db, programme.id, period),
      usersWithRole(db, programme.id, ['coordinator']),
    ]);
    const seen = new Set<string>();
    for (const c of coordinators) {
      if (seen.has(c.userId) || !c.email) continue;
      seen.add(c.userId);
      const prefs = await preferencesFor(db, c.userId);
      if (!prefs.digest) continue;
      const l = c.locale;
      const overdue = deadlines.filter((d) => d.dueOn < options.today);
      const soon = deadlines.filter((d) => d.dueOn >= options.today);
      const lines = [translate(l, 'mail.greeting', { name: c.name }), '', translate(l, 'mail.digest.overdue', { count: overdue.length }), ...overdue.map((row) => actionLine(row, l, options.today)), ''];
      lines.push(translate(l, 'mail.digest.soon', { count: soon.length, days: REMINDER_DAYS }), ...soon.map((row) => actionLine(row, l, options.today)), '');
      lines.push(translate(l, 'mail.digest.missing', { count: missing.length, period }), ...missing.map((m) => `- ${m.code}: ${resolveText(m.title, l).text}`), '');
      lines.push(`${options.baseUrl}/${l}/${programme.slug}/deadlines`);
      await mailer.send(db, {
        programmeId: programme.id,
        kind: 'digest',
        to: c.email,
        subject: translate(l, 'mail.digest.subject', { programme: resolveText(programme.name, l).text }),
        body: lines.join('\n') + footer(options.baseUrl, l, prefs.unsubscribeToken),
        unsubscribeUrl: unsubscribeUrl(options.baseUrl, l, prefs.unsubscribeToken),
      });
      sent++;
    }
  }
  return sent;
}
