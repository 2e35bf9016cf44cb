// What the agreement's forms take, declared once (src/web/forms.ts): the limits here are the
// pages' maxlength and the checks on a posted form.
import type { LocalizedText } from '../../domain/localized.ts';
import type { TSchema } from 'typebox';
import { field, LIMITS, Type, type Static } from '../../web/forms.ts';
import { AMENDMENT_KINDS, ANSWERS, type AmendmentKind } from './tables.ts';

const proposalFields = {
  /** A text change unless it says renewal (the renewal form posts it). */
  kind: Type.Optional(field.choice(AMENDMENT_KINDS)),
  /** The party the proposal is made on behalf of. */
  party: field.uuid(),
  // At least one language of each: checked by the command, which names the rule.
  title: field.localized(300),
  reason: field.localized(LIMITS.longText, { multiline: true }),
};

/**
 * The proposal is made in steps (choose the articles → edit them → check → submit), each a post of
 * everything typed so far; `step` is the button pressed, `articles` the chosen sections' keys.
 */
export const PROPOSAL_STEPS = ['choose', 'edit', 'check'] as const;
export type ProposalStep = (typeof PROPOSAL_STEPS)[number];

/** The first step: on behalf of whom, what and why, and which articles change. */
export const ProposalStart = Type.Object({
  ...proposalFields,
  articles: Type.Optional(field.list(field.text(LIMITS.name), 200)),
});
export type ProposalStart = Static<typeof ProposalStart>;

/** The name of a section's new text on the form: `body_<key>` (posted as `body_<key>_nl` and `_en`). */
export const sectionField = (key: string) => `body_${key}`;

const proposalSchemas = new Map<string, TSchema>();

/**
 * The proposal form for an agreement with these sections: one text in both languages per section.
 * Built once per set of section keys (the agreement's sections change only by amendment).
 */
export function proposalForm(sectionKeys: string[]): TSchema {
  const cacheKey = sectionKeys.join('\n');
  let schema = proposalSchemas.get(cacheKey);
  if (!schema) {
    const sections = Object.fromEntries(sectionKeys.map((key) => [sectionField(key), field.localized(LIMITS.longText, { multiline: true })]));
    schema = Type.Object({ ...proposalFields, ...sections });
    proposalSchemas.set(cacheKey, schema);
  }
  return schema;
}

/** A proposal as the command takes it. */
export interface ProposalInput {
  kind: AmendmentKind;
  party: string;
  title: LocalizedText;
  reason: LocalizedText;
  /** The new text per section key, as typed; a language left empty keeps the current text. */
  sections: Record<string, LocalizedText>;
}

/** The command's input from a read proposal form. */
export function proposalOf(value: unknown, sectionKeys: string[]): ProposalInput {
  const form = value as { kind?: AmendmentKind; party: string; title: LocalizedText; reason: LocalizedText } & Record<string, unknown>;
  return {
    kind: form.kind ?? 'text',
    party: form.party,
    title: form.title,
    reason: form.reason,
    sections: Object.fromEntries(sectionKeys.map((key) => [key, (form[sectionField(key)] as LocalizedText | undefined) ?? {}])),
  };
}

export const AnswerInput = Type.Object({
  party: field.uuid(),
  answer: field.choice(ANSWERS),
  note: Type.Optional(field.text(LIMITS.text)),
});
export type AnswerInput = Static<typeof AnswerInput>;

export const WithdrawInput = Type.Object({ party: field.uuid() });
export type WithdrawInput = Static<typeof WithdrawInput>;

export const RepresentativeInput = Type.Object({
  party: field.uuid(),
  email: field.email(),
});
export type RepresentativeInput = Static<typeof RepresentativeInput>;
