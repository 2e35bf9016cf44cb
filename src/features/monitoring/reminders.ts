// What the scheduled jobs send: reminders to leads (actions due soon or overdue; a missing
// progress report, each its own mail so each can be switched off) and a weekly digest for
// coordinators. Every mail goes through sendToUser (preferences, language, unsubscribe link).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { programmes, roleAssignments, users } from '../../db/schema.ts';
import { programmeStages } from '../agreement/term-queries.ts';
import { resolveText, type Locale } from '../../domain/localized.ts';
import { formatDate, translate } from '../../web/i18n.ts';
import type { Mailer } from './mail.ts';
import { delivered, sendToUser, type Recipient } from './notify.ts';
import { listDeadlines, listMissingReports, type DeadlineRow } from './queries.ts';
import { addDays, periodOf } from './periods.ts';

export const REMINDER_DAYS = 14;

export interface SendOptions {
  today: string;
  baseUrl: string;
  /** The job run ("job:<id>"): a re-run after a crash does not mail anyone twice. */
  runKey?: string;
}

function actionLine(row: DeadlineRow, locale: Locale, today: string): string {
  const late = row.dueOn < today ? ` — ${translate(locale, 'mail.overdue')}` : '';
  return `- [${row.projectCode}] ${formatDate(locale, row.dueOn)}${late}: ${resolveText(row.description, locale).text}`;
}

async function usersWithRole(db: Db, programmeId: string, role: 'lead' | 'coordinator') {
  return db
    .select({ userId: users.id, email: users.email, locale: users.locale, name: users.displayName, projectId: roleAssignments.projectId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.programmeId, programmeId), inArray(roleAssignments.role, [role])));
}

/** A finished programme is an archive: nobody is reminded of its open actions or reports. */
async function programmesWithWorkToDo(db: Db, today: string) {
  const all = await db.select({ id: programmes.id, slug: programmes.slug, name: programmes.name }).from(programmes);
  const stages = await programmeStages(db, all.map((p) => p.id), today);
  return all.filter((p) => stages.get(p.id) !== 'finished');
}

const programmeName = (programme: { name: Parameters<typeof resolveText>[0] }, locale: Locale) => resolveText(programme.name, locale).text;

/** Each lead gets one mail listing their projects' open actions due within REMINDER_DAYS (or overdue), and one per project without a report. */
export async function sendReminders(db: Db, mailer: Mailer, options: SendOptions): Promise<number> {
  let sent = 0;
  const { today, baseUrl, runKey } = options;
  const period = periodOf(today);
  for (const programme of await programmesWithWorkToDo(db, today)) {
    const [deadlines, missing, leads] = await Promise.all([
      listDeadlines(db, programme.id, addDays(today, REMINDER_DAYS)),
      listMissingReports(db, programme.id, period),
      usersWithRole(db, programme.id, 'lead'),
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
      const common = { recipient: user, programmeId: programme.id, baseUrl, runKey };
      if (own.length > 0) {
        const result = await sendToUser(db, mailer, {
          ...common,
          kind: 'deadlines',
          compose: (l) => ({
            subject: translate(l, 'mail.reminder.subject', { programme: programmeName(programme, l) }),
            lines: [translate(l, 'mail.reminder.actions', { days: REMINDER_DAYS }), ...own.map((row) => actionLine(row, l, today))],
          }),
        });
        if (delivered(result)) sent++;
      }
      if (unreported.length > 0) {
        const result = await sendToUser(db, mailer, {
          ...common,
          kind: 'reports',
          compose: (l) => ({
            subject: translate(l, 'mail.report.subject', { period, programme: programmeName(programme, l) }),
            lines: unreported.flatMap((project) => [
              translate(l, 'mail.reminder.report', { code: project.code, period }),
              `${baseUrl}/${l}/${programme.slug}/projects/${project.code}/report`,
              '',
            ]),
          }),
        });
        if (delivered(result)) sent++;
      }
    }
  }
  return sent;
}

/** The coordinator's weekly digest: overdue and due-soon actions and who has not reported. */
export async function sendDigest(db: Db, mailer: Mailer, options: SendOptions): Promise<number> {
  let sent = 0;
  const { today, baseUrl, runKey } = options;
  const period = periodOf(today);
  for (const programme of await programmesWithWorkToDo(db, today)) {
    const [deadlines, missing, coordinators] = await Promise.all([
      listDeadlines(db, programme.id, addDays(today, REMINDER_DAYS)),
      listMissingReports(db, programme.id, period),
      usersWithRole(db, programme.id, 'coordinator'),
    ]);
    const overdue = deadlines.filter((d) => d.dueOn < today);
    const soon = deadlines.filter((d) => d.dueOn >= today);
    const seen = new Set<string>();
    for (const c of coordinators) {
      if (seen.has(c.userId) || !c.email) continue;
      seen.add(c.userId);
      const result = await sendToUser(db, mailer, {
        recipient: { userId: c.userId, email: c.email, locale: c.locale, name: c.name },
        kind: 'digest',
        programmeId: programme.id,
        baseUrl,
        runKey,
        compose: (l) => ({
          subject: translate(l, 'mail.digest.subject', { programme: programmeName(programme, l) }),
          lines: [
            translate(l, 'mail.digest.overdue', { count: overdue.length }),
            ...overdue.map((row) => actionLine(row, l, today)),
            '',
            translate(l, 'mail.digest.soon', { count: soon.length, days: REMINDER_DAYS }),
            ...soon.map((row) => actionLine(row, l, today)),
            '',
            translate(l, 'mail.digest.missing', { count: missing.length, period }),
            ...missing.map((m) => `- ${m.code}: ${resolveText(m.title, l).text}`),
            '',
            `${baseUrl}/${l}/${programme.slug}/deadlines`,
          ],
        }),
      });
      if (delivered(result)) sent++;
    }
  }
  return sent;
}
