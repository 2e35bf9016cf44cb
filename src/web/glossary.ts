// One term per concept across the interface, in both languages: the term the interface uses, and
// the variants it must not use (they name the same thing differently, or are a shortcut such as a
// "(en)" plural). src/web/glossary.test.ts checks every message against it. The agreement's own
// quotations are messages too, so a variant the agreement itself uses is not listed as forbidden.
import type { Locale } from '../domain/localized.ts';

export interface GlossaryEntry {
  concept: string;
  term: Record<Locale, string>;
  forbidden: Record<Locale, RegExp[]>;
}

export const GLOSSARY: GlossaryEntry[] = [
  {
    concept: 'the steering group\'s executive level (the agreement: "bestuurlijk")',
    term: { nl: 'bestuurlijk', en: 'executive' },
    forbidden: { nl: [/\buitvoerend\b/i], en: [/\bboard level\b/i] },
  },
  {
    concept: 'the steering group\'s support level (the agreement: "ambtelijke steun")',
    term: { nl: 'ambtelijk', en: 'support' },
    forbidden: { nl: [/\bondersteunend niveau\b/i], en: [/\bcivil[- ]service level\b/i] },
  },
  {
    concept: 'the steering group (the agreement: "stuurgroep")',
    term: { nl: 'stuurgroep', en: 'steering group' },
    forbidden: { nl: [/\bstuurcommissie\b/i], en: [/\bsteering committee\b/i] },
  },
  {
    concept: 'the lead of a project (the agreement: "trekker")',
    term: { nl: 'trekker', en: 'lead' },
    forbidden: { nl: [/\bprojectleider/i], en: [/\bproject leader\b/i, /\bpuller\b/i] },
  },
  {
    concept: 'the annual agenda (the agreement: "jaaragenda")',
    term: { nl: 'jaaragenda', en: 'annual agenda' },
    forbidden: { nl: [/\bjaarplan\b/i], en: [/\byearly agenda\b/i, /\bannual plan\b/i] },
  },
  {
    concept: 'the knowledge fund (the agreement: "kennisfonds")',
    term: { nl: 'kennisfonds', en: 'knowledge fund' },
    forbidden: { nl: [/\bkennispot\b/i], en: [/\bknowledge pool\b/i] },
  },
  {
    concept: 'the coordinator/secretary (the agreement: "coördinator/secretaris")',
    term: { nl: 'coördinator', en: 'coordinator' },
    forbidden: { nl: [/\bcoordinator\b/i], en: [/\bco-ordinator\b/i] },
  },
  {
    concept: 'a plural written as a shortcut instead of a sentence that counts',
    term: { nl: '', en: '' },
    forbidden: { nl: [/[a-z]\((e?n|s)\)/i], en: [/[a-z]\((e?s)\)/i] },
  },
];
