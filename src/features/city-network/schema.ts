// What the follow form takes (src/web/forms.ts): a programme of this installation, or the URL of
// another installation's open-data JSON. Which of the two is the command's rule.
import { field, Type, type Static } from '../../web/forms.ts';
import { MAX_URL_LENGTH } from '../../domain/fetch-guard.ts';

export const FollowForm = Type.Object({
  kind: field.choice(['local', 'remote'] as const),
  programme: Type.Optional(field.text(80)),
  url: Type.Optional(field.text(MAX_URL_LENGTH)),
});
export type FollowForm = Static<typeof FollowForm>;
