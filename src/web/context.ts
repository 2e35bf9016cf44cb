// What every page needs to know about the request it answers.
import type { Locale, LocalizedText } from '../domain/localized.ts';
import type { Translate } from './i18n.ts';
import type { ActionName } from '../policies.ts';
import type { ProgrammeStage, TermDates } from '../domain/lifecycle.ts';

export interface ProgrammeSummary {
  id: string;
  slug: string;
  name: LocalizedText;
  city: string;
  /** Its first and last day in force (renewals included): its stage follows from them and today. */
  term: TermDates;
  /** The programme it succeeds, and the one that succeeds it (src/features/programmes/successor-commands.ts). */
  predecessor?: { slug: string; name: LocalizedText };
  successor?: { slug: string; name: LocalizedText };
  /** The programme's logo (an uploaded image) with its required text alternative. */
  logo?: { fileId: string; alt: LocalizedText };
}

export interface PageActor {
  userId: string;
  displayName: string;
}

export interface PageContext {
  locale: Locale;
  t: Translate;
  /** The request path after the language prefix, e.g. "/leiden/projects/1a". */
  path: string;
  baseUrl: string;
  programme?: ProgrammeSummary;
  /** The programme's stage today (src/domain/lifecycle.ts): a finished one is shown as an archive. */
  programmeStage?: ProgrammeStage;
  actor?: PageActor;
  /** The signed-in person's programmes, for the programme switch in the menus (empty when signed out). */
  actorProgrammes?: { slug: string; name: LocalizedText }[];
  csrfToken: string;
  /** Links the coordinator's tools where the actor may use them. */
  canManage: boolean;
  /** Whether the reader may perform a programme-wide action (the navigation shows what it allows). */
  may: (action: ActionName) => boolean;
  /** The action the GET route of a page in this programme names (path inside the programme, e.g. "/fund"); undefined when there is no such page. */
  pageAction: (path: string) => ActionName | undefined;
}

export function localePath(locale: Locale, path: string): string {
  return `/${locale}${path === '/' ? '' : path}`;
}
