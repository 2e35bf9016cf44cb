// Capabilities that bring default data of their own register it here (one import each).
import '../features/agreement/seed.ts';
import '../features/website/seed.ts';
import '../features/meetings/seed.ts';
import '../features/agenda/seed.ts';
import '../features/portfolio/seed.ts';
export {};
