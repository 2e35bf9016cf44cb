// moved to src/web/forms.ts: the meetings forms read through readForm with ./schema.ts. These
// re-exports stay only while fund and website still import the UUID rule from here; import
// isUuid / UUID_PATTERN from src/web/forms.ts instead, then delete this file.
import { UUID_PATTERN } from '../../web/forms.ts';

export { isHttpUrl, isIsoDate } from '../../web/forms.ts';

/** @deprecated use isUuid from src/web/forms.ts. */
export const UUID = new RegExp(UUID_PATTERN);
