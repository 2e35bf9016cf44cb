import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectTrend, type TrendInput } from './trend.ts';

const base: TrendInput = { targetValue: 1000, baselineValue: 0, baselineOn: '2020-01-01', deadlineOn: '2022-01-01', measurements: [], today: '2021-01-01' };

test('no measurements: no data, even when the deadline has passed', () => {
  assert.equal(projectTrend(base).status, 'no_data');
  assert.equal(projectTrend({ ...base, today: '2023-01-01' }).status, 'no_data');
});

test('one point is projected from the baseline', () => {
  // Halfway in time with half the target: exactly on track.
  const half = projectTrend({ ...base, measurements: [{ on: '2021-01-01', value: 510 }] });
  assert.equal(half.status, 'on_track');
  assert.ok(Math.abs(half.projected! - 1017) < 2, String(half.projected));
  // 45% halfway projects to ~900: at risk. 20% projects to ~400: off track.
  assert.equal(projectTrend({ ...base, measurements: [{ on: '2021-01-01', value: 450 }] }).status, 'at_risk');
  assert.equal(projectTrend({ ...base, measurements: [{ on: '2021-01-01', value: 200 }] }).status, 'off_track');
});

test('one point without a baseline cannot show a trend: at risk', () => {
  const result = projectTrend({ ...base, baselineValue: null, measurements: [{ on: '2021-01-01', value: 500 }] });
  assert.equal(result.status, 'at_risk');
  assert.equal(result.projected, null);
});

test('several points: the least-squares line decides', () => {
  const measurements = [
    { on: '2020-07-01', value: 300 },
    { on: '2021-01-01', value: 550 },
    { on: '2021-07-01', value: 800 },
  ];
  const result = projectTrend({ ...base, measurements, today: '2021-07-02' });
  assert.equal(result.status, 'on_track');
  assert.equal(result.latest?.value, 800);
  // The order of input does not matter.
  assert.deepEqual(projectTrend({ ...base, measurements: [...measurements].reverse(), today: '2021-07-02' }), result);
});

test('target met wins over everything, also after the deadline', () => {
  assert.equal(projectTrend({ ...base, measurements: [{ on: '2021-01-01', value: 1000 }] }).status, 'met');
  assert.equal(projectTrend({ ...base, measurements: [{ on: '2022-06-01', value: 1200 }], today: '2023-01-01' }).status, 'met');
});

test('deadline passed without reaching the target: off track', () => {
  assert.equal(projectTrend({ ...base, measurements: [{ on: '2021-12-01', value: 990 }], today: '2022-01-02' }).status, 'off_track');
  // The deadline day itself still counts as in time.
  assert.equal(projectTrend({ ...base, measurements: [{ on: '2021-12-01', value: 990 }], today: '2022-01-01' }).status, 'on_track');
});

test('a target without a number is a deliverable: delivered, pending or late', () => {
  const study: TrendInput = { ...base, targetValue: null, baselineValue: null, deadlineOn: '2018-03-31', today: '2018-01-01' };
  assert.equal(projectTrend(study).status, 'no_data');
  assert.equal(projectTrend({ ...study, measurements: [{ on: '2018-02-01', value: 1 }] }).status, 'met');
  assert.equal(projectTrend({ ...study, today: '2018-04-01' }).status, 'off_track');
  assert.equal(projectTrend({ ...study, measurements: [{ on: '2018-01-01', value: 0 }] }).status, 'on_track');
});

test('a decreasing target (fewer is better) is judged in its own direction', () => {
  const fewer: TrendInput = { ...base, targetValue: 100, baselineValue: 1000 };
  assert.equal(projectTrend({ ...fewer, measurements: [{ on: '2021-01-01', value: 540 }] }).status, 'on_track');
  assert.equal(projectTrend({ ...fewer, measurements: [{ on: '2021-01-01', value: 900 }] }).status, 'off_track');
  assert.equal(projectTrend({ ...fewer, measurements: [{ on: '2021-01-01', value: 90 }] }).status, 'met');
});

test('no deadline: progress counts as on track, none as at risk', () => {
  assert.equal(projectTrend({ ...base, deadlineOn: null, measurements: [{ on: '2021-01-01', value: 10 }] }).status, 'on_track');
  assert.equal(projectTrend({ ...base, deadlineOn: null, measurements: [{ on: '2021-01-01', value: 0 }] }).status, 'at_risk');
});

test('several measurements on the same day without baseline: at risk, not a division by zero', () => {
  const result = projectTrend({ ...base, baselineValue: null, measurements: [{ on: '2021-01-01', value: 5 }, { on: '2021-01-01', value: 6 }] });
  assert.equal(result.status, 'at_risk');
});

// Days counted from 1 January 2020 in powers of two keep the least-squares arithmetic exact.
const day = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
const exact: TrendInput = { targetValue: 1000, baselineValue: 0, baselineOn: day(0), deadlineOn: day(1024), measurements: [], today: day(513) };

test('a projection of exactly 100% is on track; exactly 80% is at risk, just below it off track', () => {
  const halfway: TrendInput = { ...exact, deadlineOn: day(512), today: day(300) };
  const full = projectTrend({ ...halfway, measurements: [{ on: day(256), value: 500 }] });
  assert.deepEqual([full.status, full.projected], ['on_track', 1000]);
  const justShort = projectTrend({ ...halfway, measurements: [{ on: day(256), value: 499.99 }] });
  assert.deepEqual([justShort.status, justShort.projected], ['at_risk', 999.98]);
  const eighty = projectTrend({ ...halfway, measurements: [{ on: day(256), value: 400 }] });
  assert.deepEqual([eighty.status, eighty.projected], ['at_risk', 800]);
  assert.equal(projectTrend({ ...halfway, measurements: [{ on: day(256), value: 399.99 }] }).status, 'off_track');
});

test('the least-squares line through baseline and measurements, not a line through the last two points', () => {
  // (0, 0), (256, 300), (512, 300): slope 0.5859375 through the means (256, 200), so 650 on day 1024.
  const result = projectTrend({ ...exact, measurements: [{ on: day(256), value: 300 }, { on: day(512), value: 300 }] });
  assert.deepEqual([result.status, result.projected], ['off_track', 650]);
  // Points on one straight line project along it.
  const straight = projectTrend({ ...exact, measurements: [{ on: day(256), value: 250 }, { on: day(512), value: 500 }] });
  assert.deepEqual([straight.status, straight.projected], ['on_track', 1000]);
});

test('the baseline is a point of the line only when it lies before the first measurement', () => {
  const measurements = [{ on: day(0), value: 0 }, { on: day(256), value: 300 }, { on: day(512), value: 300 }];
  // A measurement on the baseline day replaces the baseline point instead of counting twice.
  assert.equal(projectTrend({ ...exact, measurements }).projected, 650);
  // A baseline dated after the first measurement is left out of the line.
  assert.equal(projectTrend({ ...exact, baselineOn: day(100), measurements }).projected, 650);
});

test('measurement dates with a time of day count by their calendar date', () => {
  const result = projectTrend({ ...base, measurements: [{ on: '2021-01-01T12:00:00Z', value: 510 }] });
  assert.equal(result.status, 'on_track');
  assert.ok(Math.abs(result.projected! - 1017) < 2, String(result.projected));
});

test('measurements without a number are ignored', () => {
  assert.equal(projectTrend({ ...base, measurements: [{ on: '2021-01-01', value: Number.NaN }] }).status, 'no_data');
  const result = projectTrend({ ...base, measurements: [{ on: '2021-01-01', value: 510 }, { on: '2021-02-01', value: Number.NaN }] });
  assert.equal(result.latest?.value, 510);
  assert.equal(result.status, 'on_track');
});

test('reaching a decreasing target exactly is met', () => {
  assert.equal(projectTrend({ ...base, targetValue: 100, baselineValue: 1000, measurements: [{ on: '2021-01-01', value: 100 }] }).status, 'met');
});

test('a target equal to its baseline is met only at or beyond it', () => {
  const level: TrendInput = { ...base, targetValue: 100, baselineValue: 100 };
  assert.equal(projectTrend({ ...level, measurements: [{ on: '2021-01-01', value: 100 }] }).status, 'met');
  assert.notEqual(projectTrend({ ...level, measurements: [{ on: '2021-01-01', value: 90 }] }).status, 'met');
});

test('no deadline: falling back from the baseline is at risk', () => {
  assert.equal(projectTrend({ ...base, baselineValue: 100, deadlineOn: null, measurements: [{ on: '2021-01-01', value: 50 }] }).status, 'at_risk');
  assert.equal(projectTrend({ ...base, baselineValue: 100, deadlineOn: null, measurements: [{ on: '2021-01-01', value: 150 }] }).status, 'on_track');
});

test('holding a level (target equal to its baseline): on track while the line stays at it, off track when it falls away', () => {
  const level: TrendInput = { ...exact, targetValue: 100, baselineValue: 100 };
  // From 100 on day 0 down to 90 on day 256: the line falls to 60 by day 1024.
  const falling = projectTrend({ ...level, measurements: [{ on: day(256), value: 90 }] });
  assert.deepEqual([falling.status, falling.projected], ['off_track', 60]);
  // Below the level now, but the line (baseline left out: dated after the first measurement) climbs past it by the deadline.
  const climbing = projectTrend({ ...level, baselineOn: day(300), measurements: [{ on: day(0), value: 80 }, { on: day(256), value: 95 }] });
  assert.deepEqual([climbing.status, climbing.projected], ['on_track', 140]);
});
