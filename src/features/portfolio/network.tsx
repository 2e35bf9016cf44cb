// The partner network as a picture that needs no JavaScript: an SVG with organisations on the left,
// projects on the right and a line for every partnership, plus cross-overs drawn between projects.
// Every node has a text label and the SVG has a title and description; a table carries the same data.
import type { Locale } from '../../domain/localized.ts';

export interface NetworkData {
  organisations: { id: string; label: string }[];
  projects: { id: string; code: string; label: string }[];
  partnerships: { organisationId: string; projectId: string; role: string }[];
  crossOvers: { a: string; b: string }[];
}

const ROW = 22;
const TOP = 30;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function NetworkSvg({ data, title, description }: { data: NetworkData; title: string; description: string; locale: Locale }) {
  const height = TOP + Math.max(data.organisations.length, data.projects.length) * ROW + 10;
  const width = 900;
  const leftX = 250;
  const rightX = 560;
  const orgY = new Map(data.organisations.map((o, i) => [o.id, TOP + i * ROW]));
  const projY = new Map(data.projects.map((p, i) => [p.id, TOP + i * ROW]));
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="network-title network-desc" class="ks-network" width="100%">
      <title id="network-title">{title}</title>
      <desc id="network-desc">{description}</desc>
      <g stroke="#8a9bb0" stroke-width="1" fill="none">
        {data.partnerships.map((p) => {
          const y1 = orgY.get(p.organisationId);
          const y2 = projY.get(p.projectId);
          if (y1 === undefined || y2 === undefined) return null;
          return <line x1={leftX} y1={y1} x2={rightX} y2={y2} stroke={p.role === 'lead' ? '#154273' : '#8a9bb0'} stroke-width={p.role === 'lead' ? 2 : 1} stroke-dasharray={p.role === 'intended_partner' ? '4 3' : undefined} />;
        })}
      </g>
      <g stroke="#a8071a" stroke-width="2" fill="none">
        {data.crossOvers.map((c) => {
          const y1 = projY.get(c.a);
          const y2 = projY.get(c.b);
          if (y1 === undefined || y2 === undefined) return null;
          // Arcs run right of the project labels so they never cross the text.
          const bend = 860 + Math.min(36, Math.abs(y2 - y1) / 4);
          return <path d={`M 860 ${y1} C ${bend} ${y1}, ${bend} ${y2}, 860 ${y2}`} />;
        })}
      </g>
      <g font-size="13" fill="#1a1a1a" font-family="sans-serif">
        {data.organisations.map((o) => (
          <>
            <circle cx={leftX} cy={orgY.get(o.id)!} r="4" fill="#154273" />
            <text x={leftX - 8} y={orgY.get(o.id)! + 4} text-anchor="end">
              {truncate(o.label, 34)}
            </text>
          </>
        ))}
        {data.projects.map((p) => (
          <>
            <circle cx={rightX} cy={projY.get(p.id)!} r="4" fill="#a8071a" />
            <text x={rightX + 8} y={projY.get(p.id)! + 4}>
              {truncate(`${p.code}. ${p.label}`, 40)}
            </text>
          </>
        ))}
      </g>
    </svg>
  );
}
