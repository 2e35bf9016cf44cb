// Opens the configured database, applies migrations and loads the default programme when the
// database holds none. Shared by the server, the CLI and the tests.
import { count } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle, type OpenOptions } from './client.ts';
import { migrate } from './migrate.ts';
import { programmes } from './schema.ts';
import { loadProgramme } from '../seed/load.ts';
import { leiden } from '../seed/leiden.ts';
import '../seed/extensions.ts';

export async function seedDefaults(handle: DatabaseHandle): Promise<'loaded' | 'already-loaded' | 'not-empty'> {
  const [row] = await handle.db.select({ n: count() }).from(programmes);
  if ((row?.n ?? 0) > 0) return 'not-empty';
  return loadProgramme(handle.db, leiden);
}

export async function prepareDatabase(options: OpenOptions & { seed?: boolean }): Promise<DatabaseHandle> {
  const handle = await openDatabase(options);
  try {
    await migrate(handle);
    if (options.seed !== false) await seedDefaults(handle);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
