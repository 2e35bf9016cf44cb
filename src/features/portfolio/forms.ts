// Reading and checking the portfolio's forms. A form body is what the browser sent: strings (or
// string arrays for repeated fields). Parsing never throws on bad input; it returns problems as
// message keys per field so the page can be shown again with what the user typed.
import { ACTION_STATES, LIFECYCLES, PARTNER_ROLES, type ActionState, type Lifecycle, type PartnerRole } from '../../db/schema.ts';
import { today } from '../../clock.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { isIsoDate, isUuid } from '../../web/forms.ts';
import { parsePeriod } from '../../domain/periods.ts';
import type { ActionInput, PartnerInput, ProjectInput } from './commands.ts';

export type FormBody = Record<string, unknown>;
export type Problems = Record<string, string>;

export function field(body: FormBody, name: string): string {
  const value = body[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text.trim() : '';
}

export function fields(body: FormBody, name: string): string[] {
  const value = body[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

const MAX_TEXT = 20000;

export function localized(body: FormBody, name: string, problems: Problems, required = false): LocalizedText {
  const nl = field(body, `${name}_nl`);
  const en = field(body, `${name}_en`);
  if (nl.length > MAX_TEXT || en.length > MAX_TEXT) problems[`${name}_nl`] = 'pf.error.tooLong';
  if (required && !nl && !en) problems[`${name}_nl`] = 'pf.error.required';
  const value: LocalizedText = {};
  if (nl) value.nl = nl;
  if (en) value.en = en;
  return value;
}

export function optionalId(body: FormBody, name: string, allowed: Set<string>, problems: Problems): string | null {
  const value = field(body, name);
  if (!value) return null;
  if (!isUuid(value) || !allowed.has(value)) {
    problems[name] = 'pf.error.choice';
    return null;
  }
  return value;
}

export function isoDate(body: FormBody, name: string, problems: Problems, required = false): string | null {
  const value = field(body, name);
  if (!value) {
    if (required) problems[name] = 'pf.error.required';
    return null;
  }
  if (!isIsoDate(value)) {
    problems[name] = 'pf.error.date';
    return null;
  }
  return value;
}

export function version(body: FormBody, problems: Problems): number {
  const value = Number(field(body, 'version'));
  if (!Number.isInteger(value) || value < 1) problems.version = 'pf.error.version';
  return value;
}

function oneOf<T extends string>(body: FormBody, name: string, options: readonly T[], problems: Problems): T {
  const value = field(body, name) as T;
  if (!options.includes(value)) problems[name] = 'pf.error.choice';
  return value;
}

function wholeNumber(body: FormBody, name: string, problems: Problems, scale = 1): number | null {
  const raw = field(body, name).replace(/\s/g, '').replace(',', '.');
  if (!raw) return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value * scale > 2_000_000_000) {
    problems[name] = 'pf.error.number';
    return null;
  }
  return Math.round(value * scale);
}

/** A project code as the agreement writes them ("2d", "5") or proposals get ("V1"): safe in a URL. */
export const PROJECT_CODE = /^[0-9a-z](?:[0-9a-z-]{0,10}[0-9a-z])?$/i;

function projectCode(body: FormBody, problems: Problems): string {
  const value = field(body, 'code');
  if (!PROJECT_CODE.test(value) || value.includes('--')) problems.code = 'pf.error.code';
  return value;
}

export function parseProjectForm(body: FormBody, choices: { themeIds: Set<string>; organisationIds: Set<string> }, problems: Problems): ProjectInput {
  return {
    code: projectCode(body, problems),
    themeId: optionalId(body, 'themeId', choices.themeIds, problems),
    title: localized(body, 'title', problems, true),
    goal: localized(body, 'goal', problems),
    description: localized(body, 'description', problems),
    status: localized(body, 'status', problems),
    leadNote: localized(body, 'leadNote', problems),
    safeguarding: localized(body, 'safeguarding', problems),
    lifecycle: oneOf<Lifecycle>(body, 'lifecycle', LIFECYCLES, problems),
    leadOrganisationId: optionalId(body, 'leadOrganisationId', choices.organisationIds, problems),
    published: field(body, 'published') === 'on',
  };
}

/** The due date comes from the date field, or else from the period label ("najaar 2017"). */
export function parseActionForm(body: FormBody, organisationIds: Set<string>, problems: Problems): ActionInput {
  const dueLabel = localized(body, 'dueLabel', problems);
  let dueOn = isoDate(body, 'dueOn', problems);
  if (!dueOn && !problems.dueOn) {
    const label = dueLabel.nl ?? dueLabel.en;
    if (label) {
      const period = parsePeriod(label) ?? (dueLabel.en ? parsePeriod(dueLabel.en) : null);
      if (period) dueOn = period.end;
      else problems.dueLabel_nl = 'pf.error.period';
    }
  }
  const state = oneOf<ActionState>(body, 'state', ACTION_STATES, problems);
  let completedOn = isoDate(body, 'completedOn', problems);
  if (state === 'done' && !completedOn && !problems.completedOn) completedOn = today();
  if (state !== 'done') completedOn = null;
  return {
    description: localized(body, 'description', problems, true),
    ownerOrganisationId: optionalId(body, 'ownerOrganisationId', organisationIds, problems),
    dueOn,
    dueLabel,
    state,
    completedOn,
  };
}

export function parsePartnerForm(body: FormBody, problems: Problems): PartnerInput {
  return {
    role: oneOf<PartnerRole>(body, 'role', PARTNER_ROLES, problems),
    note: localized(body, 'note', problems),
    declaredInterest: field(body, 'declaredInterest') === 'on',
    capacityHours: wholeNumber(body, 'capacityHours', problems),
    moneyCents: wholeNumber(body, 'money', problems, 100),
    commitmentAgreed: field(body, 'commitmentAgreed') === 'on',
  };
}
