// Backup and restore of every table as JSON, identical on both database modes. PostgreSQL itself
// converts rows to and from JSON (row_to_json / json_populate_recordset), so types round-trip exactly.
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableName, is, sql, Table } from 'drizzle-orm';
import type { Db } from './client.ts';
import * as tables from './tables.ts';

export interface Backup {
  format: 'kennisstad-backup';
  version: 1;
  createdAt: string;
  tables: Record<string, unknown[]>;
}

/** Tables in an order where every table comes after the tables it references. */
export function tablesInDependencyOrder(): PgTable[] {
  const all = (Object.values(tables) as unknown[]).filter((value): value is PgTable => is(value, Table));
  const byName = new Map(all.map((table) => [getTableName(table), table]));
  const ordered: PgTable[] = [];
  const seen = new Set<string>();
  const visit = (table: PgTable, path: Set<string>) => {
    const name = getTableName(table);
    if (seen.has(name) || path.has(name)) return;
    path.add(name);
    for (const fk of getTableConfig(table).foreignKeys) {
      const target = getTableName(fk.reference().foreignTable);
      if (target !== name) visit(byName.get(target)!, path);
    }
    seen.add(name);
    ordered.push(table);
  };
  for (const table of all) visit(table, new Set());
  return ordered;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return ((result as { rows?: Record<string, unknown>[] }).rows ?? (result as Record<string, unknown>[])) as Record<string, unknown>[];
}

export async function createBackup(db: Db): Promise<Backup> {
  const backup: Backup = { format: 'kennisstad-backup', version: 1, createdAt: new Date().toISOString(), tables: {} };
  await db.transaction(async (tx) => {
    // One snapshot for all tables, so the backup is consistent while the app keeps writing.
    await tx.execute(sql`set transaction isolation level repeatable read`);
    for (const table of tablesInDependencyOrder()) {
      const name = getTableName(table);
      const result = await tx.execute(sql`select coalesce(json_agg(row_to_json(t)), '[]'::json) as rows from ${sql.identifier(name)} t`);
      const value = rowsOf(result)[0]?.rows;
      backup.tables[name] = (typeof value === 'string' ? JSON.parse(value) : value) as unknown[];
    }
  });
  return backup;
}

export class RestoreError extends Error {}

export async function restoreBackup(db: Db, backup: Backup): Promise<Record<string, number>> {
  if (backup?.format !== 'kennisstad-backup' || backup.version !== 1) throw new RestoreError('This file is not a Kennisstad backup (version 1).');
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const table of tablesInDependencyOrder()) {
      const name = getTableName(table);
      const existing = rowsOf(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(name)}`))[0]?.n;
      if (Number(existing) > 0) throw new RestoreError(`Restore needs an empty database, but table ${name} has rows. Restore into a fresh data folder or database.`);
    }
    for (const table of tablesInDependencyOrder()) {
      const name = getTableName(table);
      const rows = backup.tables[name] ?? [];
      counts[name] = rows.length;
      // Batches keep each statement's parameter reasonably small.
      for (let start = 0; start < rows.length; start += 2000) {
        const batch = JSON.stringify(rows.slice(start, start + 2000));
        await tx.execute(
          sql`insert into ${sql.identifier(name)} select * from json_populate_recordset(null::${sql.identifier(name)}, ${batch}::json)`,
        );
      }
      // Serial ids continue after the restored ones.
      for (const column of getTableConfig(table).columns) {
        if (column.columnType === 'PgBigSerial53' || column.columnType === 'PgBigSerial64' || column.columnType === 'PgSerial') {
          await tx.execute(
            sql`select setval(pg_get_serial_sequence(${name}, ${column.name}), coalesce((select max(${sql.identifier(column.name)}) from ${sql.identifier(name)}), 0) + 1, false)`,
          );
        }
      }
    }
  });
  return counts;
}
