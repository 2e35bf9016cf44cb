// What the portfolio's forms take, declared once with the form toolkit (src/web/forms.ts): the
// limits give the pages their `maxlength` and refuse a text that is too long (never shortened).
// The project code and the action's period are read by the portfolio's own rules (field.parsed).
import { LIFECYCLES } from '../../db/schema.ts';
import { refused, type FieldErrors, type Outcome } from '../../domain/outcome.ts';
import { field, LIMITS, Type, type Static, type TextReading } from '../../web/forms.ts';
import type { ProjectInput } from './commands.ts';

/** A project code as the agreement writes them ("2d", "5") or proposals get ("V1"): safe in a URL. */
export const PROJECT_CODE = /^[0-9a-z](?:[0-9a-z-]{0,10}[0-9a-z])?$/i;

function readCode(text: string): TextReading<string> {
  if (!PROJECT_CODE.test(text) || text.includes('--')) return { ok: false, error: { key: 'pf.error.code' } };
  return { ok: true, value: text };
}

export const ProjectForm = Type.Object({
  version: field.version(),
  /** Only the coordinator changes it; the routes put back the stored code for anyone else. */
  code: field.parsed(Type.String({ minLength: 1, maxLength: 12 }), readCode, { maxLength: LIMITS.name }),
  themeId: Type.Optional(field.uuid()),
  title: field.localized(LIMITS.line, { required: true }),
  goal: field.localized(LIMITS.longText, { multiline: true }),
  description: field.localized(LIMITS.longText, { multiline: true }),
  status: field.localized(LIMITS.text),
  lifecycle: field.choice(LIFECYCLES),
  leadOrganisationId: Type.Optional(field.uuid()),
  leadNote: field.localized(LIMITS.text),
  safeguarding: field.localized(LIMITS.longText, { multiline: true }),
  published: field.checkbox(),
});
export type ProjectForm = Static<typeof ProjectForm>;

/**
 * The fields that name one of the programme's records must name one the page offered (a theme,
 * an organisation): a refusal per field that names another.
 */
export function offered<T extends Record<string, unknown>>(value: T, allowed: { [K in keyof T]?: Set<string> }): Outcome<T> {
  const errors: FieldErrors = {};
  for (const [name, ids] of Object.entries(allowed) as [string, Set<string>][]) {
    const id = value[name];
    if (typeof id === 'string' && !ids.has(id)) errors[name] = { key: 'form.error.choice' };
  }
  return Object.keys(errors).length > 0 ? refused(errors) : { ok: true, value };
}

export function projectInput(form: ProjectForm): ProjectInput {
  return {
    code: form.code,
    themeId: form.themeId ?? null,
    title: form.title,
    goal: form.goal,
    description: form.description,
    status: form.status,
    leadNote: form.leadNote,
    safeguarding: form.safeguarding,
    lifecycle: form.lifecycle,
    leadOrganisationId: form.leadOrganisationId ?? null,
    published: form.published,
  };
}
