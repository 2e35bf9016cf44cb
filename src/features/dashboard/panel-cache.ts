// The dashboard's panels as ready HTML per programme and language, kept in memory. A panel's
// content is the same for every coordinator of a programme (who may open the dashboard is checked
// per request by the route's access rule; a panel whose content depends on the person sets
// `perUser` and is rendered every time). The cache follows the website's page cache: it is valid
// while that cache has not been emptied since the panel was rendered, so every write through this
// instance and every NOTIFY from the database (other instances, see the website migrations) makes
// the next dashboard load fresh data. Time alone changes some panels (a deadline becomes overdue,
// a meeting becomes held): an entry also expires after MAX_AGE_MS.
export const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 5000;

interface Entry {
  generation: number;
  at: number;
  html: string;
}

export class PanelCache {
  private entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  /** The cached HTML of a panel, or undefined when it must be rendered again. */
  get(key: string, generation: number, now = Date.now()): string | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.generation !== generation || now - entry.at >= MAX_AGE_MS) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return entry.html;
  }

  /** `generation` is the page cache's count of invalidations taken before the panel loaded its data. */
  set(key: string, generation: number, html: string, now = Date.now()): void {
    if (!this.entries.has(key) && this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { generation, at: now, html });
  }
}
