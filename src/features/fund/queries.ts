// Reads for the fund pages. Balances per fund come from the balance rows; per project, per year
// and per party they are derived from grouped ledger sums with the pure rules in domain/ledger.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bodies, organisations, programmes, projects, users, type FundAwardDecision } from '../../db/schema.ts';
import { decisions, meetings } from '../meetings/tables.ts';
import { decisionInForce } from '../meetings/queries.ts';
import { loadProgrammeParties } from '../agreement/party-queries.ts';
import { deriveBalance, type Balance, type LedgerEntry } from '../../domain/ledger.ts';
import { fundApplications, fundBalances, funds, ledgerEntries } from './tables.ts';

export async function hoursPerFte(db: Db, programmeId: string): Promise<number> {
  const [row] = await db.select({ hours: programmes.hoursPerFte }).from(programmes).where(eq(programmes.id, programmeId));
  return row?.hours ?? 1600;
}

export function balanceOfRow(row: { contributedCents: number; committedCents: number; paidCents: number; contributedHours: number; committedHours: number; paidHours: number }): Balance {
  return {
    contributed: { cents: Number(row.contributedCents), hours: row.contributedHours },
    committed: { cents: Number(row.committedCents), hours: row.committedHours },
    paid: { cents: Number(row.paidCents), hours: row.paidHours },
  };
}

export async function listFunds(db: Db, programmeId: string, onlyOrganisations?: string[]) {
  const rows = await db
    .select({ fund: funds, balance: fundBalances, party: { id: organisations.id, name: organisations.name, slug: organisations.slug } })
    .from(funds)
    .innerJoin(fundBalances, eq(fundBalances.fundId, funds.id))
    .leftJoin(organisations, eq(organisations.id, funds.organisationId))
    .where(and(eq(funds.programmeId, programmeId), onlyOrganisations ? sql`(${funds.kind} = 'joint' or ${inArray(funds.organisationId, onlyOrganisations.length ? onlyOrganisations : ['00000000-0000-0000-0000-000000000000'])})` : undefined))
    .orderBy(asc(funds.kind), asc(funds.createdAt));
  return rows.map((r) => ({ fund: r.fund, party: r.party?.id ? r.party : null, balance: balanceOfRow(r.balance) }));
}
export type FundRow = Awaited<ReturnType<typeof listFunds>>[number];

/** Ledger sums grouped by a column, turned into balances with the pure rules. */
async function groupedBalances(db: Db, programmeId: string, group: SQL | typeof ledgerEntries.year, where?: SQL) {
  const rows = await db
    .select({
      group: sql<string | number | null>`${group}`,
      kind: ledgerEntries.kind,
      corrects: ledgerEntries.corrects,
      cents: sql<string>`sum(${ledgerEntries.amountCents})`,
      hours: sql<string>`sum(${ledgerEntries.hours})`,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.programmeId, programmeId), where))
    .groupBy(group, ledgerEntries.kind, ledgerEntries.corrects);
  const byGroup = new Map<string, LedgerEntry[]>();
  for (const row of rows) {
    const key = String(row.group ?? '');
    const list = byGroup.get(key) ?? [];
    list.push({ kind: row.kind, corrects: row.corrects, amountCents: Number(row.cents), hours: Number(row.hours) });
    byGroup.set(key, list);
  }
  return new Map([...byGroup].map(([key, entries]) => [key, deriveBalance(entries)]));
}

export async function balancesPerYear(db: Db, programmeId: string, fundIds?: string[]) {
  const map = await groupedBalances(db, programmeId, ledgerEntries.year, fundIds ? inArray(ledgerEntries.fundId, fundIds.length ? fundIds : ['00000000-0000-0000-0000-000000000000']) : undefined);
  return [...map].map(([year, balance]) => ({ year: Number(year), balance })).sort((a, b) => a.year - b.year);
}

export async function balancesPerProject(db: Db, programmeId: string, fundIds?: string[]) {
  const map = await groupedBalances(
    db,
    programmeId,
    sql`${ledgerEntries.projectId}`,
    and(sql`${ledgerEntries.projectId} is not null`, fundIds ? inArray(ledgerEntries.fundId, fundIds.length ? fundIds : ['00000000-0000-0000-0000-000000000000']) : undefined),
  );
  const ids = [...map.keys()];
  const info = ids.length ? await db.select({ id: projects.id, code: projects.code, title: projects.title, position: projects.position }).from(projects).where(inArray(projects.id, ids)) : [];
  return info
    .sort((a, b) => a.code.localeCompare(b.code, 'nl', { numeric: true }))
    .map((project) => ({ project, balance: map.get(project.id)! }));
}

/** Per party: what it contributed (any fund) and, for its earmark, which projects it funded. */
export async function partyReport(db: Db, programmeId: string) {
  const contributed = await groupedBalances(db, programmeId, sql`${ledgerEntries.organisationId}`, and(sql`${ledgerEntries.organisationId} is not null`, sql`(${ledgerEntries.kind} = 'contribution' or ${ledgerEntries.corrects} = 'contribution')`));
  const earmarkUse = await db
    .select({ organisationId: funds.organisationId, projectCode: projects.code, projectTitle: projects.title, kind: ledgerEntries.kind, corrects: ledgerEntries.corrects, cents: sql<string>`sum(${ledgerEntries.amountCents})`, hours: sql<string>`sum(${ledgerEntries.hours})` })
    .from(ledgerEntries)
    .innerJoin(funds, eq(funds.id, ledgerEntries.fundId))
    .innerJoin(projects, eq(projects.id, ledgerEntries.projectId))
    .where(and(eq(ledgerEntries.programmeId, programmeId), eq(funds.kind, 'earmarked')))
    .groupBy(funds.organisationId, projects.code, projects.title, ledgerEntries.kind, ledgerEntries.corrects);
  const orgIds = new Set<string>([...contributed.keys()]);
  for (const row of earmarkUse) if (row.organisationId) orgIds.add(row.organisationId);
  const orgs = orgIds.size ? await db.select({ id: organisations.id, name: organisations.name, slug: organisations.slug }).from(organisations).where(inArray(organisations.id, [...orgIds])) : [];
  return orgs
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map((org) => {
      const uses = new Map<string, { code: string; title: typeof earmarkUse[number]['projectTitle']; entries: LedgerEntry[] }>();
      for (const row of earmarkUse.filter((r) => r.organisationId === org.id)) {
        const use = uses.get(row.projectCode) ?? { code: row.projectCode, title: row.projectTitle, entries: [] };
        use.entries.push({ kind: row.kind, corrects: row.corrects, amountCents: Number(row.cents), hours: Number(row.hours) });
        uses.set(row.projectCode, use);
      }
      return {
        organisation: org,
        contributed: (contributed.get(org.id) ?? deriveBalance([])).contributed,
        projects: [...uses.values()].map((u) => ({ code: u.code, title: u.title, balance: deriveBalance(u.entries) })).sort((a, b) => a.code.localeCompare(b.code, 'nl', { numeric: true })),
      };
    });
}

export async function listApplications(db: Db, programmeId: string, onlyProjects?: string[]) {
  return db
    .select({ application: fundApplications, project: { id: projects.id, code: projects.code, title: projects.title }, fundName: funds.name })
    .from(fundApplications)
    .innerJoin(projects, eq(projects.id, fundApplications.projectId))
    .innerJoin(funds, eq(funds.id, fundApplications.fundId))
    .where(and(eq(fundApplications.programmeId, programmeId), onlyProjects ? inArray(fundApplications.projectId, onlyProjects.length ? onlyProjects : ['00000000-0000-0000-0000-000000000000']) : undefined))
    .orderBy(desc(fundApplications.createdAt))
    .limit(200);
}

export async function getApplication(db: Db, programmeId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const [row] = await db
    .select({
      application: fundApplications,
      project: projects,
      fund: funds,
      applicant: users.displayName,
      minutes: { id: decisions.id, text: decisions.text, meetingId: meetings.id, startsAt: meetings.startsAt },
      minutesBody: bodies,
    })
    .from(fundApplications)
    .innerJoin(projects, eq(projects.id, fundApplications.projectId))
    .innerJoin(funds, eq(funds.id, fundApplications.fundId))
    .leftJoin(users, eq(users.id, fundApplications.applicantUserId))
    .leftJoin(decisions, eq(decisions.id, fundApplications.decisionId))
    .leftJoin(meetings, eq(meetings.id, decisions.meetingId))
    .leftJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(fundApplications.id, id), eq(fundApplications.programmeId, programmeId)));
  if (!row) return null;
  const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.applicationId, id)).orderBy(asc(ledgerEntries.id));
  return { ...row, entries };
}

/**
 * A decision recorded at a meeting of this programme's executive-level body and in force (confirmed
 * by a member who attended, not withdrawn); decisions joined to meetings and bodies.
 */
/**
 * A decision an award may rest on under the programme's setting: in force (confirmed, not
 * withdrawn) and of a meeting of the executive level, or of either level when the setting says so.
 */
export const isAwardDecisionOf = (programmeId: string, rule: FundAwardDecision) =>
  and(
    eq(decisions.programmeId, programmeId),
    eq(bodies.programmeId, programmeId),
    rule === 'either' ? inArray(bodies.kind, ['executive', 'support']) : eq(bodies.kind, 'executive'),
    decisionInForce(),
  );

/** The programme's setting: whose confirmed decision an award rests on (not in the agreement). */
export async function fundAwardDecision(db: Db, programmeId: string): Promise<FundAwardDecision> {
  const [row] = await db.select({ rule: programmes.fundAwardDecision }).from(programmes).where(eq(programmes.id, programmeId));
  return row?.rule ?? 'executive';
}

/** The decisions an award may rest on, newest first. */
export async function awardDecisionOptions(db: Db, programmeId: string, rule: FundAwardDecision, limit = 50) {
  return db
    .select({ id: decisions.id, text: decisions.text, startsAt: meetings.startsAt })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(isAwardDecisionOf(programmeId, rule))
    .orderBy(desc(meetings.startsAt), desc(decisions.createdAt))
    .limit(limit);
}

export async function ledgerOfFund(db: Db, programmeId: string, fundId: string) {
  return db
    .select({ entry: ledgerEntries, party: organisations.name, projectCode: projects.code })
    .from(ledgerEntries)
    .leftJoin(organisations, eq(organisations.id, ledgerEntries.organisationId))
    .leftJoin(projects, eq(projects.id, ledgerEntries.projectId))
    .where(and(eq(ledgerEntries.programmeId, programmeId), eq(ledgerEntries.fundId, fundId)))
    .orderBy(desc(ledgerEntries.id))
    .limit(50);
}

/** The ledger sum of one fund compared with its balance row (tests and the consistency check). */
export async function ledgerMatchesBalance(db: Db, fundId: string): Promise<{ fromLedger: Balance; fromRow: Balance; equal: boolean }> {
  const entries = await db.select({ kind: ledgerEntries.kind, corrects: ledgerEntries.corrects, amountCents: ledgerEntries.amountCents, hours: ledgerEntries.hours }).from(ledgerEntries).where(eq(ledgerEntries.fundId, fundId));
  const fromLedger = deriveBalance(entries.map((e) => ({ ...e, amountCents: Number(e.amountCents) })));
  const [row] = await db.select().from(fundBalances).where(eq(fundBalances.fundId, fundId));
  const fromRow = balanceOfRow(row!);
  return { fromLedger, fromRow, equal: JSON.stringify(fromLedger) === JSON.stringify(fromRow) };
}

export async function projectsLedBy(db: Db, programmeId: string, projectIds: string[]) {
  if (projectIds.length === 0) return [];
  return db.select({ id: projects.id, code: projects.code, title: projects.title, lifecycle: projects.lifecycle }).from(projects).where(and(eq(projects.programmeId, programmeId), inArray(projects.id, projectIds))).orderBy(asc(projects.code));
}

/**
 * Who can contribute to the fund or hold an earmark: the programme's parties and their units
 * (a faculty contributes for its university), each party followed by its units.
 */
export async function partiesOf(db: Db, programmeId: string) {
  const [orgs, parties] = await Promise.all([
    db.select({ id: organisations.id, name: organisations.name, slug: organisations.slug }).from(organisations).where(eq(organisations.programmeId, programmeId)).orderBy(asc(organisations.slug)),
    loadProgrammeParties(db, programmeId),
  ]);
  const slugOf = new Map(orgs.map((o) => [o.id, o.slug]));
  const sortKey = (id: string) => `${slugOf.get(parties.partyOf(id)!)}\u0000${parties.partyOrganisationIds.has(id) ? '' : slugOf.get(id)}`;
  return orgs.filter((o) => parties.partyOf(o.id) !== null).sort((a, b) => sortKey(a.id).localeCompare(sortKey(b.id)));
}

/** Whether an organisation is one of the programme's parties or one of their units. */
export async function isPartyOrUnit(db: Db, programmeId: string, organisationId: string): Promise<boolean> {
  return (await loadProgrammeParties(db, programmeId)).partyOf(organisationId) !== null;
}
