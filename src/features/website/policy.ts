// Who may do what with the programme's website: pure rules, denied by default. Everyone reads
// what is published; the coordinator (and the administrator) writes, schedules and removes news,
// events and pages, follows their translations, sets the programme's name and colours, and writes
// the privacy statement.
import { coordinates, programmeRule, type Rules } from '../../domain/policy.ts';

export const websiteRules = {
  /** The editor's overview and translation list; drafts and scheduled texts are visible. */
  'website.manage': programmeRule(coordinates),
  /** Write a news item, event or page: as a draft, scheduled or published. */
  'website.edit': programmeRule(coordinates),
  /** Remove a news item, event or page. */
  'website.delete': programmeRule(coordinates),
  /** Set the programme's name and colours (design tokens) and its logo. */
  'theme.edit': programmeRule(coordinates),
  /** Write the programme's privacy statement: controller, contact, retention and what is stored. */
  'privacy.edit': programmeRule(coordinates),
} satisfies Rules;
