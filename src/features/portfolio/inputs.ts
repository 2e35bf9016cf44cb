// What the portfolio's forms take, declared once with the form toolkit (src/web/forms.ts): the
// limits give the pages their `maxlength` and refuse a text that is too long (never shortened).
// The project code and the action's period are read by the portfolio's own rules (field.parsed).
import { ACTION_STATES, LIFECYCLES, PARTNER_ROLES } from '../../db/schema.ts';
import { today } from '../../clock.ts';
import { parsePeriod } from '../../domain/periods.ts';
import { done, refused, refusedField, type FieldErrors, type Outcome } from '../../domain/outcome.ts';
import { field, LIMITS, Type, type Static, type TextReading } from '../../web/forms.ts';
import type { ProposalInput } from './admission.ts';
import type { ActionInput, PartnerInput, ProjectInput } from './commands.ts';
import type { JoinInput } from './joining.ts';
import { ADVICE_LEVELS } from './tables.ts';

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
  staffingArrangements: field.localized(LIMITS.text, { multiline: true }),
  financingArrangements: field.localized(LIMITS.text, { multiline: true }),
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
    const named = value[name];
    const list = Array.isArray(named) ? named : [named];
    if (list.some((id) => typeof id === 'string' && !ids.has(id))) errors[name] = { key: 'form.error.choice' };
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
    staffingArrangements: form.staffingArrangements,
    financingArrangements: form.financingArrangements,
    lifecycle: form.lifecycle,
    leadOrganisationId: form.leadOrganisationId ?? null,
    published: form.published,
  };
}

const actionFields = {
  description: field.localized(LIMITS.text, { required: true, multiline: true }),
  ownerOrganisationId: Type.Optional(field.uuid()),
  /** The period as the agreement names it ("najaar 2017"); gives the due date when none is given. */
  dueLabel: field.localized(LIMITS.line),
  dueOn: Type.Optional(field.date()),
  state: field.choice(ACTION_STATES),
  completedOn: Type.Optional(field.date()),
};

/** A new action. */
export const ActionForm = Type.Object(actionFields);
/** A change to an action, from the version the form was opened at. */
export const ActionEditForm = Type.Object({ version: field.version(), ...actionFields });
export type ActionForm = Static<typeof ActionForm>;

/**
 * The action to save. The due date comes from the date field, or else from the end of the period
 * label ("najaar 2017"), which must then be one the portfolio recognises. A done action without a
 * completion date was completed today; one that is not done has none.
 */
export function actionInput(form: ActionForm): Outcome<ActionInput> {
  let dueOn = form.dueOn ?? null;
  if (!dueOn) {
    const label = form.dueLabel.nl ?? form.dueLabel.en;
    if (label) {
      const period = parsePeriod(label) ?? (form.dueLabel.en ? parsePeriod(form.dueLabel.en) : null);
      if (!period) return refusedField('dueLabel_nl', 'pf.error.period');
      dueOn = period.end;
    }
  }
  const completedOn = form.state !== 'done' ? null : (form.completedOn ?? today());
  return done({ description: form.description, ownerOrganisationId: form.ownerOrganisationId ?? null, dueOn, dueLabel: form.dueLabel, state: form.state, completedOn });
}

/** Hours and euros committed; euros may be written with a decimal comma ("2500,50"). */
export const PartnerForm = Type.Object({
  version: field.version(),
  role: field.choice(PARTNER_ROLES),
  declaredInterest: field.checkbox(),
  capacityHours: Type.Optional(field.number()),
  money: Type.Optional(field.number({ maximum: 20_000_000 })),
  commitmentAgreed: field.checkbox(),
  note: field.localized(LIMITS.text),
});
export type PartnerForm = Static<typeof PartnerForm>;

export function partnerInput(form: PartnerForm): PartnerInput {
  return {
    role: form.role,
    note: form.note,
    declaredInterest: form.declaredInterest,
    capacityHours: form.capacityHours === undefined ? null : Math.round(form.capacityHours),
    moneyCents: form.money === undefined ? null : Math.round(form.money * 100),
    commitmentAgreed: form.commitmentAgreed,
  };
}

/** A proposal; the lead organisation is checked by the route, which names it in its own words. */
export const ProposalForm = Type.Object({
  title: field.localized(LIMITS.line, { required: true }),
  themeId: Type.Optional(field.uuid()),
  goal: field.localized(LIMITS.longText, { required: true, multiline: true }),
  description: field.localized(LIMITS.longText, { multiline: true }),
  safeguarding: field.localized(LIMITS.longText, { multiline: true }),
  staffingArrangements: field.localized(LIMITS.text, { multiline: true }),
  financingArrangements: field.localized(LIMITS.text, { multiline: true }),
  leadOrganisationId: Type.Optional(field.uuid()),
  partners: field.list(field.uuid()),
});
export type ProposalForm = Static<typeof ProposalForm>;

/** The proposal to submit; refused on the lead field when no organisation is willing to lead. */
export function proposalInput(form: ProposalForm): Outcome<ProposalInput> {
  if (!form.leadOrganisationId) return refusedField('leadOrganisationId', 'pf.error.leadRequired');
  const { partners, themeId, leadOrganisationId, ...texts } = form;
  return done({ ...texts, themeId: themeId ?? null, leadOrganisationId, partnerOrganisationIds: partners });
}

/** The support steering group's judgement of criterion c or d. */
export const JudgementForm = Type.Object({
  criterion: field.choice(['c', 'd'] as const),
  met: field.choice(['yes', 'no'] as const),
  reasoning: field.localized(LIMITS.text, { required: true, multiline: true }),
});

/** The support steering group's recommendation on admission, with reasons. */
export const RecommendationForm = Type.Object({
  outcome: field.choice(['admit', 'reject'] as const),
  reasons: field.localized(LIMITS.text, { required: true, multiline: true }),
  decidedOn: field.date(),
});

/**
 * The executive steering group's decision on admission: the confirmed decision of a held meeting
 * it rests on (whose date it takes), the outcome and the reasons.
 */
export const AdmissionDecisionForm = Type.Object({
  decision: field.uuid(),
  outcome: field.choice(['admit', 'reject'] as const),
  reasons: field.localized(LIMITS.text, { required: true, multiline: true }),
});

/**
 * The lead lets an organisation join; the steering group's advice (on a day that has been) is
 * required for an organisation that is not a party, and optional for a party.
 */
export const JoinForm = Type.Object({
  organisationId: field.uuid(),
  role: field.choice(['partner', 'intended_partner'] as const),
  consultedOn: Type.Optional(field.date()),
  level: Type.Optional(field.choice(ADVICE_LEVELS)),
  outcome: Type.Optional(field.choice(['agreed', 'objection'] as const)),
  note: field.localized(LIMITS.text, { multiline: true }),
});

/** The join to record; `isParty` tells whether the organisation counts as a party (or a party's unit). */
export function joinInput(form: Static<typeof JoinForm>, isParty: boolean): Outcome<JoinInput> {
  const { organisationId, role, consultedOn, level, outcome, note } = form;
  const given = consultedOn !== undefined || level !== undefined || outcome !== undefined || !!note.nl || !!note.en;
  if (!given && isParty) return done({ organisationId, role, advice: null });
  const errors: FieldErrors = {};
  const required = isParty ? 'pf.join.adviceIncomplete' : 'pf.join.adviceRequired';
  if (consultedOn === undefined) errors.consultedOn = { key: required };
  else if (consultedOn > today()) errors.consultedOn = { key: 'pf.error.future' };
  if (level === undefined) errors.level = { key: required };
  if (outcome === undefined) errors.outcome = { key: required };
  if (Object.keys(errors).length > 0) return refused(errors);
  return done({ organisationId, role, advice: { consultedOn: consultedOn!, level: level!, outcome: outcome!, note } });
}

/** Two projects (by code) linked as a cross-over, and why. */
export const LinkForm = Type.Object({
  a: field.text(LIMITS.name),
  b: field.text(LIMITS.name),
  reason: field.localized(LIMITS.text, { required: true, multiline: true }),
});

/** A partner contact's request to join: for which of their organisations, and why (in their own language at least). */
export const JoinRequestForm = Type.Object({
  organisationId: field.uuid(),
  motivation: field.localized(LIMITS.text, { required: true, multiline: true }),
});

/** The motivation must be given in the requester's own language (the other may follow). */
export function joinRequestInput(form: Static<typeof JoinRequestForm>, locale: 'nl' | 'en'): Outcome<Static<typeof JoinRequestForm>> {
  if (!form.motivation[locale]) return refusedField('motivation', 'pf.joinRequest.motivationRequired');
  return done(form);
}

/** Accepting a request: the partner's role and the steering group's advice (required for a non-party), from the version shown. */
export const AcceptRequestForm = Type.Object({
  version: field.version(),
  role: field.choice(['partner', 'intended_partner'] as const),
  consultedOn: Type.Optional(field.date()),
  level: Type.Optional(field.choice(ADVICE_LEVELS)),
  outcome: Type.Optional(field.choice(['agreed', 'objection'] as const)),
  note: field.localized(LIMITS.text, { multiline: true }),
});

/** Declining a request, always with the reason the requester will read. */
export const DeclineRequestForm = Type.Object({
  version: field.version(),
  reason: field.localized(LIMITS.text, { required: true, multiline: true }),
});

/** Withdrawing one's own request, from the version shown. */
export const WithdrawRequestForm = Type.Object({ version: field.version() });
