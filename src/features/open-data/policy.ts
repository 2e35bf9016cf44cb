// Who may do what with the open-data publication: everyone reads it; the coordinator (and the
// administrator) chooses its licence.
import { coordinates, programmeRule, type Rules } from '../../domain/policy.ts';

export const openDataRules = {
  /** Choose the licence the programme's open data is published under. */
  'openData.licence': programmeRule(coordinates),
} satisfies Rules;
