// kennisstad <command>: serve, migrate, seed, user add, programme import/export/schema, backup, restore.
// In embedded mode every command takes the data folder's lock, so a command run while the server
// holds the folder stops with a clear message instead of corrupting data.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { DataDirLockedError } from './db/client.ts';
import { prepareDatabase, seedDefaults } from './db/bootstrap.ts';
import { createBackup, restoreBackup, RestoreError, type Backup } from './db/backup.ts';
import { embeddedTemplate } from './db/template.ts';
import { createUser, grantRole } from './features/accounts/commands.ts';
import { ROLES, type Role } from './db/schema.ts';
import { serve } from './server.ts';
import { exportProgramme } from './seed/export.ts';
import { importProgramme, problemLines } from './seed/import.ts';
import { programmeFileJsonSchema, programmeFileText } from './seed/programme-file.ts';

const USAGE = `Usage: kennisstad <command> [options]

  serve                       start the web server (migrates, and seeds an empty database)
  migrate                     apply database migrations
  seed                        load the default programme if the database has none
  user add --email E --name N --role R --programme P [--project CODE] [--organisation SLUG]
                              create a user (password from KENNISSTAD_PASSWORD, at least 12 characters)
                              roles: ${ROLES.join(', ')}
  programme import --file F   add a programme from a programme file (every problem is listed; nothing is stored unless the file is right)
  programme export --programme P --file F
                              write a programme as a programme file
  programme schema            print the programme file's JSON Schema (also in docs/programme-file.schema.json)
  backup --file F             write all data to a JSON file
  restore --file F            load a backup into an empty database

Environment: DATABASE_URL=postgres://... for PostgreSQL; otherwise PGlite in DATA_DIR (default data/pglite).`;

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const [command, sub] = argv;
  const { values } = parseArgs({
    args: argv.slice(command === 'user' || command === 'programme' ? 2 : 1),
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      programme: { type: 'string', default: 'leiden' },
      project: { type: 'string' },
      organisation: { type: 'string' },
      file: { type: 'string' },
    },
    allowPositionals: false,
  });
  const open = async (seed: boolean) =>
    prepareDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, seed, ...(config.databaseUrl ? {} : await embeddedTemplate(seed)) });

  switch (command) {
    case 'serve':
      await serve(config);
      return -1;
    case 'migrate': {
      const handle = await open(false);
      await handle.close();
      console.log('Migrations applied.');
      return 0;
    }
    case 'seed': {
      const handle = await open(false);
      const result = await seedDefaults(handle);
      await handle.close();
      console.log(result === 'loaded' ? 'Default programme loaded.' : 'The database already holds a programme; nothing loaded.');
      return 0;
    }
    case 'user': {
      if (sub !== 'add') break;
      const password = process.env.KENNISSTAD_PASSWORD ?? '';
      if (!values.email || !values.name || !values.role || !ROLES.includes(values.role as Role)) {
        console.error('user add needs --email, --name and --role (one of ' + ROLES.join(', ') + ').');
        return 2;
      }
      if (password.length < 12) {
        console.error('Set the password in KENNISSTAD_PASSWORD (at least 12 characters).');
        return 2;
      }
      const handle = await open(true);
      try {
        const user = await createUser(handle.db, { email: values.email, displayName: values.name, password });
        await grantRole(handle.db, { userId: user.id, programmeSlug: values.programme!, role: values.role as Role, project: values.project, organisation: values.organisation });
        console.log(`User ${values.email} created as ${values.role} in ${values.programme}.`);
      } finally {
        await handle.close();
      }
      return 0;
    }
    case 'programme': {
      if (sub === 'schema') {
        process.stdout.write(programmeFileJsonSchema());
        return 0;
      }
      if (sub === 'import' && values.file) {
        const content = readFileSync(values.file, 'utf8');
        const handle = await open(false);
        try {
          const result = await importProgramme(handle.db, content);
          if (!result.ok) {
            console.error([`${values.file}: ${result.problems.length} problem(s); nothing was stored.`, ...problemLines(result.problems)].join('\n'));
            return 1;
          }
          console.log(`Programme ${result.slug} added from ${values.file}.`);
        } finally {
          await handle.close();
        }
        return 0;
      }
      if (sub === 'export' && values.file) {
        const handle = await open(false);
        try {
          const programme = await exportProgramme(handle.db, values.programme!);
          if (!programme) {
            console.error(`No programme "${values.programme}".`);
            return 1;
          }
          writeFileSync(values.file, programmeFileText(programme));
          console.log(`Programme ${programme.slug} written to ${values.file}.`);
        } finally {
          await handle.close();
        }
        return 0;
      }
      break;
    }
    case 'backup': {
      if (!values.file) break;
      const handle = await open(false);
      try {
        const backup = await createBackup(handle.db);
        writeFileSync(values.file, JSON.stringify(backup));
        const rows = Object.values(backup.tables).reduce((sum, list) => sum + list.length, 0);
        console.log(`Backup written to ${values.file}: ${Object.keys(backup.tables).length} tables, ${rows} rows.`);
      } finally {
        await handle.close();
      }
      return 0;
    }
    case 'restore': {
      if (!values.file) break;
      const backup = JSON.parse(readFileSync(values.file, 'utf8')) as Backup;
      const handle = await open(false);
      try {
        const counts = await restoreBackup(handle.db, backup);
        console.log(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows from ${values.file}.`);
      } finally {
        await handle.close();
      }
      return 0;
    }
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof DataDirLockedError || error instanceof RestoreError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
