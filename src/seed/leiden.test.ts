import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leiden } from './leiden.ts';
import { ORGANISATION_KINDS } from '../db/schema.ts';

const CODES = ['1a', '1b', '2a', '2b', '2c', '2d', '2e', '2f', '3a', '3b', '3c', '3d', '4a', '4b', '4c', '4d', '5'];
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isLocalized(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k === 'nl' || k === 'en');
}

/** Every LocalizedText in the structure, with the path it was found at. */
function collectLocalized(value: unknown, path: string, out: Array<[string, Record<string, unknown>]>): void {
  if (isLocalized(value)) {
    out.push([path, value]);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectLocalized(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectLocalized(v, `${path}.${k}`, out);
  }
}

const slugs = new Set(leiden.organisations.map((o) => o.slug));

test('has the 17 agenda items with the exact codes, in order', () => {
  assert.deepEqual(
    leiden.projects.map((p) => p.code),
    CODES,
  );
  const five = leiden.projects.find((p) => p.code === '5');
  assert.equal(five?.theme, undefined);
  for (const p of leiden.projects.filter((p) => p.code !== '5')) assert.equal(p.theme, p.code[0]);
});

test('every LocalizedText has non-empty nl and en', () => {
  const found: Array<[string, Record<string, unknown>]> = [];
  collectLocalized(leiden, 'leiden', found);
  assert.ok(found.length > 200, `only ${found.length} texts found`);
  for (const [path, text] of found) {
    for (const lang of ['nl', 'en']) {
      const v = text[lang];
      assert.equal(typeof v, 'string', `${path}.${lang} missing`);
      assert.ok((v as string).trim().length > 0, `${path}.${lang} empty`);
    }
  }
});

test('no PDF hyphenation left in the Dutch text', () => {
  const found: Array<[string, Record<string, unknown>]> = [];
  collectLocalized(leiden, 'leiden', found);
  for (const [path, text] of found) {
    assert.doesNotMatch(String(text.nl), /[a-zà-ÿ]-\n/, `${path}.nl has a broken word`);
  }
});

test('organisation slugs are unique and kebab-case, with a known kind', () => {
  assert.equal(slugs.size, leiden.organisations.length, 'duplicate slug');
  for (const o of leiden.organisations) {
    assert.match(o.slug, KEBAB, o.slug);
    assert.ok((ORGANISATION_KINDS as readonly string[]).includes(o.kind), `${o.slug}: ${o.kind}`);
  }
  const names = leiden.organisations.map((o) => o.name.nl);
  assert.equal(new Set(names).size, names.length, 'duplicate organisation name');
});

test('every referenced organisation and project exists', () => {
  const codes = new Set(leiden.projects.map((p) => p.code));
  for (const o of leiden.organisations) {
    if (o.parent) {
      assert.ok(slugs.has(o.parent), `parent ${o.parent} of ${o.slug}`);
      assert.notEqual(o.parent, o.slug);
    }
  }
  for (const party of leiden.agreement.parties) assert.ok(slugs.has(party.organisation), party.organisation);
  for (const p of leiden.projects) {
    if (p.lead) assert.ok(slugs.has(p.lead), `${p.code} lead ${p.lead}`);
    for (const pt of p.partners) assert.ok(slugs.has(pt.organisation), `${p.code} partner ${pt.organisation}`);
    for (const a of p.actions) if (a.owner) assert.ok(slugs.has(a.owner), `${p.code} owner ${a.owner}`);
  }
  const themeCodes = new Set(leiden.themes.map((th) => th.code));
  for (const p of leiden.projects) if (p.theme) assert.ok(themeCodes.has(p.theme), `${p.code} theme ${p.theme}`);
  for (const target of leiden.targets) {
    assert.ok(codes.has(target.project), `target ${target.key} project ${target.project}`);
    assert.match(target.key, KEBAB);
  }
});

/** The agreement names two leads for 3b ("Gemeente samen met Universiteit") and 3d (content and supporting programme). */
const SECOND_LEADS: Record<string, string> = { '3b': 'universiteit-leiden', '3d': 'gemeente-leiden' };

test('every project has its first lead among its partners as lead, 3b and 3d a second one, and no organisation twice', () => {
  // 4b names no lead yet ("gemeente dient in dit stadium de vraag verder te articuleren"); 2d and 2e
  // describe wishes and possibilities under "Actie", not actions.
  for (const p of leiden.projects) {
    const leads = p.partners.filter((pt) => pt.role === 'lead');
    assert.deepEqual(
      leads.map((pt) => pt.organisation),
      p.code === '4b' ? [] : [p.lead, ...(SECOND_LEADS[p.code] ? [SECOND_LEADS[p.code]] : [])],
      `${p.code} lead`,
    );
    const orgs = p.partners.map((pt) => pt.organisation);
    assert.equal(new Set(orgs).size, orgs.length, `${p.code} lists an organisation twice`);
    assert.equal(p.actions.length > 0, !['2d', '2e'].includes(p.code), `${p.code} actions`);
    for (const a of p.actions) {
      assert.equal(a.state, 'open');
      if (a.dueOn) assert.match(a.dueOn, ISO_DATE);
      if (a.dueOn) assert.ok(a.dueLabel, `${p.code} dated action without label`);
    }
  }
});

test('the four parties, signatories and signing date', () => {
  const a = leiden.agreement;
  assert.equal(a.signedOn, '2017-07-07');
  assert.equal(a.signedPlace, 'Leiden');
  assert.equal(a.termYears, 5);
  assert.equal(a.renewalYears, 5);
  assert.deepEqual(
    a.parties.map((p) => [p.organisation, p.signatoryName, p.signatoryTitle.nl, p.referredToAs.nl]),
    [
      ['universiteit-leiden', 'Prof.mr. C.J.J.M. Stolker', 'voorzitter en rector magnificus', 'de universiteit'],
      ['lumc', 'Prof. Dr. W.J.M. Spaan', 'voorzitter', 'LUMC'],
      ['hogeschool-leiden', 'S. van den Eijnden', 'voorzitter', 'Hogeschool Leiden'],
      ['gemeente-leiden', 'P. Dirkse', 'wethouder Onderwijs, Sport en Duurzaamheid', 'de gemeente'],
    ],
  );
  assert.deepEqual(
    a.sections.map((s) => s.key),
    [
      'introduction',
      'theme-1',
      'theme-2',
      'theme-3',
      'theme-4',
      'way-of-working',
      'parties',
      'considerations',
      'agreements',
      'realisation',
      'duration',
      'annex',
    ],
  );
  assert.equal(leiden.periodStart, '2017-07-07');
  assert.equal(leiden.periodEnd, '2022-07-06');
  const kinds = Object.fromEntries(leiden.organisations.map((o) => [o.slug, o.kind]));
  assert.equal(kinds['gemeente-leiden'], 'municipality');
  assert.equal(kinds['universiteit-leiden'], 'university');
  assert.equal(kinds['lumc'], 'medical_centre');
  assert.equal(kinds['hogeschool-leiden'], 'applied_sciences');
});

test('criteria a-f with their assessment', () => {
  assert.deepEqual(
    leiden.criteria.map((c) => [c.letter, c.assessment]),
    [
      ['a', 'data'],
      ['b', 'data'],
      ['c', 'judgement'],
      ['d', 'judgement'],
      ['e', 'data'],
      ['f', 'data'],
    ],
  );
  assert.match(leiden.criteria[0]?.text.nl ?? '', /twee of meer van de deelnemende partijen/);
});

test('bodies: executive, support and coordinator with their meeting frequency', () => {
  const byKind = Object.fromEntries(leiden.bodies.map((b) => [b.kind, b]));
  assert.equal(byKind.executive?.minMeetingsPerYear, 2);
  assert.equal(byKind.executive?.maxMeetingsPerYear, 2);
  assert.equal(byKind.support?.minMeetingsPerYear, 4);
  assert.equal(byKind.support?.maxMeetingsPerYear, 6);
  assert.ok(byKind.coordinator);
  assert.equal(byKind.coordinator?.minMeetingsPerYear, undefined);
});

test('dated commitments are present', () => {
  const dated = leiden.projects.flatMap((p) => p.actions.filter((a) => a.dueOn).map((a) => [p.code, a.dueOn]));
  for (const [code, due] of [
    ['5', '2017-10-31'],
    ['2f', '2017-11-30'],
    ['3d', '2017-11-30'],
    ['3a', '2018-03-31'],
  ]) {
    assert.ok(
      dated.some(([c, d]) => c === code && d === due),
      `${code} due ${due}`,
    );
  }
  const targets = Object.fromEntries(leiden.targets.map((t) => [t.key, t]));
  assert.equal(targets['student-housing']?.targetValue, 2700);
  assert.equal(targets['student-housing']?.deadlineOn, undefined, "“zo'n 2.700” is an ambition without a date");
  assert.equal(targets['short-stay-housing']?.targetValue, 150);
  assert.equal(targets['short-stay-housing']?.deadlineOn, '2020-12-31');
  assert.equal(targets['non-student-housing-study']?.deadlineOn, '2018-03-31');
  assert.equal(targets['non-student-housing-units']?.targetValue, undefined);
  assert.equal(targets['working-method-proposal']?.deadlineOn, '2017-10-31');
});
