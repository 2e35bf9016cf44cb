// Optimistic concurrency ("versioned save") for one row with a `version` column: a save names the
// version it started from and is refused, nothing written, when someone saved since. The row is
// locked in its own statement first, so concurrent saves of one version queue and exactly one wins
// (test/security/races.test.ts); the UPDATE repeats the version check. The change and its audit
// row commit together; a save that changes no field writes nothing.
import { and, eq, getTableColumns, type InferInsertModel, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';
import { recordAudit, type AuditInput } from './audit.ts';

export type Saved<T> = { ok: true; value: T };
export type Conflict<T> = { ok: false; conflict: true; current: T };

/** Only the fields that changed, before and after: what the history shows. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; programmeId: PgColumn };
type VersionedRow = { id: string; version: number; programmeId: string };

export interface VersionedSave<T extends VersionedTable, Refusal> {
  table: T;
  /** Finds the one row, scoped as the caller loaded it (to its programme or project). */
  row: SQL;
  /** Names the record when the row is gone (callers loaded it moments before: a bug, not a conflict). */
  what: string;
  expectedVersion: number;
  values: Partial<InferInsertModel<T>>;
  /** Another reason to refuse, decided on the locked, current row before anything is written. */
  refuse?: (tx: Db, current: InferSelectModel<T>) => Promise<Refusal | null>;
  /** What else the save changes, in the same transaction, once the row is saved (and only then). */
  alsoWrite?: (tx: Db, saved: InferSelectModel<T>, before: InferSelectModel<T>) => Promise<void>;
  audit: Pick<AuditInput, 'actor' | 'action' | 'objectType' | 'origin'> & {
    /** Defaults to the row's own id. */
    objectId?: string;
    /** Names the row in before and after when objectId is its parent ({ actionId } on the project). */
    subject?: (current: InferSelectModel<T>) => Record<string, unknown>;
    /** 'changed' (default): only the fields whose value changes; 'named': every field in `values`. */
    fields?: 'changed' | 'named';
  };
}

export async function saveVersioned<T extends VersionedTable, Refusal = never>(
  db: Db,
  save: VersionedSave<T, Refusal>,
): Promise<Saved<InferSelectModel<T>> | Conflict<InferSelectModel<T>> | Refusal> {
  type Row = InferSelectModel<T>;
  const table = save.table as VersionedTable;
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(table).where(save.row).for('update');
    if (!locked) throw new Error(`${save.what} vanished`);
    const current = locked as Row & VersionedRow;
    if (current.version !== save.expectedVersion) return { ok: false, conflict: true, current } as Conflict<Row>;
    if (save.refuse) {
      const refusal = await save.refuse(tx, current);
      if (refusal !== null) return refusal;
    }
    const values = save.values as Record<string, unknown>;
    // A save that changes nothing (the form sent back as it was) is no change: no new version that
    // would make someone else's open form stale, no empty line in the history.
    const changed = changedFields(current, values);
    if (Object.keys(changed.after).length === 0) return { ok: true, value: current } as Saved<Row>;
    const touch = 'updatedAt' in getTableColumns(table) ? { updatedAt: new Date() } : {};
    const [saved] = await tx
      .update(table)
      .set({ ...save.values, version: current.version + 1, ...touch } as Record<string, unknown>)
      .where(and(eq(table.id, current.id), eq(table.version, save.expectedVersion)))
      .returning();
    const diff =
      save.audit.fields === 'named' ? { before: Object.fromEntries(Object.keys(values).map((key) => [key, current[key as keyof Row]])), after: values } : changed;
    const { actor, action, objectType, origin } = save.audit;
    const subject = save.audit.subject?.(current);
    await recordAudit(tx, {
      actor,
      programmeId: current.programmeId,
      action,
      objectType,
      objectId: save.audit.objectId ?? current.id,
      before: subject ? { ...subject, ...diff.before } : diff.before,
      after: subject ? { ...subject, ...diff.after } : diff.after,
      origin,
    });
    if (save.alsoWrite) await save.alsoWrite(tx, saved as Row, current);
    return { ok: true, value: saved as Row } as Saved<Row>;
  });
}
