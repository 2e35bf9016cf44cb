// The open data as one CSV table per kind of record, for who opens it in a spreadsheet or loads it
// in a data tool: projects, organisations, targets with their measurements, decisions and
// meetings. One fixed format whatever the reader's language (RFC 4180, UTF-8, stable column keys),
// with both languages side by side (`title_nl`, `title_en`). The same content as the full JSON.
import { toCsv } from '../../domain/export-cells.ts';
import type { openData } from '../api/resources/exports.ts';

type OpenData = Awaited<ReturnType<typeof openData>>;
type Text = { nl?: string; en?: string } | null | undefined;
export type PublicMeasurement = { targetKey: string; measuredOn: string; value: number; source: string };

export const OPEN_DATA_TABLES = ['projects', 'organisations', 'targets', 'decisions', 'meetings'] as const;
export type OpenDataTable = (typeof OPEN_DATA_TABLES)[number];

const both = (name: string) => [`${name}_nl`, `${name}_en`];
const texts = (value: Text) => [value?.nl ?? '', value?.en ?? ''];

/** The columns and rows of one table (the header is the stable key of each column). */
export function openDataTable(table: OpenDataTable, data: OpenData, measurements: PublicMeasurement[]): { header: string[]; rows: (string | number | null)[][] } {
  switch (table) {
    case 'projects':
      return {
        header: ['code', 'theme', ...both('title'), ...both('goal'), ...both('status'), 'lifecycle', 'lead_organisation', 'partners', 'intended_partners', 'actions'],
        rows: data.projects.map((p) => [
          p.code,
          p.theme ?? '',
          ...texts(p.title),
          ...texts(p.goal),
          ...texts(p.status),
          p.lifecycle,
          p.leadOrganisation ?? '',
          p.partners.filter((x) => x.role !== 'intended_partner').map((x) => x.organisation).join(' '),
          p.partners.filter((x) => x.role === 'intended_partner').map((x) => x.organisation).join(' '),
          p.actions.length,
        ]),
      };
    case 'organisations':
      return {
        header: ['slug', ...both('name'), 'short_name', 'kind', 'parent', 'website'],
        rows: data.organisations.map((o) => [o.slug, ...texts(o.name), o.shortName ?? '', o.kind, o.parent ?? '', o.website ?? '']),
      };
    case 'targets': {
      // One row per measurement; a target without measurements has one row with them empty.
      const header = ['target', 'project', ...both('title'), 'target_value', ...both('unit'), 'baseline_value', 'deadline_on', 'measured_on', 'measured_value', 'measurement_source'];
      const rows = data.targets.flatMap((t) => {
        const head = [t.key, t.project ?? '', ...texts(t.title), t.targetValue, ...texts(t.unit), t.baselineValue ?? null, t.deadlineOn ?? ''];
        const own = measurements.filter((m) => m.targetKey === t.key);
        return own.length === 0 ? [[...head, '', null, '']] : own.map((m) => [...head, m.measuredOn, m.value, m.source]);
      });
      return { header, rows };
    }
    case 'decisions':
      return {
        header: ['id', 'meeting', 'meeting_starts_at', 'body', ...both('text'), 'outcome', 'recorded_at'],
        rows: data.decisions.map((d) => [d.id, d.meeting.id, d.meeting.startsAt, d.body.kind, ...texts(d.text), d.outcome, d.createdAt]),
      };
    case 'meetings':
      return {
        header: ['id', 'body', ...both('body_name'), 'starts_at', 'ends_at', 'state', 'location'],
        rows: data.meetings.map((m) => [m.id, m.body.kind, ...texts(m.body.name), m.startsAt, m.endsAt, m.state, m.location ?? '']),
      };
  }
}

export function openDataCsv(table: OpenDataTable, data: OpenData, measurements: PublicMeasurement[]): string {
  const { header, rows } = openDataTable(table, data, measurements);
  return toCsv(header, rows, 'open');
}
