// Who may do what with the network of knowledge cities: everyone reads the network page; the
// coordinator (and the administrator) chooses what the programme follows.
import { coordinates, programmeRule, type Rules } from '../../domain/policy.ts';

export const cityNetworkRules = {
  /** Follow or stop following programmes and installations, and ask a source again now. */
  'network.manage': programmeRule(coordinates),
} satisfies Rules;
