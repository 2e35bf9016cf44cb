import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { belongsToParty, chainOf, distinctParties, parentProblem, partyOf, type Parents } from './parties.ts';

// Leiden-like: the university (a party) with a faculty and an institute inside the faculty, the
// medical centre (a party), a company (no party), a company unit, and a stored cycle x -> y -> x.
const parents: Parents = new Map<string, string | null>([
  ['ul', null],
  ['fgw', 'ul'],
  ['lucas', 'fgw'],
  ['lumc', null],
  ['acme', null],
  ['acme-lab', 'acme'],
  ['x', 'y'],
  ['y', 'x'],
  ['self', 'self'],
]);
const parties = new Set(['ul', 'lumc', 'gemeente']);

describe('chainOf', () => {
  test('starts with the organisation and walks up to the top', () => {
    assert.deepEqual(chainOf('lucas', parents), ['lucas', 'fgw', 'ul']);
    assert.deepEqual(chainOf('ul', parents), ['ul']);
  });
  test('an organisation not in the map is its own chain', () => {
    assert.deepEqual(chainOf('gemeente', parents), ['gemeente']);
  });
  test('a stored cycle ends before repeating', () => {
    assert.deepEqual(chainOf('x', parents), ['x', 'y']);
    assert.deepEqual(chainOf('y', parents), ['y', 'x']);
    assert.deepEqual(chainOf('self', parents), ['self']);
  });
  test('an empty id has no chain', () => {
    assert.deepEqual(chainOf('', parents), []);
  });
});

describe('partyOf', () => {
  test('a party is its own party', () => {
    assert.equal(partyOf('ul', parents, parties), 'ul');
    assert.equal(partyOf('gemeente', parents, parties), 'gemeente');
  });
  test('a unit counts as the party its chain reaches, at any depth', () => {
    assert.equal(partyOf('fgw', parents, parties), 'ul');
    assert.equal(partyOf('lucas', parents, parties), 'ul');
  });
  test('the nearest party wins when a party is itself part of another', () => {
    const nested: Parents = new Map([['lumc', 'ul'], ['lumc-dept', 'lumc']]);
    assert.equal(partyOf('lumc-dept', nested, parties), 'lumc');
    assert.equal(partyOf('lumc', nested, parties), 'lumc');
  });
  test('an organisation whose chain reaches no party is none', () => {
    assert.equal(partyOf('acme', parents, parties), null);
    assert.equal(partyOf('acme-lab', parents, parties), null);
    assert.equal(partyOf('unknown', parents, parties), null);
  });
  test('a cycle without a party ends as none instead of looping', () => {
    assert.equal(partyOf('x', parents, parties), null);
    assert.equal(partyOf('self', parents, parties), null);
  });
  test('a cycle through a party still finds it', () => {
    const cyclic: Parents = new Map([['a', 'ul'], ['ul', 'a']]);
    assert.equal(partyOf('a', cyclic, parties), 'ul');
  });
});

describe('distinctParties', () => {
  test('two units of one party count once, in the order first met', () => {
    assert.deepEqual(distinctParties(['fgw', 'lucas'], parents, parties), ['ul']);
    assert.deepEqual(distinctParties(['lumc', 'fgw', 'ul', 'lumc'], parents, parties), ['lumc', 'ul']);
  });
  test('organisations that are no party are left out', () => {
    assert.deepEqual(distinctParties(['acme', 'acme-lab', 'x'], parents, parties), []);
    assert.deepEqual(distinctParties(['acme', 'lucas', 'gemeente'], parents, parties), ['ul', 'gemeente']);
  });
  test('no organisations, no parties', () => {
    assert.deepEqual(distinctParties([], parents, parties), []);
  });
});

describe('belongsToParty', () => {
  test('the party itself and its units belong to it', () => {
    assert.equal(belongsToParty('ul', 'ul', parents), true);
    assert.equal(belongsToParty('fgw', 'ul', parents), true);
    assert.equal(belongsToParty('lucas', 'ul', parents), true);
  });
  test('another party, its units or an outsider do not', () => {
    assert.equal(belongsToParty('lumc', 'ul', parents), false);
    assert.equal(belongsToParty('acme-lab', 'ul', parents), false);
    assert.equal(belongsToParty('ul', 'fgw', parents), false);
    assert.equal(belongsToParty('x', 'ul', parents), false);
  });
});

describe('parentProblem', () => {
  test('no parent, or an unrelated one, is allowed', () => {
    assert.equal(parentProblem('fgw', null, parents), null);
    assert.equal(parentProblem('acme', 'ul', parents), null);
    assert.equal(parentProblem('lucas', 'ul', parents), null);
    assert.equal(parentProblem('ul', 'lumc', parents), null);
  });
  test('an organisation cannot be part of itself', () => {
    assert.equal(parentProblem('ul', 'ul', parents), 'self');
  });
  test('an organisation cannot be part of one of its own units, at any depth', () => {
    assert.equal(parentProblem('ul', 'fgw', parents), 'cycle');
    assert.equal(parentProblem('ul', 'lucas', parents), 'cycle');
    assert.equal(parentProblem('fgw', 'lucas', parents), 'cycle');
  });
  test('moving a unit under its sibling or its grandparent is no cycle', () => {
    const tree: Parents = new Map([['a', null], ['b', 'a'], ['c', 'a'], ['d', 'b']]);
    assert.equal(parentProblem('c', 'b', tree), null);
    assert.equal(parentProblem('d', 'a', tree), null);
    assert.equal(parentProblem('b', 'd', tree), 'cycle');
  });
  test('a parent caught in a stored cycle elsewhere does not make it a cycle for this one', () => {
    assert.equal(parentProblem('acme', 'x', parents), null);
  });
});
