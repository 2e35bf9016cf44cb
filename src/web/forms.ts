// The one form toolkit. An input is declared once as a JSON Schema (TypeBox) whose limits are the
// field's limits: the same declaration gives the page its `maxlength` and `required`, checks a
// posted form or a JSON body, and documents the API. Reading never throws on bad input: problems
// come back per field as message keys (both languages), with what the person typed, so the page
// can be shown again and nothing is lost. A value that is too long is refused, never shortened.
//
//   const MemberInput = Type.Object({ name: field.text(LIMITS.name), startsOn: field.date() });
//   const read = readForm(MemberInput, request.body);   // { ok, value } | { ok: false, errors }
//
// Form bodies are strings (or string arrays for repeated fields); a text in both languages is
// posted as `<name>_nl` and `<name>_en` and read into `{ nl, en }`.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { Type, type Static, type TSchema } from 'typebox';
import { DEFAULT_LOCALE, type Locale, type LocalizedText } from '../domain/localized.ts';
import { done, FORM_ERROR, refused, type FieldError, type FieldErrors, type Outcome } from '../domain/outcome.ts';
import { registerMessages } from './i18n.ts';

export { FORM_ERROR, type FieldError, type FieldErrors } from '../domain/outcome.ts';

/** What a browser posts: strings, or arrays of strings for repeated fields. */
export type FormBody = Record<string, unknown>;

/** A form shown again after a refusal: which form on the page, its problems and what was typed. */
export interface FormState {
  form: string;
  errors: FieldErrors;
  values: FormBody;
}

/**
 * Field limits, in characters. Every text field takes one of these, so a newcomer sees at a glance
 * what fits where; all of them fit under the form body limit (FORM_BODY_LIMIT).
 */
export const LIMITS = {
  /** Names, titles, codes. */
  name: 200,
  /** One line: a place, a URL, a short label. */
  line: 500,
  /** A paragraph: a description, a note, a reason. */
  text: 4000,
  /** Several pages: a goal, a narrative, an agreement article. */
  longText: 20000,
  /** Minutes of a meeting. */
  minutes: 100000,
} as const;

/**
 * Largest form body the server reads (bytes). Minutes of LIMITS.minutes characters in both
 * languages, URL-encoded, with room for the rest of the form: a character can take up to 9 bytes
 * percent-encoded (3 UTF-8 bytes), so 2 × 100,000 × 9 ≈ 1.8 MB.
 */
export const FORM_BODY_LIMIT = 2 * 1024 * 1024;

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const UUID_REGEX = new RegExp(UUID_PATTERN);

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_REGEX.test(value);
}

/** A calendar date written YYYY-MM-DD that exists (no 31 February). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A date and time of day as a datetime-local field posts it (YYYY-MM-DDTHH:MM), on a day that exists. */
export function isLocalDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4}-\d{2}-\d{2})T([01][0-9]|2[0-3]):[0-5][0-9]$/.exec(value);
  return !!match && isIsoDate(match[1]);
}

export function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const LOCALIZED = 'x-localized';
const MULTILINE = 'x-multiline';
/** A text kept exactly as typed (a password, a code): spaces at either end are part of it. */
const VERBATIM = 'x-verbatim';
/** Where a `field.parsed` keeps its reader: a hidden property, so JSON Schema and the API document never see it. */
const READER = Symbol('form reader');

/** What a capability's reader answers for the text someone typed: the typed value, or the problem. */
export type TextReading<T> = { ok: true; value: T } | { ok: false; error: FieldError };

interface Reader {
  read: (text: string, locale: Locale) => TextReading<unknown>;
  maxLength?: number;
  multiline?: boolean;
}

/**
 * A field whose typed text the capability reads by its own rule, in the reader's language (an
 * amount of money written "1.500,50" or "1,500.50", budget lines "description; amount"). `schema`
 * says what the value is, and is what a JSON body sends; `read` turns a form's text into it.
 * `maxLength` limits the text on the form (and is the page's `maxlength`).
 */
function parsed<T extends TSchema>(schema: T, read: (text: string, locale: Locale) => TextReading<Static<T>>, options: { maxLength?: number; multiline?: boolean } = {}): T {
  const copy = { ...schema };
  Object.defineProperty(copy, READER, { value: { read, ...options } satisfies Reader, enumerable: false });
  return copy;
}

/** Field builders: each states its limits once. Wrap in `Type.Optional` for a field that may be left empty. */
export const field = {
  /** One line of text, at most `max` characters (required unless wrapped in Type.Optional). */
  text: (max: number) => Type.String({ minLength: 1, maxLength: max }),
  /** A password or secret, kept exactly as typed (never trimmed), at most `max` characters. */
  secret: (max: number) => Type.String({ minLength: 1, maxLength: max, [VERBATIM]: true }),
  /** Text with line breaks kept (notes, minutes). */
  multiline: (max: number) => Type.String({ minLength: 1, maxLength: max, [MULTILINE]: true }),
  /** A text in Dutch and English; `required` asks for at least one of the two. */
  localized: (max: number, options: { required?: boolean; multiline?: boolean } = {}) =>
    Type.Object(
      {
        nl: Type.Optional(Type.String({ maxLength: max, ...(options.multiline ? { [MULTILINE]: true } : {}) })),
        en: Type.Optional(Type.String({ maxLength: max, ...(options.multiline ? { [MULTILINE]: true } : {}) })),
      },
      { additionalProperties: false, [LOCALIZED]: true, ...(options.required ? { minProperties: 1 } : {}) },
    ),
  uuid: () => Type.String({ pattern: UUID_PATTERN }),
  date: () => Type.String({ format: 'date' }),
  /** A time of day, HH:MM. */
  time: () => Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
  /** A date and time of day (a datetime-local field, YYYY-MM-DDTHH:MM) without a time zone: the caller knows whose. */
  dateTime: () => Type.String({ format: 'local-date-time' }),
  url: () => Type.String({ maxLength: LIMITS.line, format: 'uri', pattern: '^https?://' }),
  email: () => Type.String({ maxLength: 254, format: 'email' }),
  /** One of fixed values: a plain `enum`, which the API document (OpenAPI 3.0) can state, unlike `const`. */
  choice: <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] }),
  integer: (options: { minimum?: number; maximum?: number } = {}) => Type.Integer({ minimum: options.minimum ?? 0, maximum: options.maximum ?? 2_000_000_000 }),
  /** A decimal number; a form may write it with a decimal comma. */
  number: (options: { minimum?: number; maximum?: number } = {}) => Type.Number({ minimum: options.minimum ?? 0, maximum: options.maximum ?? 2_000_000_000 }),
  /** A checkbox: present is true, absent is false. */
  checkbox: () => Type.Boolean(),
  /** The version a form was opened at (optimistic concurrency). */
  version: () => Type.Integer({ minimum: 1 }),
  /** A repeated field (checkboxes, a multiple select). */
  list: <T extends TSchema>(item: T, maxItems = 500) => Type.Array(item, { maxItems }),
  parsed,
};

export { Type, type Static };

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  const?: unknown;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  [LOCALIZED]?: boolean;
  [MULTILINE]?: boolean;
  [VERBATIM]?: boolean;
  [READER]?: Reader;
}

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ?? formatsPlugin) as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
addFormats(ajv);
ajv.addFormat('local-date-time', { type: 'string', validate: (value: string) => isLocalDateTime(value) });
const compiled = new WeakMap<TSchema, ValidateFunction>();

function validatorOf(schema: TSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema as object);
    compiled.set(schema, validate);
  }
  return validate;
}

function firstString(value: unknown): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text : undefined;
}

/** Trims a form text; keeps line breaks inside multi-line texts (as typed, with \r\n made \n). */
function cleanText(raw: string, multiline: boolean): string {
  const text = raw.replace(/\r\n?/g, '\n');
  return multiline ? text.replace(/^(\s*\n)+/, '').trimEnd() : text.trim();
}

function readValue(schema: JsonSchema, raw: unknown): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'array') {
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    return list.map((item) => (typeof item === 'string' ? item.trim() : item)).filter((item) => item !== '').map((item) => readValue(schema.items ?? {}, item));
  }
  if (type === 'boolean') {
    const text = firstString(raw);
    return text !== undefined && text !== '' && text !== 'false' && text !== '0';
  }
  const text = firstString(raw);
  if (text === undefined) return undefined;
  if (schema[VERBATIM]) return text === '' ? undefined : text;
  const cleaned = cleanText(text, schema[MULTILINE] === true);
  if (cleaned === '') return undefined;
  if (type === 'integer' || type === 'number') {
    // Dutch forms write a decimal comma and may group thousands with a space or a point.
    const normal = cleaned.replace(/[\s\u00a0]/g, '').replace(/^(-?\d{1,3}(\.\d{3})+)(,\d+)?$/, (_m, whole: string, _g, decimals?: string) => whole.replace(/\./g, '') + (decimals ?? '')).replace(',', '.');
    const number = /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
    return Number.isFinite(number) ? number : cleaned;
  }
  return cleaned;
}

/** A parsed field's value, or its problem in `problems`; undefined when nothing was typed. */
function readParsed(reader: Reader, raw: unknown, locale: Locale, name: string, problems: FieldErrors): unknown {
  const text = firstString(raw);
  if (text === undefined) return undefined;
  const cleaned = cleanText(text, reader.multiline === true);
  if (cleaned === '') return undefined;
  if (reader.maxLength !== undefined && cleaned.length > reader.maxLength) {
    problems[name] = { key: 'form.error.tooLong', values: { max: reader.maxLength } };
    return undefined;
  }
  const reading = reader.read(cleaned, locale);
  if (reading.ok) return reading.value;
  problems[name] = reading.error;
  return undefined;
}

/** The typed object a form body describes, before validation; parsed fields' problems go to `problems`. */
function formToObject(schema: JsonSchema, body: FormBody, locale: Locale, problems: FieldErrors): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const reader = property[READER];
    if (reader) {
      const value = readParsed(reader, body[name], locale, name, problems);
      if (value !== undefined) out[name] = value;
      continue;
    }
    if (property[LOCALIZED]) {
      const text: LocalizedText = {};
      for (const lang of ['nl', 'en'] as const) {
        const value = readValue(property.properties?.[lang] ?? { type: 'string' }, body[`${name}_${lang}`]);
        if (value !== undefined) text[lang] = value as string;
      }
      out[name] = text;
      continue;
    }
    const value = readValue(property, body[name]);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Where a problem belongs on the form: 'title', or 'goal_nl' for the Dutch half of a bilingual field. */
function fieldNameOf(schema: JsonSchema, error: ErrorObject): string {
  const path = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') path.push((error.params as { missingProperty: string }).missingProperty);
  const [name, lang] = path;
  if (!name) return FORM_ERROR;
  const property = schema.properties?.[name];
  if (property?.[LOCALIZED]) return `${name}_${lang === 'en' ? 'en' : 'nl'}`;
  return name;
}

function problemOf(schema: JsonSchema, error: ErrorObject, name: string): FieldError {
  const property = schema.properties?.[name.replace(/_(nl|en)$/, '')] ?? {};
  switch (error.keyword) {
    case 'maxLength':
      return { key: 'form.error.tooLong', values: { max: (error.params as { limit: number }).limit } };
    case 'required':
    case 'minLength':
    case 'minProperties':
      return { key: 'form.error.required' };
    case 'format':
      if (error.params && (error.params as { format: string }).format === 'date') return { key: 'form.error.date' };
      if ((error.params as { format: string }).format === 'local-date-time') return { key: 'form.error.dateTime' };
      if ((error.params as { format: string }).format === 'email') return { key: 'form.error.email' };
      if ((error.params as { format: string }).format === 'uri') return { key: 'form.error.url' };
      return { key: 'form.error.choice' };
    case 'pattern':
      if (property.type === 'string' && (property as { pattern?: string }).pattern?.startsWith('^([01]')) return { key: 'form.error.time' };
      if ((property as { pattern?: string }).pattern === '^https?://') return { key: 'form.error.url' };
      return { key: 'form.error.choice' };
    case 'type':
      if (property.type === 'integer' || property.type === 'number') return { key: 'form.error.number' };
      return { key: 'form.error.choice' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { key: 'form.error.range', values: { min: property.minimum ?? 0, max: property.maximum ?? 2_000_000_000 } };
    case 'maxItems':
      return { key: 'form.error.tooMany', values: { max: (error.params as { limit: number }).limit } };
    default:
      return { key: 'form.error.choice' };
  }
}

function errorsOf(schema: JsonSchema, errors: ErrorObject[]): FieldErrors {
  const out: FieldErrors = {};
  // Ajv reports one failing branch per literal of a choice, then 'anyOf': one message is enough.
  for (const error of errors) {
    if (error.keyword === 'const') continue;
    const name = fieldNameOf(schema, error);
    if (out[name]) continue;
    out[name] = problemOf(schema, error, name);
  }
  return out;
}

/**
 * Reads and checks a posted form against its declaration. `locale` is the reader's language, for
 * fields read by their own rule (`field.parsed`, e.g. money in Dutch or English notation).
 */
export function readForm<T extends TSchema>(schema: T, body: unknown, locale: Locale = DEFAULT_LOCALE): Outcome<Static<T>> {
  const form = body && typeof body === 'object' ? (body as FormBody) : {};
  const problems: FieldErrors = {};
  const value = formToObject(schema as JsonSchema, form, locale, problems);
  const validate = validatorOf(schema);
  const valid = validate(value);
  // A parsed field's own problem says more than "missing", which is all validation saw of it.
  const errors = { ...(valid ? {} : errorsOf(schema as JsonSchema, validate.errors ?? [])), ...problems };
  if (valid && Object.keys(problems).length === 0) return done(value as Static<T>);
  return refused(errors);
}

/** Checks a JSON body against the same declaration (no conversion: JSON carries its own types). */
export function readJson<T extends TSchema>(schema: T, body: unknown): Outcome<Static<T>> {
  const value = body ?? {};
  const validate = validatorOf(schema);
  if (validate(value)) return done(value as Static<T>);
  return refused(errorsOf(schema as JsonSchema, validate.errors ?? []));
}

/** A form's state to show again: the refusal's problems and what was typed. */
export function formState(form: string, errors: FieldErrors, values: unknown): FormState {
  return { form, errors, values: values && typeof values === 'object' ? (values as FormBody) : {} };
}

/** The value a field shows: what was typed after a refusal, else the stored value. */
export function typedValue(state: FormState | undefined, form: string, name: string, stored = ''): string {
  if (!state || state.form !== form) return stored;
  return firstString(state.values[name]) ?? '';
}

/** What a view needs to draw a field from its declaration: limits and whether it is required. */
export function limitsOf(schema: TSchema, name: string): { maxLength?: number; required: boolean } {
  const json = schema as JsonSchema;
  const property = json.properties?.[name.replace(/_(nl|en)$/, '')];
  if (!property) return { required: false };
  if (property[LOCALIZED]) {
    const half = property.properties?.[name.endsWith('_en') ? 'en' : 'nl'];
    return { maxLength: half?.maxLength, required: false };
  }
  const reader = property[READER];
  return { maxLength: reader ? reader.maxLength : property.maxLength, required: (json.required ?? []).includes(name) };
}

registerMessages({
  nl: {
    'form.error.summary': 'Het formulier is niet opgeslagen. Verbeter de gemarkeerde velden; wat u typte staat er nog.',
    'form.error.required': 'Vul dit veld in.',
    'form.error.tooLong': 'Dit is te lang: maximaal {max, number} tekens. Er is niets opgeslagen; maak de tekst korter.',
    'form.error.tooMany': 'Kies er hooguit {max, number}.',
    'form.error.date': 'Geef een bestaande datum (jjjj-mm-dd).',
    'form.error.time': 'Geef een tijd als uu:mm.',
    'form.error.dateTime': 'Geef een bestaande datum met een tijd (jjjj-mm-dd uu:mm).',
    'form.error.url': 'Geef een webadres dat begint met https:// of http://.',
    'form.error.email': 'Geef een geldig e-mailadres.',
    'form.error.choice': 'Kies een van de mogelijkheden.',
    'form.error.number': 'Geef een getal.',
    'form.error.range': 'Geef een getal van {min, number} tot en met {max, number}.',
    'form.error.tooLarge': 'Het formulier is te groot om te verwerken. Er is niets opgeslagen; maak de tekst korter of verdeel hem.',
    'form.required': 'verplicht',
    'form.limit': 'Maximaal {max, number} tekens.',
    'form.counter': '{count} van {max, number} tekens',
    'form.counter.over': '{count} van {max, number} tekens: {over} te veel',
    'form.inDutch': 'In het Nederlands',
    'form.translationStale': 'Vertaling verouderd: de tekst in de andere taal is gewijzigd nadat deze is geschreven.',
    'form.inEnglish': 'In het Engels',
  },
  en: {
    'form.error.summary': 'The form was not saved. Correct the marked fields; what you typed is still there.',
    'form.error.required': 'Fill in this field.',
    'form.error.tooLong': 'This is too long: at most {max, number} characters. Nothing was saved; shorten the text.',
    'form.error.tooMany': 'Choose at most {max, number}.',
    'form.error.date': 'Give a date that exists (yyyy-mm-dd).',
    'form.error.time': 'Give a time as hh:mm.',
    'form.error.dateTime': 'Give a date that exists, with a time (yyyy-mm-dd hh:mm).',
    'form.error.url': 'Give a web address starting with https:// or http://.',
    'form.error.email': 'Give a valid e-mail address.',
    'form.error.choice': 'Choose one of the options.',
    'form.error.number': 'Give a number.',
    'form.error.range': 'Give a number from {min, number} to {max, number}.',
    'form.error.tooLarge': 'The form is too large to process. Nothing was saved; shorten the text or split it.',
    'form.required': 'required',
    'form.limit': 'At most {max, number} characters.',
    'form.counter': '{count} of {max, number} characters',
    'form.counter.over': '{count} of {max, number} characters: {over} too many',
    'form.inDutch': 'In Dutch',
    'form.translationStale': 'Translation out of date: the text in the other language was changed after this one was written.',
    'form.inEnglish': 'In English',
  },
});
