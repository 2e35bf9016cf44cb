// What the files forms take, declared once (src/web/forms.ts). The file itself is not a form
// field: it arrives as a multipart part (routes.tsx) and the upload command checks it.
import { field, LIMITS, Type, type Static } from '../../web/forms.ts';

export const UploadInput = Type.Object({
  /** A text alternative in both languages; required for owners whose files are images shown inline (the logo). */
  alt: field.localized(LIMITS.name),
  /** Only someone who may publish can make a file public; the field is ignored otherwise. */
  public: field.checkbox(),
});
export type UploadInput = Static<typeof UploadInput>;

export const VisibilityInput = Type.Object({ public: field.choice(['yes', 'no'] as const) });
export type VisibilityInput = Static<typeof VisibilityInput>;
