// A target's history against its target line, as SVG rendered on the server by vega-lite/vega
// (renderer 'none', no canvas). Rendering costs tens of milliseconds, so the SVG is cached per
// target and language under a stamp of its measurements: a new measurement changes the stamp,
// on every instance, without any invalidation message.
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';
import { loadCharts } from '../../web/lazy-modules.ts';
import type { Locale } from '../../domain/localized.ts';

const NL_LOCALE = {
  number: { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] },
  time: {
    dateTime: '%a %e %B %Y %X',
    date: '%d-%m-%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
    shortDays: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
    months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    shortMonths: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  },
};
const EN_LOCALE = {
  number: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] },
  time: {
    dateTime: '%a %e %B %Y %X',
    date: '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
};

export interface ChartInput {
  targetId: string;
  locale: Locale;
  /** Accessible name: what the chart shows, in words. */
  label: string;
  axisDate: string;
  axisValue: string;
  targetValue: number | null;
  deadlineOn: string | null;
  baseline: { on: string; value: number } | null;
  measurements: { on: string; value: number }[];
  /** Changes whenever the measurements change (count and newest entry). */
  stamp: string;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 500;
let renders = 0;

/** How many charts were actually rendered (not served from cache); for tests. */
export function chartRenderCount(): number {
  return renders;
}

export async function targetChartSvg(input: ChartInput): Promise<string> {
  const key = `${input.targetId}:${input.locale}:${input.stamp}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const svg = await render(input);
  renders++;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, svg);
  return svg;
}

async function render(input: ChartInput): Promise<string> {
  const series = [...(input.baseline ? [input.baseline] : []), ...input.measurements].map((p) => ({ date: p.on, value: p.value }));
  const layers: object[] = [
    {
      data: { values: series },
      mark: { type: 'line', point: { filled: true, size: 50 }, color: '#1d4f91', strokeWidth: 2 },
      encoding: {
        x: { field: 'date', type: 'temporal', title: input.axisDate, axis: timeAxis(series.map((p) => p.date).concat(input.deadlineOn ?? [])) },
        y: { field: 'value', type: 'quantitative', title: input.axisValue, axis: { format: ',~r' } },
      },
    },
  ];
  if (input.targetValue !== null) {
    const end = input.deadlineOn ?? series.at(-1)?.date;
    const start = series[0]?.date ?? end;
    layers.push({
      data: { values: [{ date: start, value: input.targetValue }, { date: end, value: input.targetValue }] },
      mark: { type: 'line', strokeDash: [6, 4], color: '#8a1c1c', strokeWidth: 2 },
      encoding: { x: { field: 'date', type: 'temporal' }, y: { field: 'value', type: 'quantitative' } },
    });
  }
  const spec = {
    width: 560,
    height: 260,
    background: 'white',
    layer: layers,
    config: { locale: input.locale === 'nl' ? NL_LOCALE : EN_LOCALE, aria: false, axis: { labelColor: '#222', titleColor: '#222', labelFontSize: 12, titleFontSize: 13 } },
  };
  const [vega, vl] = await loadCharts();
  const compiled = vl.compile(spec as VegaLite.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled, compiled.config as Vega.Config), { renderer: 'none' });
  const raw = await view.toSVG();
  await view.finalize();
  return accessible(raw, input);
}

export interface ComparisonInput {
  /** Unique per chart on a page (the ids of its title). */
  chartId: string;
  locale: Locale;
  label: string;
  axisDate: string;
  axisValue: string;
  /** The legend's title: what a line stands for. */
  seriesTitle: string;
  /** One line per target (named by programme and target), its measurements oldest first. */
  series: { name: string; points: { on: string; value: number }[] }[];
  stamp: string;
}

/**
 * Targets of several programmes in the same unit, one line each (the network of knowledge
 * cities). The same renderer, locale, time axis, accessible name and cache as a target's chart;
 * the page puts the numbers in a table next to it.
 */
export async function comparisonChartSvg(input: ComparisonInput): Promise<string> {
  const key = `compare:${input.chartId}:${input.locale}:${input.stamp}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const values = input.series.flatMap((s) => s.points.map((p) => ({ series: s.name, date: p.on, value: p.value })));
  const spec = {
    width: 560,
    height: 260,
    background: 'white',
    data: { values },
    mark: { type: 'line', point: { filled: true, size: 50 }, strokeWidth: 2 },
    encoding: {
      x: { field: 'date', type: 'temporal', title: input.axisDate, axis: timeAxis(values.map((v) => v.date)) },
      y: { field: 'value', type: 'quantitative', title: input.axisValue, axis: { format: ',~r' } },
      color: { field: 'series', type: 'nominal', title: input.seriesTitle, legend: { orient: 'bottom', direction: 'vertical', labelLimit: 520 } },
      strokeDash: { field: 'series', type: 'nominal', legend: null },
    },
    config: { locale: input.locale === 'nl' ? NL_LOCALE : EN_LOCALE, aria: false, axis: { labelColor: '#222', titleColor: '#222', labelFontSize: 12, titleFontSize: 13 }, legend: { labelColor: '#222', titleColor: '#222', labelFontSize: 12 } },
  };
  const [vega, vl] = await loadCharts();
  const compiled = vl.compile(spec as VegaLite.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled, compiled.config as Vega.Config), { renderer: 'none' });
  const svg = accessible(await view.toSVG(), { targetId: input.chartId, label: input.label });
  await view.finalize();
  renders++;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, svg);
  return svg;
}

/**
 * Ticks a reader can place in time: over more than two years one tick per year, labelled with the
 * year; over a shorter span every few months, labelled with month and year (never a month alone).
 */
export function timeAxis(dates: readonly string[]): { format: string; tickCount: { interval: 'year' | 'month'; step: number }; labelOverlap: boolean } {
  const times = dates.map((d) => Date.parse(d)).filter((n) => Number.isFinite(n));
  const spanDays = times.length ? (Math.max(...times) - Math.min(...times)) / 86_400_000 : 0;
  if (spanDays > 2 * 366) return { format: '%Y', tickCount: { interval: 'year', step: 1 }, labelOverlap: true };
  return { format: '%b %Y', tickCount: { interval: 'month', step: spanDays > 366 ? 6 : 3 }, labelOverlap: true };
}

/** The chart is one image with a name; the numbers are in the table next to it. */
function accessible(svg: string, input: Pick<ChartInput, 'targetId' | 'label'>): string {
  const titleId = `chart-${input.targetId}-title`;
  const open = svg.indexOf('>');
  const head = svg
    .slice(0, open)
    .replace(/\s(role|aria-[a-z]+)="[^"]*"/g, '')
    // Width and height come from the viewBox and the column (CSS), so the chart fits phones and print.
    .replace(/\s(width|height)="[^"]*"/g, '')
    .replace(/\sclass="marks"/, ' class="marks ks-chart"');
  // Inside a role="img" the marks are presentation: vega's own roles on them would each need a text.
  const body = svg.slice(open + 1).replace(/\s(role|aria-[a-z]+)="[^"]*"/g, '');
  return `${head} role="img" aria-labelledby="${titleId}" focusable="false"><title id="${titleId}">${escapeXml(input.label)}</title>${body}`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
