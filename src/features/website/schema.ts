// What the website's editor forms take, declared once (src/web/forms.ts): the limits here are the
// pages' maxlength and the checks on a posted form. The rules between fields (a title in at least
// one language, a moment for a scheduled text, alt text for an image) are the website's own:
// rules.ts `contentFrom` and theme.ts `themeFrom`, which the commands apply.
import { field, LIMITS, Type, type Static } from '../../web/forms.ts';
import { PUBLICATION_STATES } from './tables.ts';

/** The longest text of a news item, event or page, per language (as before the form toolkit). */
export const BODY_MAX = 50_000;
/** A web address's last part: /news/<slug>. */
export const SLUG_MAX = 80;

const contentFields = {
  title: field.localized(LIMITS.name),
  summary: field.localized(LIMITS.text, { multiline: true }),
  body: field.localized(BODY_MAX, { multiline: true }),
  image_alt: field.localized(LIMITS.line),
  /** Made from the title when left empty. */
  slug: Type.Optional(field.text(SLUG_MAX)),
  image_url: Type.Optional(field.text(LIMITS.line)),
  status: field.choice(PUBLICATION_STATES),
  /** Amsterdam time. */
  publish_at: Type.Optional(field.dateTime()),
  /** The version an edit form was opened at; a new text has none (src/db/versioned.ts). */
  version: Type.Optional(field.version()),
  /** News only: the item is a result shared with the network of knowledge cities. */
  shared_with_network: Type.Optional(field.checkbox()),
};

/** A news item or a page. */
export const ContentForm = Type.Object(contentFields);
export type ContentForm = Static<typeof ContentForm>;

/** An event: a text with a place and a start (and perhaps an end), in Amsterdam time. */
export const EventForm = Type.Object({
  ...contentFields,
  location: field.localized(LIMITS.line),
  // Required by the website's rules (with the other problems at once), not here.
  starts_at: Type.Optional(field.dateTime()),
  ends_at: Type.Optional(field.dateTime()),
});
export type EventForm = Static<typeof EventForm>;

/** The programme's name in both languages, its public contact address (optional) and its five colours (#rrggbb). */
export const ThemeForm = Type.Object({
  name_nl: field.text(120),
  name_en: field.text(120),
  contactEmail: Type.Optional(field.email()),
  colour_primary: field.text(7),
  'colour_primary-contrast': field.text(7),
  colour_accent: field.text(7),
  colour_text: field.text(7),
  colour_background: field.text(7),
});
export type ThemeForm = Static<typeof ThemeForm>;

/** The site search: words to look for (at least two characters to search at all). */
export const SearchQuery = Type.Object({ q: Type.Optional(field.text(LIMITS.name)) });
export type SearchQuery = Static<typeof SearchQuery>;

/** The privacy statement: what the coordinator fills in, and the version the form was opened at. */
export const PrivacyForm = Type.Object({
  controller: field.localized(LIMITS.text, { multiline: true }),
  contact: field.localized(LIMITS.text, { multiline: true }),
  retention: field.localized(LIMITS.text, { multiline: true }),
  processing: field.localized(LIMITS.longText, { multiline: true }),
  version: field.version(),
});
export type PrivacyForm = Static<typeof PrivacyForm>;
