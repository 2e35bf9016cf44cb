import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft, draftValues, fieldOfPlace, readDraft } from './create-form.ts';
import { readProgrammeFile, programmeFileText } from '../../seed/programme-file.ts';

const minimal = (fields: Record<string, string> = {}) =>
  readDraft({
    city: 'Delft',
    name_nl: 'Délft Kennisstad',
    startOn: '2024-02-29',
    termYears: '2',
    party0_name: 'TU Delft',
    party0_kind: 'university',
    party0_signatory: 'A',
    party0_role: 'rector',
    party2_name: 'TU Delft',
    party2_kind: 'university',
    party2_signatory: 'B',
    party2_role: 'decaan',
    articleCount: '1',
    article0_body: 'Tekst',
    ...fields,
  });

describe('the new programme form as a programme file', () => {
  test('defaults: address from the name, term end, numbered duplicates, empty rows left out, a valid file', () => {
    const { errors, programme, rows } = checkDraft(minimal());
    assert.deepEqual(errors, {});
    assert.equal(programme!.slug, 'delft-kennisstad');
    // Signed on a leap day for two years: in force up to and including 28 February 2026.
    assert.equal(programme!.periodEnd, '2026-02-28');
    assert.deepEqual(programme!.organisations.map((o) => o.slug), ['tu-delft', 'tu-delft-2']);
    assert.deepEqual(rows.parties, [0, 2]);
    assert.deepEqual(programme!.agreement.sections, [{ key: 'artikel-1', heading: { nl: 'Artikel 1' }, body: { nl: 'Tekst' } }]);
    assert.deepEqual(programme!.bodies, []);
    assert.ok(readProgrammeFile(programmeFileText(programme!)).ok);
  });

  test('English as the text language names untitled articles in English', () => {
    assert.deepEqual(checkDraft(minimal({ textLang: 'en' })).programme!.agreement.sections[0]!.heading, { en: 'Article 1' });
  });

  test('a criterion: its check and number, letters by position', () => {
    const { programme, errors } = checkDraft(minimal({ criterion1_nl: 'Een trekker', criterion1_check: 'lead', criterion3_en: 'Three parties', criterion3_check: 'interest', criterion3_min: '3' }));
    assert.deepEqual(errors, {});
    assert.deepEqual(programme!.criteria, [
      { letter: 'a', text: { nl: 'Een trekker' }, assessment: 'data', check: { kind: 'lead' } },
      { letter: 'b', text: { en: 'Three parties' }, assessment: 'data', check: { kind: 'interest', minParties: 3 } },
    ]);
    assert.deepEqual(checkDraft(minimal({ criterion0_nl: 'x', criterion0_check: 'magic' })).errors, { criterion0_check: { key: 'form.error.choice' } });
    assert.deepEqual(checkDraft(minimal({ criterion0_nl: 'x', criterion0_check: 'interest', criterion0_min: 'two' })).errors, { criterion0_min: { key: 'form.error.range', values: { min: 1, max: 50 } } });
  });

  test('a file problem lands next to the field of the row it came from', () => {
    const rows = { parties: [0, 2], themes: [1], criteria: [0, 3] };
    assert.equal(fieldOfPlace('/programme/organisations/1/slug', rows), 'party2_name');
    assert.equal(fieldOfPlace('/programme/agreement/parties/1/signatoryName', rows), 'party2_signatory');
    assert.equal(fieldOfPlace('/programme/themes/0/title', rows), 'theme1_nl');
    assert.equal(fieldOfPlace('/programme/criteria/1/text', rows), 'criterion3_nl');
    assert.equal(fieldOfPlace('/programme/agreement/sections/0/heading', rows), 'agreementText');
    assert.equal(fieldOfPlace('/programme/agreement/termYears', rows), 'termYears');
    assert.equal(fieldOfPlace('/programme/slug', rows), 'slug');
    assert.equal(fieldOfPlace('/programme/periodEnd', rows), 'startOn');
    assert.equal(fieldOfPlace('/programme/organisations/7/slug', rows), null);
    assert.equal(fieldOfPlace('', rows), null);
  });

  test('a draft shown again posts the same draft', () => {
    const draft = minimal({ theme0_en: 'Campus', executive_nl: 'Stuurgroep', executive_min: '2' });
    assert.deepEqual(readDraft(draftValues(draft)), draft);
  });
});
