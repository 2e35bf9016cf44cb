// The shape of a programme's default data. A city other than Leiden writes one of these.
import type { CriterionCheck } from '../domain/criterion-checks.ts';
import type { LocalizedText } from '../domain/localized.ts';
import type { ActionState, BodyKind, Lifecycle, OrganisationKind, PartnerRole } from '../db/schema.ts';

export interface OrganisationSeed {
  /** Stable key within the programme, kebab-case, e.g. "universiteit-leiden". */
  slug: string;
  name: LocalizedText;
  shortName?: string;
  kind: OrganisationKind;
  /** Slug of the parent organisation (a faculty belongs to its university). */
  parent?: string;
  website?: string;
}

export interface PartySeed {
  organisation: string;
  signingBody: LocalizedText;
  referredToAs: LocalizedText;
  signatoryName: string;
  signatoryTitle: LocalizedText;
}

export interface SectionSeed {
  key: string;
  heading: LocalizedText;
  /** Plain text; paragraphs separated by a blank line, list items start with "- ". */
  body: LocalizedText;
}

export interface BodySeed {
  kind: BodyKind;
  name: LocalizedText;
  tasks: LocalizedText;
  /** How the agreement says the body is appointed, quoted; every reading where the text has more than one. */
  appointment?: LocalizedText[];
  minMeetingsPerYear?: number;
  maxMeetingsPerYear?: number;
}

export interface ThemeSeed {
  code: string;
  title: LocalizedText;
  /** The theme's goal as written in the annex ("Doel: ..."). */
  goal: LocalizedText;
  /** The theme's description in the introduction of the agreement. */
  description: LocalizedText;
}

export interface PartnerSeed {
  organisation: string;
  role: PartnerRole;
  /** Wording the text adds, e.g. "in nauwe samenwerking met", "inhoudelijk", "randprogrammering". */
  note?: LocalizedText;
  declaredInterest?: boolean;
}

export interface ActionSeed {
  description: LocalizedText;
  /** Slug of the organisation that owns the action, when the text names one. */
  owner?: string;
  /** ISO date of the last day, when the text gives a date or a period ("najaar 2017" -> "2017-11-30"). */
  dueOn?: string;
  dueLabel?: LocalizedText;
  state?: ActionState;
}

export interface ProjectSeed {
  code: string;
  /** Code of the theme; omitted for item 5 (way of working), which stands outside the themes. */
  theme?: string;
  title: LocalizedText;
  /** The annex's "Doel"; omitted where the text gives none (3c). */
  goal?: LocalizedText;
  description?: LocalizedText;
  status: LocalizedText;
  lifecycle: Lifecycle;
  lead?: string;
  leadNote?: LocalizedText;
  partners: PartnerSeed[];
  actions: ActionSeed[];
}

export interface TargetSeed {
  key: string;
  project: string;
  title: LocalizedText;
  targetValue?: number;
  unit?: LocalizedText;
  baselineValue?: number;
  deadlineOn?: string;
  deadlineLabel?: LocalizedText;
  source: LocalizedText;
}

export interface CriterionSeed {
  letter: 'a' | 'b' | 'c' | 'd' | 'e' | 'f';
  text: LocalizedText;
  assessment: 'data' | 'judgement';
  /** What the criterion checks, from the fixed set (src/domain/criterion-checks.ts); absent in files written before it. */
  check?: CriterionCheck;
}

export interface ProgrammeSeed {
  slug: string;
  name: LocalizedText;
  city: string;
  periodStart: string;
  periodEnd: string;
  mission: LocalizedText;
  themeTokens: Record<string, string>;
  contactEmail?: string;
  organisations: OrganisationSeed[];
  agreement: {
    title: LocalizedText;
    signedOn: string;
    signedPlace: string;
    termYears: number;
    renewalYears: number;
    parties: PartySeed[];
    sections: SectionSeed[];
  };
  bodies: BodySeed[];
  criteria: CriterionSeed[];
  themes: ThemeSeed[];
  projects: ProjectSeed[];
  targets: TargetSeed[];
}
