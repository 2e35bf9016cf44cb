import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareForHome, HOME_STAGE_ORDER, isArchive, programmeStage, writableInStage, type ProgrammeStage } from './lifecycle.ts';
import { endDate } from './term.ts';

const leiden = { signedOn: '2017-07-07', termYears: 5, renewalYears: 5, renewals: 0 };

describe('programme lifecycle', () => {
  test('in preparation before the first day, running through the last day, finished after it', () => {
    const term = { startOn: '2017-07-07', endOn: endDate(leiden) };
    assert.equal(programmeStage(term, '2017-07-06'), 'preparation');
    assert.equal(programmeStage(term, '2017-07-07'), 'running');
    assert.equal(programmeStage(term, '2019-06-01'), 'running');
    assert.equal(programmeStage(term, '2022-07-06'), 'running');
    assert.equal(programmeStage(term, '2022-07-07'), 'finished');
    assert.equal(programmeStage(term, '2026-12-03'), 'finished');
  });

  test('a renewal by five years keeps the programme running', () => {
    const renewed = { startOn: '2017-07-07', endOn: endDate({ ...leiden, renewals: 1 }) };
    assert.equal(programmeStage(renewed, '2022-07-07'), 'running');
    assert.equal(programmeStage(renewed, '2027-07-06'), 'running');
    assert.equal(programmeStage(renewed, '2027-07-07'), 'finished');
  });

  test('a one-day term', () => {
    const term = { startOn: '2024-01-01', endOn: '2024-01-01' };
    assert.equal(programmeStage(term, '2023-12-31'), 'preparation');
    assert.equal(programmeStage(term, '2024-01-01'), 'running');
    assert.equal(programmeStage(term, '2024-01-02'), 'finished');
  });

  test('only a finished programme is an archive, and there only the coordinator writes', () => {
    assert.equal(isArchive('finished'), true);
    assert.equal(isArchive('running'), false);
    assert.equal(isArchive('preparation'), false);
    assert.equal(writableInStage('running', false), true);
    assert.equal(writableInStage('preparation', false), true);
    assert.equal(writableInStage('finished', false), false);
    assert.equal(writableInStage('finished', true), true);
    assert.equal(writableInStage('running', true), true);
  });

  test('the home list: running (latest start first), then preparation (soonest first), then finished (latest end first)', () => {
    const p = (name: string, stage: ProgrammeStage, startOn: string, endOn: string) => ({ name, stage, startOn, endOn });
    const list = [
      p('Finished early', 'finished', '2010-01-01', '2014-12-31'),
      p('Prep late', 'preparation', '2028-01-01', '2032-12-31'),
      p('Running old', 'running', '2020-01-01', '2029-12-31'),
      p('Finished late', 'finished', '2017-07-07', '2022-07-06'),
      p('Prep soon', 'preparation', '2027-03-01', '2032-02-28'),
      p('Running new', 'running', '2025-01-01', '2029-12-31'),
      p('B same', 'running', '2020-01-01', '2029-12-31'),
    ];
    assert.deepEqual(
      [...list].sort(compareForHome).map((x) => x.name),
      ['Running new', 'B same', 'Running old', 'Prep soon', 'Prep late', 'Finished late', 'Finished early'],
    );
    // Ties by name in each stage, whatever the input order.
    const a = p('A', 'finished', '2010-01-01', '2014-12-31');
    const b = p('B', 'finished', '2010-01-01', '2014-12-31');
    assert.ok(compareForHome(a, b) < 0);
    assert.ok(compareForHome(b, a) > 0);
    assert.equal(compareForHome(a, { ...a }), 0);
    // The stage headings follow the same order.
    assert.deepEqual(HOME_STAGE_ORDER, ['running', 'preparation', 'finished']);
    const c = p('A', 'preparation', '2030-01-01', '2034-12-31');
    const d = p('B', 'preparation', '2030-01-01', '2034-12-31');
    assert.ok(compareForHome(c, d) < 0);
  });
});
