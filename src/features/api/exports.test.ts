import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from './resources/exports.ts';

const base = {
  generatedAt: '2026-01-01T00:00:00.000Z',
  programme: { slug: 'p', name: { nl: 'Naam "x"', en: 'Name' }, city: 'C', periodStart: '2020-01-01', periodEnd: '2021-01-01', mission: {} },
  themes: [],
  projects: [{ code: '1a', theme: null, title: { nl: '=SUM(A1)' }, goal: {}, description: {}, status: {}, lifecycle: 'running', leadOrganisation: null, partners: [], actions: [] }],
  organisations: [],
  targets: [],
  meetings: [],
  decisions: [],
  news: [],
  events: [],
  agreement: null,
};

test('CSV export: quotes every cell, doubles quotes, defuses formulas, one row per filled field', () => {
  const csv = toCsv(base as never);
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], '"record","key","parent","field","nl","en"');
  assert.ok(lines.includes('"programme","p","","name","Naam ""x""","Name"'));
  assert.ok(lines.includes('"project","1a","","title","\'=SUM(A1)",""'));
  assert.ok(!lines.some((l) => l.includes('"mission"')), 'empty texts are left out');
  assert.ok(lines.includes('"project","1a","","lifecycle","running","running"'));
  assert.ok(!lines.some((l) => l.startsWith('"agreement"')), 'no agreement, no rows');
});

test('CSV export: meetings by body, decisions by meeting, news, and the agreement with its parties and sections', () => {
  const csv = toCsv({
    ...base,
    meetings: [{ id: 'm1', body: { kind: 'executive', name: { nl: 'Bestuurlijk overleg' } }, startsAt: '2031-03-02T09:00:00.000Z', endsAt: '2031-03-02T11:00:00.000Z', state: 'planned', location: 'Stadhuis', onlineUrl: null, updatedAt: '2031-01-01T00:00:00.000Z' }],
    decisions: [{ id: 'd1', text: { nl: 'Besluit', en: 'Decision' }, outcome: 'adopted', public: true, status: 'confirmed', confirmedAt: '2031-03-02T12:30:00.000Z', withdrawnAt: null, body: { kind: 'executive', name: {} }, meeting: { id: 'm1', startsAt: '2031-03-02T09:00:00.000Z' }, createdAt: '2031-03-02T12:00:00.000Z' }],
    news: [{ slug: 'n1', title: { nl: '+Nieuws' }, summary: {}, body: {}, status: 'published', publishAt: null, imageUrl: null, imageAlt: {}, updatedAt: '2031-01-01T00:00:00.000Z' }],
    agreement: {
      title: { nl: 'Overeenkomst' },
      signedOn: '2018-01-01',
      parties: [{ organisation: { slug: 'lumc', name: {} }, signingBody: { nl: 'RvB' }, referredToAs: {}, signatoryName: 'A. Bee', signatoryTitle: {} }],
      sections: [{ key: 'introduction', position: 1, heading: { nl: 'Inleiding' }, body: { nl: 'Tekst' } }],
    },
  } as never);
  const lines = csv.trim().split('\r\n');
  assert.ok(lines.includes('"meeting","m1","executive","location","Stadhuis","Stadhuis"'));
  assert.ok(!lines.some((l) => l.startsWith('"meeting","m1"') && l.includes('"onlineUrl"')), 'no link, no row');
  assert.ok(lines.includes('"decision","d1","m1","text","Besluit","Decision"'));
  assert.ok(lines.includes('"decision","d1","m1","body","executive","executive"'));
  assert.ok(lines.includes('"news","n1","p","title","\'+Nieuws",""'), 'formula characters defused in every record');
  assert.ok(lines.includes('"agreement","p","p","signedOn","2018-01-01","2018-01-01"'));
  assert.ok(lines.includes('"agreement-party","lumc","p","signatoryName","A. Bee","A. Bee"'));
  assert.ok(lines.includes('"agreement-section","introduction","p","heading","Inleiding",""'));
});
