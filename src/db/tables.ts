// Every table of the app, for drizzle and drizzle-kit. Features add a line for their own tables.
export * from './schema.ts';
export * from '../features/website/tables.ts';
