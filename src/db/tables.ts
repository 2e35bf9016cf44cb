// Every table of the app, for drizzle and drizzle-kit. Features add a line for their own tables.
export * from './schema.ts';
export * from '../features/website/tables.ts';
export * from '../features/agreement/tables.ts';
export * from '../features/portfolio/tables.ts';
export * from '../features/api/tables.ts';
export * from '../features/fund/tables.ts';
export * from '../features/meetings/tables.ts';
export * from '../features/agenda/tables.ts';
export * from '../features/monitoring/tables.ts';
export * from '../features/accounts/tables.ts';
export * from '../features/files/tables.ts';
export * from '../features/city-network/tables.ts';
