// The "new programme" form: what it posts, read into a draft with every problem per field, and the
// draft as a programme file's programme (src/seed/programme-file.ts), so the interface stores a
// programme through the same code, checks and problems as `programme import`. The form has a fixed
// number of rows per list (parties, themes, criteria, articles): it works without JavaScript, and
// empty rows are left out.
import { assessmentOf, checkOf, isCheckKind, type CheckKind } from '../../domain/criterion-checks.ts';
import { CRITERION_LETTERS } from '../../domain/criteria.ts';
import { isLocale, type Locale, type LocalizedText } from '../../domain/localized.ts';
import { slugify } from '../../domain/slug.ts';
import { endDate } from '../../domain/term.ts';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../db/schema.ts';
import type { FieldErrors } from '../../domain/outcome.ts';
import { isIsoDate, LIMITS } from '../../web/forms.ts';
import type { ProgrammeSeed } from '../../seed/types.ts';

export const PARTY_ROWS = 8;
export const THEME_ROWS = 8;
/** The programme file names criteria a-f: at most six. */
export const CRITERION_ROWS = CRITERION_LETTERS.length;
export const MAX_ARTICLES = 60;
export const STEERING_BODIES = ['executive', 'support'] as const;
export type SteeringBody = (typeof STEERING_BODIES)[number];

/**
 * Addresses under /nl and /en that are pages of the installation, not of a programme: a programme
 * with one of these as its address could never be opened (create.test.ts keeps the list complete).
 */
export const RESERVED_SLUGS = ['account', 'invitation', 'login', 'logout', 'mail', 'my-work', 'password', 'setup'] as const;

export const FIELD_LIMITS = { city: 100, name: 300, slug: 60, party: LIMITS.name, signatory: LIMITS.name, role: 300, theme: 300, criterion: 2000, body: 300, articleTitle: 300, article: LIMITS.minutes, agreementText: 500_000 } as const;

export interface PartyRow { name: string; shortName: string; kind: string; signatory: string; role: string }
export interface CriterionRow { nl: string; en: string; check: string; minParties: string }
export interface BodyRow { nl: string; en: string; min: string; max: string }
export interface ArticleRow { title: string; body: string }

export interface ProgrammeDraft {
  city: string;
  name: LocalizedText;
  slug: string;
  startOn: string;
  termYears: string;
  /** The language the parties' names, signatories' functions and the agreement text are written in. */
  textLang: Locale;
  parties: PartyRow[];
  themes: LocalizedText[];
  criteria: CriterionRow[];
  bodies: Record<SteeringBody, BodyRow>;
  agreementText: string;
  /** The articles as adjusted, once the text has been split; empty before. */
  articles: ArticleRow[];
}

type Body = Record<string, unknown>;
const str = (body: Body, name: string): string => {
  const value = body[name];
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
};
const rows = <T>(count: number, read: (i: number) => T) => Array.from({ length: count }, (_, i) => read(i));

/** The posted form as a draft (every row, filled or not), whatever was typed. */
export function readDraft(body: Body): ProgrammeDraft {
  const lang = str(body, 'textLang');
  const articleCount = Math.min(Math.max(Number.parseInt(str(body, 'articleCount'), 10) || 0, 0), MAX_ARTICLES);
  return {
    city: str(body, 'city').trim(),
    name: { nl: str(body, 'name_nl').trim(), en: str(body, 'name_en').trim() },
    slug: str(body, 'slug').trim(),
    startOn: str(body, 'startOn').trim(),
    termYears: str(body, 'termYears').trim(),
    textLang: isLocale(lang) ? lang : 'nl',
    parties: rows(PARTY_ROWS, (i) => ({ name: str(body, `party${i}_name`).trim(), shortName: str(body, `party${i}_short`).trim(), kind: str(body, `party${i}_kind`), signatory: str(body, `party${i}_signatory`).trim(), role: str(body, `party${i}_role`).trim() })),
    themes: rows(THEME_ROWS, (i) => ({ nl: str(body, `theme${i}_nl`).trim(), en: str(body, `theme${i}_en`).trim() })),
    criteria: rows(CRITERION_ROWS, (i) => ({ nl: str(body, `criterion${i}_nl`).trim(), en: str(body, `criterion${i}_en`).trim(), check: str(body, `criterion${i}_check`), minParties: str(body, `criterion${i}_min`).trim() })),
    bodies: {
      executive: { nl: str(body, 'executive_nl').trim(), en: str(body, 'executive_en').trim(), min: str(body, 'executive_min').trim(), max: str(body, 'executive_max').trim() },
      support: { nl: str(body, 'support_nl').trim(), en: str(body, 'support_en').trim(), min: str(body, 'support_min').trim(), max: str(body, 'support_max').trim() },
    },
    agreementText: str(body, 'agreementText'),
    articles: rows(articleCount, (i) => ({ title: str(body, `article${i}_title`).trim(), body: str(body, `article${i}_body`).trim() })),
  };
}

/** The form's field names as it posts them, from a draft (to show a draft again, e.g. after filling in the Leiden model). */
export function draftValues(draft: ProgrammeDraft): Record<string, string> {
  const values: Record<string, string> = {
    city: draft.city, name_nl: draft.name.nl ?? '', name_en: draft.name.en ?? '', slug: draft.slug, startOn: draft.startOn, termYears: draft.termYears, textLang: draft.textLang,
    agreementText: draft.agreementText, articleCount: String(draft.articles.length),
  };
  draft.parties.forEach((p, i) => Object.assign(values, { [`party${i}_name`]: p.name, [`party${i}_short`]: p.shortName, [`party${i}_kind`]: p.kind, [`party${i}_signatory`]: p.signatory, [`party${i}_role`]: p.role }));
  draft.themes.forEach((th, i) => Object.assign(values, { [`theme${i}_nl`]: th.nl ?? '', [`theme${i}_en`]: th.en ?? '' }));
  draft.criteria.forEach((c, i) => Object.assign(values, { [`criterion${i}_nl`]: c.nl, [`criterion${i}_en`]: c.en, [`criterion${i}_check`]: c.check, [`criterion${i}_min`]: c.minParties }));
  for (const kind of STEERING_BODIES) {
    const b = draft.bodies[kind];
    Object.assign(values, { [`${kind}_nl`]: b.nl, [`${kind}_en`]: b.en, [`${kind}_min`]: b.min, [`${kind}_max`]: b.max });
  }
  draft.articles.forEach((a, i) => Object.assign(values, { [`article${i}_title`]: a.title, [`article${i}_body`]: a.body }));
  return values;
}

const filledParty = (p: PartyRow) => !!(p.name || p.shortName || p.signatory || p.role);
const filledText = (text: LocalizedText) => !!(text.nl || text.en);
const own = (lang: Locale, text: string): LocalizedText => (text ? { [lang]: text } : {});
const both = (text: LocalizedText): LocalizedText => Object.fromEntries(Object.entries(text).filter(([, v]) => !!v));

/** Where each row of the programme file came from in the form, to put a file problem next to its field. */
export interface RowMap { parties: number[]; themes: number[]; criteria: number[] }

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,4}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/**
 * The draft checked field by field, and, when nothing is wrong, as the programme of a programme
 * file. The file's own checks (src/seed/programme-file.ts) run again when it is stored; these
 * come first so each problem is named next to its field in the reader's language.
 */
export function checkDraft(draft: ProgrammeDraft): { errors: FieldErrors; programme?: ProgrammeSeed; rows: RowMap } {
  const errors: FieldErrors = {};
  const rowsMap: RowMap = { parties: [], themes: [], criteria: [] };
  const required = (name: string, value: string) => {
    if (!value) errors[name] = { key: 'form.error.required' };
  };
  const max = (name: string, value: string, limit: number) => {
    if (value.length > limit && !errors[name]) errors[name] = { key: 'form.error.tooLong', values: { max: limit } };
  };

  required('city', draft.city);
  max('city', draft.city, FIELD_LIMITS.city);
  if (!filledText(draft.name)) errors.name_nl = { key: 'programmes.error.nameRequired' };
  max('name_nl', draft.name.nl ?? '', FIELD_LIMITS.name);
  max('name_en', draft.name.en ?? '', FIELD_LIMITS.name);
  const slug = draft.slug || slugify(draft.name.nl || draft.name.en || '').slice(0, FIELD_LIMITS.slug).replace(/-+$/, '');
  if (!slug) errors.slug = errors.slug ?? { key: 'form.error.required' };
  else if (!/^[a-z0-9][a-z0-9-]*$/.test(slug) || slug.length > FIELD_LIMITS.slug) errors.slug = { key: 'programmes.error.slug', values: { max: FIELD_LIMITS.slug } };
  else if ((RESERVED_SLUGS as readonly string[]).includes(slug)) errors.slug = { key: 'programmes.error.slugTaken' };
  if (!isIsoDate(draft.startOn)) errors.startOn = { key: 'form.error.date' };
  const termYears = wholeNumber(draft.termYears, 1, 50);
  if (termYears === null) errors.termYears = { key: 'form.error.range', values: { min: 1, max: 50 } };

  const partySlugs = new Set<string>();
  const parties: { slug: string; row: PartyRow }[] = [];
  draft.parties.forEach((party, i) => {
    if (!filledParty(party)) return;
    required(`party${i}_name`, party.name);
    max(`party${i}_name`, party.name, FIELD_LIMITS.party);
    max(`party${i}_short`, party.shortName, 80);
    required(`party${i}_signatory`, party.signatory);
    max(`party${i}_signatory`, party.signatory, FIELD_LIMITS.signatory);
    required(`party${i}_role`, party.role);
    max(`party${i}_role`, party.role, FIELD_LIMITS.role);
    if (!(ORGANISATION_KINDS as readonly string[]).includes(party.kind)) errors[`party${i}_kind`] = { key: 'form.error.choice' };
    let key = slugify(party.name) || `partij-${i + 1}`;
    // Two parties with names that give the same address: the second gets a number.
    for (let n = 2; partySlugs.has(key); n++) key = `${slugify(party.name)}-${n}`;
    partySlugs.add(key);
    parties.push({ slug: key, row: party });
    rowsMap.parties.push(i);
  });
  if (parties.length < 2 && !errors.party0_name && !errors.party1_name) errors[parties.length === 0 ? 'party0_name' : 'party1_name'] = { key: 'programmes.error.twoParties' };

  const themes: LocalizedText[] = [];
  draft.themes.forEach((theme, i) => {
    if (!filledText(theme)) return;
    max(`theme${i}_nl`, theme.nl ?? '', FIELD_LIMITS.theme);
    max(`theme${i}_en`, theme.en ?? '', FIELD_LIMITS.theme);
    themes.push(both(theme));
    rowsMap.themes.push(i);
  });

  const criteria: ProgrammeSeed['criteria'] = [];
  draft.criteria.forEach((criterion, i) => {
    if (!criterion.nl && !criterion.en) {
      if (criterion.check && criterion.minParties) errors[`criterion${i}_nl`] = { key: 'programmes.error.criterionText' };
      return;
    }
    max(`criterion${i}_nl`, criterion.nl, FIELD_LIMITS.criterion);
    max(`criterion${i}_en`, criterion.en, FIELD_LIMITS.criterion);
    if (!isCheckKind(criterion.check)) {
      errors[`criterion${i}_check`] = { key: 'form.error.choice' };
      return;
    }
    const check = checkOf(criterion.check as CheckKind, criterion.check === 'interest' ? (wholeNumber(criterion.minParties, 1, 50) ?? undefined) : undefined);
    if (!check) {
      errors[`criterion${i}_min`] = { key: 'form.error.range', values: { min: 1, max: 50 } };
      return;
    }
    criteria.push({ letter: CRITERION_LETTERS[criteria.length]!, text: both({ nl: criterion.nl, en: criterion.en }), assessment: assessmentOf(check), check });
    rowsMap.criteria.push(i);
  });

  const bodies: ProgrammeSeed['bodies'] = [];
  for (const kind of STEERING_BODIES) {
    const body = draft.bodies[kind];
    if (!body.nl && !body.en && !body.min && !body.max) continue;
    if (!body.nl && !body.en) errors[`${kind}_nl`] = { key: 'programmes.error.nameRequired' };
    max(`${kind}_nl`, body.nl, FIELD_LIMITS.body);
    max(`${kind}_en`, body.en, FIELD_LIMITS.body);
    const min = body.min ? wholeNumber(body.min, 0, 366) : undefined;
    const maxMeetings = body.max ? wholeNumber(body.max, 0, 366) : undefined;
    if (min === null) errors[`${kind}_min`] = { key: 'form.error.range', values: { min: 0, max: 366 } };
    if (maxMeetings === null) errors[`${kind}_max`] = { key: 'form.error.range', values: { min: 0, max: 366 } };
    if (typeof min === 'number' && typeof maxMeetings === 'number' && maxMeetings < min) errors[`${kind}_max`] = { key: 'programmes.error.maxBelowMin' };
    bodies.push({ kind, name: both({ nl: body.nl, en: body.en }), tasks: {}, ...(typeof min === 'number' ? { minMeetingsPerYear: min } : {}), ...(typeof maxMeetings === 'number' ? { maxMeetingsPerYear: maxMeetings } : {}) });
  }

  max('agreementText', draft.agreementText, FIELD_LIMITS.agreementText);
  const articles = draft.articles.filter((a) => a.title || a.body);
  draft.articles.forEach((article, i) => {
    max(`article${i}_title`, article.title, FIELD_LIMITS.articleTitle);
    max(`article${i}_body`, article.body, FIELD_LIMITS.article);
  });
  if (articles.length === 0 && !errors.agreementText) errors.agreementText = { key: 'programmes.error.noArticles' };

  if (Object.keys(errors).length > 0) return { errors, rows: rowsMap };
  const lang = draft.textLang;
  const start = draft.startOn;
  const name = both(draft.name);
  const programme: ProgrammeSeed = {
    slug,
    name,
    city: draft.city,
    periodStart: start,
    periodEnd: endDate({ signedOn: start, termYears: termYears!, renewalYears: termYears!, renewals: 0 }),
    mission: {},
    themeTokens: {},
    organisations: parties.map(({ slug: key, row }) => ({ slug: key, name: own(lang, row.name), ...(row.shortName ? { shortName: row.shortName } : {}), kind: row.kind as OrganisationKind })),
    agreement: {
      title: name,
      signedOn: start,
      signedPlace: draft.city,
      termYears: termYears!,
      renewalYears: termYears!,
      parties: parties.map(({ slug: key, row }) => ({ organisation: key, signingBody: {}, referredToAs: {}, signatoryName: row.signatory, signatoryTitle: own(lang, row.role) })),
      sections: articles.map((article, i) => ({
        key: `artikel-${i + 1}`,
        heading: own(lang, article.title || (lang === 'nl' ? `Artikel ${i + 1}` : `Article ${i + 1}`)),
        body: own(lang, article.body),
      })),
    },
    bodies,
    criteria,
    themes: themes.map((title, i) => ({ code: String(i + 1), title, goal: {}, description: {} })),
    projects: [],
    targets: [],
  };
  return { errors, programme, rows: rowsMap };
}

/** A problem the programme file reports (a JSON pointer) as the form field it belongs to, or null for the whole form. */
export function fieldOfPlace(place: string, rowsMap: RowMap): string | null {
  const at = place.replace(/^\/programme\/?/, '').split('/');
  const row = (list: number[], index: string | undefined) => list[Number(index)];
  switch (at[0]) {
    case 'slug':
    case 'city':
      return at[0];
    case 'name':
      return 'name_nl';
    case 'periodStart':
    case 'periodEnd':
      return 'startOn';
    case 'organisations':
      return at[1] !== undefined && row(rowsMap.parties, at[1]) !== undefined ? `party${row(rowsMap.parties, at[1])}_name` : null;
    case 'themes':
      return at[1] !== undefined && row(rowsMap.themes, at[1]) !== undefined ? `theme${row(rowsMap.themes, at[1])}_nl` : null;
    case 'criteria':
      return at[1] !== undefined && row(rowsMap.criteria, at[1]) !== undefined ? `criterion${row(rowsMap.criteria, at[1])}_nl` : null;
    case 'agreement':
      if (at[1] === 'termYears' || at[1] === 'renewalYears') return 'termYears';
      if (at[1] === 'parties' && at[2] !== undefined && row(rowsMap.parties, at[2]) !== undefined) return `party${row(rowsMap.parties, at[2])}_signatory`;
      if (at[1] === 'sections') return 'agreementText';
      return null;
    default:
      return null;
  }
}

