// What the API takes to change a project and to add or change one of its actions, and how it
// reaches the portfolio's own commands (src/features/portfolio/commands.ts). A JSON body changes
// only the fields it names and may set one language of a text ("" removes it); the commands take
// the values to save. Problems come back as the API's body fields (refuseInvalid).
import { Type, type Static } from 'typebox';
import { ACTION_STATES, type actions, type projects } from '../../../db/schema.ts';
import { today } from '../../../clock.ts';
import { done, refusedField, type Outcome } from '../../../domain/outcome.ts';
import type { ActionInput, ProjectInput } from '../../portfolio/commands.ts';
import { DateSchema, LocalizedTextInput, Nullable, StringEnum, mergeLocalized } from '../schemas.ts';

export const ProjectPatch = Type.Object(
  {
    title: Type.Optional(LocalizedTextInput),
    goal: Type.Optional(LocalizedTextInput),
    description: Type.Optional(LocalizedTextInput),
    status: Type.Optional(LocalizedTextInput),
  },
  { additionalProperties: false, minProperties: 1, description: 'The fields to change; a language given as "" is removed.' },
);
export type ProjectPatch = Static<typeof ProjectPatch>;

const actionFields = {
  dueOn: Type.Optional(Nullable(DateSchema)),
  dueLabel: Type.Optional(LocalizedTextInput),
  state: Type.Optional(StringEnum(ACTION_STATES)),
  ownerOrganisation: Type.Optional(Nullable(Type.String({ maxLength: 80, description: 'Slug of the organisation that owns the action.' }))),
};

export const ActionCreate = Type.Object({ description: LocalizedTextInput, ...actionFields }, { additionalProperties: false });
export const ActionPatch = Type.Object(
  { description: Type.Optional(LocalizedTextInput), ...actionFields },
  { additionalProperties: false, minProperties: 1, description: 'The fields to change.' },
);
export type ActionPatch = Static<typeof ActionPatch>;

type ProjectRow = typeof projects.$inferSelect;
type ActionRow = typeof actions.$inferSelect;
const TEXTS = ['title', 'goal', 'description', 'status'] as const;

/** The project's texts the request names, merged over the stored ones; a project keeps a title. */
export function projectChange(values: ProjectPatch, current: ProjectRow): Outcome<Partial<ProjectInput>> {
  const next: Partial<ProjectInput> = {};
  for (const name of TEXTS) {
    const text = values[name];
    if (text) next[name] = mergeLocalized(current[name], text);
  }
  if (next.title && !next.title.nl && !next.title.en) return refusedField('title', 'api.invalid.required');
  return done(next);
}

/**
 * The whole action the commands save, from the fields the request names over the previous action
 * (none when adding one). `ownerId` is the owner the request names, resolved from its slug
 * (undefined: not named). Setting state to done records today as completedOn (kept when already done).
 */
export function actionChange(values: ActionPatch, previous: ActionRow | null, ownerId: string | null | undefined): Outcome<ActionInput> {
  const description = mergeLocalized(previous?.description ?? {}, values.description ?? {});
  if (!description.nl && !description.en) return refusedField('description', 'api.invalid.required');
  const state = values.state ?? previous?.state ?? 'open';
  const completedOn = state !== 'done' ? null : previous?.state === 'done' ? previous.completedOn : today();
  return done({
    description,
    dueLabel: mergeLocalized(previous?.dueLabel ?? {}, values.dueLabel ?? {}),
    dueOn: values.dueOn !== undefined ? values.dueOn : (previous?.dueOn ?? null),
    state,
    completedOn,
    ownerOrganisationId: ownerId !== undefined ? ownerId : (previous?.ownerOrganisationId ?? null),
  });
}
