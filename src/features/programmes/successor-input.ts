// The successor form's declaration: its limits give the page its maxlength and check the post.
import { SUCCESSOR_TERM_YEARS } from '../../domain/successor.ts';
import { field, LIMITS, Type } from '../../web/forms.ts';

export const SuccessorForm = Type.Object({
  name: field.localized(LIMITS.name, { required: true }),
  slug: Type.String({ minLength: 1, maxLength: 60 }),
  startOn: field.date(),
  termYears: field.integer({ minimum: SUCCESSOR_TERM_YEARS.min, maximum: SUCCESSOR_TERM_YEARS.max }),
  projectIds: Type.Optional(field.list(field.uuid())),
});
