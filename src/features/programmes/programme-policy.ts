// Who may start a programme: an administrator of the installation, which today means an
// administrator of a programme in it (roles are per programme). The creator becomes the new
// programme's administrator and appoints its coordinator there (invitations).
import { hasRole, programmeRule, type Rules } from '../../domain/policy.ts';

export const programmesRules = {
  /** Create a new programme from the interface. */
  'programme.create': programmeRule((actor) => hasRole(actor, 'admin')),
} satisfies Rules;
