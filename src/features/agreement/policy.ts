// Who may do what with the agreement: pure rules, denied by default. The text, its versions and
// adopted amendments are public. A party speaks through the representatives the coordinator
// appoints: they propose amendments (text changes and renewals) and give or withdraw their party's
// answer; pending proposals exist only for them and the coordinator, and either may adopt one that
// every party consented to (the command checks the consents).
//
// The rules that depend on representation are record rules answered by the route or command once
// it knows which parties the actor represents; they are open to anonymous visitors so that the
// answer is the record's (404: a pending proposal does not exist for them), not a sign-in page.
import { coordinates, inProgramme, programmeRule, publicRecordRule, type Actor, type Rules } from '../../domain/policy.ts';

/** The actor's standing under the agreement of one programme. */
export interface AgreementStanding {
  programmeId: string;
  /** The parties the actor is an appointed representative of. */
  representedPartyIds: string[];
}

/** Speaking for one party (proposing, answering). */
export interface PartyStanding extends AgreementStanding {
  partyId: string;
}

export interface AmendmentRef extends AgreementStanding {
  adopted: boolean;
}

/** The coordinator of this programme (and the administrator). */
export const coordinatesAgreement = (actor: Actor | null, standing: Pick<AgreementStanding, 'programmeId'>) => !!actor && inProgramme(actor, standing.programmeId) && coordinates(actor);

const represents = (actor: Actor | null, standing: AgreementStanding) => !!actor && inProgramme(actor, standing.programmeId) && standing.representedPartyIds.length > 0;

/** The parties' representatives and the coordinator follow proposals before they are adopted. */
const insider = (actor: Actor | null, standing: AgreementStanding) => coordinatesAgreement(actor, standing) || represents(actor, standing);

export const agreementRules = {
  /** See pending proposals in the agreement's lists. */
  'agreement.viewPending': publicRecordRule<AgreementStanding>(insider),
  /** Open one amendment: an adopted one is public, a pending one only for insiders. */
  'amendment.view': publicRecordRule<AmendmentRef>((actor, amendment) => amendment.adopted || insider(actor, amendment)),
  /** Propose a text change or a renewal: a representative, on behalf of a party they represent. */
  'amendment.propose': publicRecordRule<AgreementStanding | PartyStanding>(
    (actor, standing) => represents(actor, standing) && (!('partyId' in standing) || standing.representedPartyIds.includes(standing.partyId)),
  ),
  /** Give a party's answer (consent or objection) to a pending proposal. */
  'amendment.consent': publicRecordRule<PartyStanding>((actor, standing) => represents(actor, standing) && standing.representedPartyIds.includes(standing.partyId)),
  /** Withdraw a party's answer while the proposal is pending. */
  'amendment.withdrawAnswer': publicRecordRule<PartyStanding>((actor, standing) => represents(actor, standing) && standing.representedPartyIds.includes(standing.partyId)),
  /** Adopt a proposal every party consented to: the coordinator or any party's representative. */
  'amendment.adopt': publicRecordRule<AgreementStanding>(insider),
  /** Appoint and remove the representatives who speak for the parties. */
  'agreement.manageRepresentatives': programmeRule(coordinates),
} satisfies Rules;
