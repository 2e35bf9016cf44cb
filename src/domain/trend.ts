// Projects a target's measurements to its deadline and judges it: met, on track, at risk, off
// track, or no data. Pure: dates are ISO calendar dates (YYYY-MM-DD), "today" is passed in.

export type TrendStatus = 'met' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';

export interface TrendPoint {
  on: string;
  value: number;
}

export interface TrendInput {
  /** Null for a deliverable without a number (e.g. a study): a measurement of 1 or more means delivered. */
  targetValue: number | null;
  baselineValue: number | null;
  /** When the baseline held, usually the programme's start. */
  baselineOn: string | null;
  deadlineOn: string | null;
  measurements: readonly TrendPoint[];
  today: string;
}

export interface Trend {
  status: TrendStatus;
  latest: TrendPoint | null;
  /** The value the straight-line trend reaches on the deadline; null when it cannot be projected. */
  projected: number | null;
}

/** A projection that reaches at least this share of the way to the target counts as "at risk", below it "off track". */
export const AT_RISK_SHARE = 0.8;

const DAY = 86_400_000;
// Stryker disable next-line ArithmeticOperator: any unit of time gives the same order and the same projection
const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);

export function projectTrend(input: TrendInput): Trend {
  const points = [...input.measurements].filter((p) => Number.isFinite(p.value)).sort((a, b) => dayNumber(a.on) - dayNumber(b.on));
  const latest = points.at(-1) ?? null;
  const passed = input.deadlineOn !== null && dayNumber(input.today) > dayNumber(input.deadlineOn);

  if (input.targetValue === null) {
    if (points.some((p) => p.value >= 1)) return { status: 'met', latest, projected: null };
    if (passed) return { status: 'off_track', latest, projected: null };
    return { status: latest ? 'on_track' : 'no_data', latest, projected: null };
  }

  if (!latest) return { status: 'no_data', latest, projected: null };
  const target = input.targetValue;
  const baseline = input.baselineValue ?? 0;
  // Targets can go down (fewer of something) as well as up: measure progress in the target's direction.
  const direction = target >= baseline ? 1 : -1;
  const reached = (value: number) => direction * (value - target) >= 0;
  if (reached(latest.value)) return { status: 'met', latest, projected: latest.value };
  if (passed) return { status: 'off_track', latest, projected: latest.value };
  if (input.deadlineOn === null) return { status: direction * (latest.value - baseline) > 0 ? 'on_track' : 'at_risk', latest, projected: null };

  const series = points.map((p) => ({ x: dayNumber(p.on), y: p.value }));
  if (input.baselineValue !== null && input.baselineOn && dayNumber(input.baselineOn) < series[0]!.x) {
    series.unshift({ x: dayNumber(input.baselineOn), y: input.baselineValue });
  }
  const distinctDays = new Set(series.map((p) => p.x)).size;
  // One point and no baseline to draw a line from: no trend can be seen yet.
  if (distinctDays < 2) return { status: 'at_risk', latest, projected: null };

  const projected = linearAt(series, dayNumber(input.deadlineOn));
  const needed = target - baseline;
  // A target equal to its baseline (hold the level) is on track only while the line stays at it.
  const share = needed === 0 ? (projected >= target ? 1 : 0) : (projected - baseline) / needed;
  const status: TrendStatus = share >= 1 ? 'on_track' : share >= AT_RISK_SHARE ? 'at_risk' : 'off_track';
  return { status, latest, projected: Math.round(projected * 100) / 100 };
}

/** Least-squares straight line through the points, evaluated at x. */
function linearAt(points: { x: number; y: number }[], x: number): number {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    // Stryker disable next-line ArithmeticOperator: Σ(x−x̄)(y−ȳ) = Σ(x±x̄)(y−ȳ) = Σ(x−x̄)(y±ȳ), since Σ(x−x̄) = Σ(y−ȳ) = 0
    sxy += (p.x - meanX) * (p.y - meanY);
    sxx += (p.x - meanX) ** 2;
  }
  // Stryker disable next-line ConditionalExpression: projectTrend asks only for two or more distinct days, so sxx > 0; the guard is for other callers
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return meanY + slope * (x - meanX);
}
