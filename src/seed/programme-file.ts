// A programme as a file: the versioned format a city writes to start its own programme
// (`npm run cli -- programme import <file>`) and that `programme export` produces. The JSON Schema
// below is the published description of the format (docs/programme-file.schema.json is generated
// from it; a test keeps the two equal). Reading a file reports every problem with its place in the
// file (a JSON pointer), from the schema and from the references between records; nothing is
// stored unless the whole file is right.
import { Ajv, type ErrorObject } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { Type, type Static, type TSchema } from 'typebox';
import { ACTION_STATES, BODY_KINDS, LIFECYCLES, ORGANISATION_KINDS, PARTNER_ROLES } from '../db/schema.ts';
import { MIN_PARTIES } from '../domain/criterion-checks.ts';
import type { ProgrammeSeed } from './types.ts';

export const PROGRAMME_FILE_FORMAT = 'kennisstad-programme';
export const PROGRAMME_FILE_VERSION = 1;

const text = (max = 20_000) => Type.String({ maxLength: max });
const localized = (max = 100_000) =>
  Type.Object({ nl: Type.Optional(text(max)), en: Type.Optional(text(max)) }, { additionalProperties: false, description: 'A text in Dutch (nl) and/or English (en).' });
/** A name or title: at least one language. */
const named = (max = 300) =>
  Type.Object({ nl: Type.Optional(Type.String({ minLength: 1, maxLength: max })), en: Type.Optional(Type.String({ minLength: 1, maxLength: max })) }, { additionalProperties: false, minProperties: 1, description: 'A name in Dutch (nl) and/or English (en): at least one.' });
const key = (description: string) => Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$', description });
const isoDate = () => Type.String({ format: 'date', description: 'An ISO date, YYYY-MM-DD.' });
const choice = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const closed = <T extends Record<string, TSchema>>(properties: T, description?: string) => Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });

const Organisation = closed({
  slug: key('Stable key within the programme, e.g. "universiteit-leiden".'),
  name: named(300),
  shortName: Type.Optional(text(80)),
  kind: choice(ORGANISATION_KINDS),
  parent: Type.Optional(key('Slug of the organisation this one is part of.')),
  website: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })),
});

const Party = closed({
  organisation: key('Slug of the organisation that signs.'),
  signingBody: localized(500),
  referredToAs: localized(200),
  signatoryName: text(200),
  signatoryTitle: localized(300),
});

const Section = closed({ key: key('The article\'s key; also its anchor on the agreement page.'), heading: named(300), body: localized() }, 'An article of the agreement. Plain text: paragraphs separated by a blank line, list items start with "- ".');

const Body = closed({
  kind: choice(BODY_KINDS),
  name: named(300),
  tasks: localized(),
  appointment: Type.Optional(Type.Array(localized(2000))),
  minMeetingsPerYear: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })),
  maxMeetingsPerYear: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })),
});

const Theme = closed({ code: Type.String({ pattern: '^[A-Za-z0-9]{1,10}$' }), title: named(300), goal: localized(), description: localized() });

const Partner = closed({ organisation: key('Slug of the organisation.'), role: choice(PARTNER_ROLES), note: Type.Optional(localized(500)), declaredInterest: Type.Optional(Type.Boolean()) });

const Action = closed({ description: localized(5000), owner: Type.Optional(key('Slug of the organisation that owns the action.')), dueOn: Type.Optional(isoDate()), dueLabel: Type.Optional(localized(200)), state: Type.Optional(choice(ACTION_STATES)) });

const Project = closed({
  code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$' }),
  theme: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{1,10}$', description: 'Code of the theme.' })),
  title: named(300),
  goal: Type.Optional(localized()),
  description: Type.Optional(localized()),
  status: localized(),
  lifecycle: choice(LIFECYCLES),
  lead: Type.Optional(key('Slug of the lead organisation.')),
  leadNote: Type.Optional(localized(500)),
  partners: Type.Array(Partner),
  actions: Type.Array(Action),
});

const Target = closed({
  key: key('Stable key of the target.'),
  project: Type.String({ description: 'Code of the project the target belongs to.' }),
  title: named(500),
  targetValue: Type.Optional(Type.Integer()),
  unit: Type.Optional(localized(100)),
  baselineValue: Type.Optional(Type.Integer()),
  deadlineOn: Type.Optional(isoDate()),
  deadlineLabel: Type.Optional(localized(200)),
  source: localized(2000),
});

const Check = Type.Union(
  [
    closed({ kind: Type.Literal('interest'), minParties: Type.Integer({ minimum: MIN_PARTIES.min, maximum: MIN_PARTIES.max }) }, 'At least minParties of the programme\'s parties declare an interest.'),
    closed({ kind: Type.Literal('lead') }, 'One or more of the partners leads.'),
    closed({ kind: Type.Literal('arrangements') }, 'The partners state their arrangements on staffing and on financing.'),
    closed({ kind: Type.Literal('judged') }, 'People judge it and record their reasons.'),
  ],
  { description: 'What the criterion checks, from a fixed set.' },
);

const Criterion = closed({ letter: choice(['a', 'b', 'c', 'd', 'e', 'f'] as const), text: localized(2000), assessment: choice(['data', 'judgement'] as const), check: Type.Optional(Check) });

export const ProgrammeSchema = closed({
  slug: key('The programme\'s address: /nl/<slug>.'),
  name: named(300),
  city: text(100),
  periodStart: isoDate(),
  periodEnd: isoDate(),
  mission: localized(),
  themeTokens: Type.Record(Type.String({ pattern: '^--(ks|utrecht)-[a-z0-9-]{1,80}$' }), Type.String({ maxLength: 120 })),
  contactEmail: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
  organisations: Type.Array(Organisation, { minItems: 1 }),
  agreement: closed({
    title: named(500),
    signedOn: isoDate(),
    signedPlace: text(100),
    termYears: Type.Integer({ minimum: 1, maximum: 50 }),
    renewalYears: Type.Integer({ minimum: 1, maximum: 50 }),
    parties: Type.Array(Party, { minItems: 2 }),
    sections: Type.Array(Section, { minItems: 1 }),
  }),
  bodies: Type.Array(Body),
  criteria: Type.Array(Criterion),
  themes: Type.Array(Theme),
  projects: Type.Array(Project),
  targets: Type.Array(Target),
});

export const ProgrammeFileSchema = Type.Object(
  {
    format: Type.Literal(PROGRAMME_FILE_FORMAT),
    version: Type.Literal(PROGRAMME_FILE_VERSION),
    programme: ProgrammeSchema,
  },
  { additionalProperties: false, $id: 'https://kennisstad.invalid/schemas/programme-file-v1.json', title: 'Kennisstad programme file, version 1' },
);

export type ProgrammeFile = Static<typeof ProgrammeFileSchema>;

// The schema describes exactly what the loader takes: a change to one that the other does not
// follow stops the build here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesSeed: Same<Static<typeof ProgrammeSchema>, ProgrammeSeed> = true;
void schemaMatchesSeed;

/** The published JSON Schema (draft 2020-12 keywords that TypeBox writes). */
export function programmeFileJsonSchema(): string {
  return `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...ProgrammeFileSchema }, null, 2)}\n`;
}

export interface FileProblem {
  /** Where in the file: a JSON pointer ("/programme/projects/3/partners/0/organisation"), "" for the whole file. */
  place: string;
  message: string;
}

// ajv-formats is CommonJS: its function is the default export or the module itself.
const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ?? formatsPlugin) as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateFile = ajv.compile(ProgrammeFileSchema as object);

function describe(error: ErrorObject): FileProblem {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return { place: `${error.instancePath}/${String(params.additionalProperty)}`, message: 'is not part of the format' };
  if (error.keyword === 'required') return { place: `${error.instancePath}/${String(params.missingProperty)}`, message: 'is missing' };
  if (error.keyword === 'const') return { place: error.instancePath, message: `must be ${JSON.stringify(params.allowedValue)}` };
  return { place: error.instancePath, message: error.message ?? error.keyword };
}

/** Problems the schema cannot see: references to records that are not in the file, duplicates, periods. */
export function referenceProblems(programme: ProgrammeSeed): FileProblem[] {
  const problems: FileProblem[] = [];
  const at = (...path: (string | number)[]) => `/programme/${path.join('/')}`;
  const duplicates = (values: string[], path: string, field: string) => {
    const seen = new Set<string>();
    values.forEach((value, i) => {
      if (seen.has(value)) problems.push({ place: at(path, i, field), message: `"${value}" appears more than once` });
      seen.add(value);
    });
  };
  duplicates(programme.organisations.map((o) => o.slug), 'organisations', 'slug');
  duplicates(programme.agreement.sections.map((s) => s.key), 'agreement/sections', 'key');
  duplicates(programme.themes.map((th) => th.code), 'themes', 'code');
  duplicates(programme.projects.map((p) => p.code), 'projects', 'code');
  duplicates(programme.targets.map((target) => target.key), 'targets', 'key');
  duplicates(programme.criteria.map((c) => c.letter), 'criteria', 'letter');
  duplicates(programme.agreement.parties.map((p) => p.organisation), 'agreement/parties', 'organisation');
  programme.criteria.forEach((criterion, i) => {
    if (criterion.check && (criterion.check.kind === 'judged') !== (criterion.assessment === 'judgement')) problems.push({ place: at('criteria', i, 'assessment'), message: `does not match the check "${criterion.check.kind}"` });
  });

  const organisations = new Set(programme.organisations.map((o) => o.slug));
  const organisation = (slug: string | undefined, place: string) => {
    if (slug !== undefined && !organisations.has(slug)) problems.push({ place, message: `no organisation "${slug}" in /programme/organisations` });
  };
  programme.organisations.forEach((o, i) => organisation(o.parent, at('organisations', i, 'parent')));
  programme.agreement.parties.forEach((p, i) => organisation(p.organisation, at('agreement/parties', i, 'organisation')));
  const themes = new Set(programme.themes.map((th) => th.code));
  const projects = new Set(programme.projects.map((p) => p.code));
  programme.projects.forEach((project, i) => {
    if (project.theme !== undefined && !themes.has(project.theme)) problems.push({ place: at('projects', i, 'theme'), message: `no theme "${project.theme}" in /programme/themes` });
    organisation(project.lead, at('projects', i, 'lead'));
    project.partners.forEach((partner, j) => organisation(partner.organisation, at('projects', i, 'partners', j, 'organisation')));
    project.actions.forEach((action, j) => organisation(action.owner, at('projects', i, 'actions', j, 'owner')));
  });
  programme.targets.forEach((target, i) => {
    if (!projects.has(target.project)) problems.push({ place: at('targets', i, 'project'), message: `no project "${target.project}" in /programme/projects` });
  });
  if (programme.periodEnd < programme.periodStart) problems.push({ place: at('periodEnd'), message: 'is before periodStart' });
  programme.bodies.forEach((body, i) => {
    if (body.minMeetingsPerYear !== undefined && body.maxMeetingsPerYear !== undefined && body.maxMeetingsPerYear < body.minMeetingsPerYear) {
      problems.push({ place: at('bodies', i, 'maxMeetingsPerYear'), message: 'is less than minMeetingsPerYear' });
    }
  });
  return problems;
}

/** Reads a programme file's text: the programme, or every problem found (none stored either way). */
export function readProgrammeFile(content: string): { ok: true; programme: ProgrammeSeed } | { ok: false; problems: FileProblem[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    return { ok: false, problems: [{ place: '', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (!validateFile(parsed)) {
    const problems = (validateFile.errors ?? []).map(describe);
    // One problem per place and message: a union's alternatives each report the same place.
    const unique = [...new Map(problems.map((p) => [`${p.place}\n${p.message}`, p])).values()];
    return { ok: false, problems: unique };
  }
  const programme = (parsed as ProgrammeFile).programme as ProgrammeSeed;
  const problems = referenceProblems(programme);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, programme };
}

/** A programme as a file's content. */
export function programmeFileText(programme: ProgrammeSeed): string {
  const file: ProgrammeFile = { format: PROGRAMME_FILE_FORMAT, version: PROGRAMME_FILE_VERSION, programme };
  return `${JSON.stringify(file, null, 2)}\n`;
}
