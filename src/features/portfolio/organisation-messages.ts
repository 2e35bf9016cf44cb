// UI texts of the coordinator's organisation edit page.
import { registerMessages } from '../../web/i18n.ts';

registerMessages({
  nl: {
    'organisation.edit.title': '{name} bewerken',
    'organisation.edit.crumb': 'Bewerken',
    'organisation.edit.link': 'Organisatie bewerken',
    'organisation.inviteMember': 'Iemand van deze organisatie uitnodigen',
    'organisation.field.shortName': 'Korte naam',
    'organisation.field.website': 'Website',
    'organisation.field.partOfHint': 'Een faculteit of instituut is onderdeel van zijn universiteit; het telt dan als die partij van de overeenkomst.',
    'organisation.field.partOfNone': '(geen: zelfstandige organisatie)',
    'organisation.error.parentUnknown': 'Deze organisatie hoort niet bij dit programma; kies er een uit de lijst.',
    'organisation.error.parentSelf': 'Een organisatie kan geen onderdeel van zichzelf zijn.',
    'organisation.error.parentCycle': 'De gekozen organisatie is zelf (via andere) onderdeel van deze organisatie; dat zou een kring maken. Kies een andere.',
  },
  en: {
    'organisation.edit.title': 'Edit {name}',
    'organisation.edit.crumb': 'Edit',
    'organisation.edit.link': 'Edit organisation',
    'organisation.inviteMember': 'Invite someone from this organisation',
    'organisation.field.shortName': 'Short name',
    'organisation.field.website': 'Website',
    'organisation.field.partOfHint': 'A faculty or institute is part of its university; it then counts as that party of the agreement.',
    'organisation.field.partOfNone': '(none: independent organisation)',
    'organisation.error.parentUnknown': 'This organisation is not part of this programme; choose one from the list.',
    'organisation.error.parentSelf': 'An organisation cannot be part of itself.',
    'organisation.error.parentCycle': 'The chosen organisation is itself (through others) part of this organisation; that would make a circle. Choose another.',
  },
});
