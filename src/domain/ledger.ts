// The fund's ledger: every movement is an entry that is never changed; balances are derived.
// Money (cents) and capacity (hours) move together in one entry, either may be zero.
//   contribution  a party puts money/hours into a fund (positive)
//   commitment    an award reserves money/hours for an application (positive)
//   release       unused commitment returns to the fund (positive)
//   payment       committed money/hours are paid out or delivered (positive)
//   correction    a signed change to one of the above (`corrects`), with a reason
// Net committed = commitments − releases (this includes what was already paid).
// Invariant: paid ≤ net committed ≤ contributed, so outstanding + paid never exceeds contributed.

export const ENTRY_KINDS = ['contribution', 'commitment', 'release', 'payment', 'correction'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export type CorrectableKind = 'contribution' | 'commitment' | 'payment';

export interface LedgerEntry {
  kind: EntryKind;
  amountCents: number;
  hours: number;
  corrects?: CorrectableKind | null;
}

export interface Amounts {
  cents: number;
  hours: number;
}

export interface Balance {
  contributed: Amounts;
  /** Commitments minus releases: everything awarded and not given back, paid or not. */
  committed: Amounts;
  paid: Amounts;
}

export const zero = (): Amounts => ({ cents: 0, hours: 0 });
export const emptyBalance = (): Balance => ({ contributed: zero(), committed: zero(), paid: zero() });

/** What a single entry does to the three running totals. */
export function effectOf(entry: LedgerEntry): Balance {
  const b = emptyBalance();
  const add = (target: Amounts, sign: number) => {
    target.cents += sign * entry.amountCents;
    target.hours += sign * entry.hours;
  };
  switch (entry.kind) {
    case 'contribution':
      add(b.contributed, 1);
      break;
    case 'commitment':
      add(b.committed, 1);
      break;
    case 'release':
      add(b.committed, -1);
      break;
    case 'payment':
      add(b.paid, 1);
      break;
    case 'correction':
      if (entry.corrects === 'contribution') add(b.contributed, 1);
      else if (entry.corrects === 'commitment') add(b.committed, 1);
      else if (entry.corrects === 'payment') add(b.paid, 1);
      else throw new Error('A correction must name what it corrects');
      break;
  }
  return b;
}

export function addBalances(a: Balance, b: Balance): Balance {
  const sum = (x: Amounts, y: Amounts): Amounts => ({ cents: x.cents + y.cents, hours: x.hours + y.hours });
  return { contributed: sum(a.contributed, b.contributed), committed: sum(a.committed, b.committed), paid: sum(a.paid, b.paid) };
}

export function deriveBalance(entries: Iterable<LedgerEntry>): Balance {
  let balance = emptyBalance();
  for (const entry of entries) balance = addBalances(balance, effectOf(entry));
  return balance;
}

/** Free to award: contributed − net committed. */
export function available(balance: Balance): Amounts {
  return { cents: balance.contributed.cents - balance.committed.cents, hours: balance.contributed.hours - balance.committed.hours };
}

/** Awarded but not yet paid: net committed − paid. */
export function outstanding(balance: Balance): Amounts {
  return { cents: balance.committed.cents - balance.paid.cents, hours: balance.committed.hours - balance.paid.hours };
}

/** The never-over-committed rule, also the database's CHECK constraint on the balance row. */
export function violations(balance: Balance): string[] {
  const problems: string[] = [];
  for (const unit of ['cents', 'hours'] as const) {
    if (balance.paid[unit] < 0) problems.push(`paid ${unit} negative`);
    if (balance.paid[unit] > balance.committed[unit]) problems.push(`paid ${unit} exceeds committed`);
    if (balance.committed[unit] > balance.contributed[unit]) problems.push(`committed ${unit} exceeds contributed`);
  }
  return problems;
}

export function isConsistent(balance: Balance): boolean {
  return violations(balance).length === 0;
}

/** Would this entry keep the balance within the rule? (The database decides under concurrency.) */
export function fits(balance: Balance, entry: LedgerEntry): boolean {
  return isConsistent(addBalances(balance, effectOf(entry)));
}

/** Awarding: full is what was asked; partial must be more than nothing and less than asked. */
export type AwardDecision = 'full' | 'partial' | 'none';
export function awardAmounts(decision: AwardDecision, requested: Amounts, partial?: Amounts): Amounts | 'invalid' {
  if (decision === 'none') return zero();
  if (decision === 'full') return { ...requested };
  if (!partial) return 'invalid';
  if (partial.cents < 0 || partial.hours < 0) return 'invalid';
  if (partial.cents > requested.cents || partial.hours > requested.hours) return 'invalid';
  if (partial.cents === requested.cents && partial.hours === requested.hours) return 'invalid';
  if (partial.cents === 0 && partial.hours === 0) return 'invalid';
  return partial;
}

export interface YearWithCarryOver {
  year: number;
  /** Available at the end of the years before (money contributed earlier and not yet awarded). */
  broughtForward: Amounts;
  balance: Balance;
  /** Brought forward + contributed − committed in this year: what is left at the year's end. */
  carriedForward: Amounts;
}

/**
 * The per-year view of a fund: money contributed in one year and awarded in a later one is not a
 * shortfall of the later year but a carry-over, so each year starts with what the years before
 * left. Years must be in ascending order.
 */
export function withCarryOver(years: readonly { year: number; balance: Balance }[]): YearWithCarryOver[] {
  let carried = zero();
  return years.map(({ year, balance }) => {
    const left = available(balance);
    const carriedForward = { cents: carried.cents + left.cents, hours: carried.hours + left.hours };
    const row = { year, broughtForward: carried, balance, carriedForward };
    carried = carriedForward;
    return row;
  });
}
