// Rescheduling and cancelling a meeting on its page, and the forms that open on demand.
import { registerMessages } from '../../web/i18n.ts';

registerMessages({
  nl: {
    'meetings.schedule.title': 'Wanneer en waar',
    'meetings.reschedule.title': 'Vergadering verzetten',
    'meetings.reschedule.submit': 'Nieuwe tijd en plaats opslaan',
    'meetings.reschedule.invited':
      'De leden hebben al een uitnodiging ontvangen. Na het verzetten vraagt de pagina u de leden de wijziging te sturen (knop ‘Wijziging versturen’ bij Uitnodigingen): hun agenda werkt de afspraak dan bij.',
    'meetings.reschedule.notInvited': 'Er zijn nog geen uitnodigingen verstuurd: de nieuwe tijd staat in de uitnodiging die u later verstuurt.',
    'meetings.reschedule.notPlanned': 'Alleen een geplande vergadering kan worden verzet.',
    'meetings.reschedule.stale': 'Iemand anders heeft deze vergadering intussen gewijzigd. Bekijk de gegevens hierboven en sla uw wijziging opnieuw op; wat u invulde staat nog in het formulier.',
    'meetings.cancel.title': 'Vergadering annuleren',
    'meetings.cancel.reason': 'Reden van annuleren',
    'meetings.cancel.next': 'Verder naar bevestigen',
    'meetings.cancel.submit': 'Vergadering annuleren',
    'meetings.cancel.invited': 'De leden hebben al een uitnodiging ontvangen. Na het annuleren stuurt u hen de annulering (knop ‘Wijziging versturen’ bij Uitnodigingen): hun agenda haalt de afspraak dan weg.',
    'meetings.cancel.notInvited': 'Er zijn nog geen uitnodigingen verstuurd.',
    'meetings.cancel.notPlanned': 'Alleen een geplande vergadering kan worden geannuleerd.',
    'meetings.cancel.useForm': 'Annuleren gaat met het formulier ‘Vergadering annuleren’: daar geeft u een reden op en bevestigt u het.',
    'meetings.cancel.confirmTitle': 'Vergadering annuleren: {title}?',
    'meetings.cancel.effect': 'De vergadering gaat niet door: er kunnen geen aanwezigheid, besluiten of notulen meer voor worden vastgelegd.',
    'meetings.minutes.shapeHint': 'Een witregel begint een nieuwe alinea; regels die beginnen met ‘- ’ of ‘* ’ worden een opsomming, regels met ‘1. ’ een genummerde lijst.',
  },
  en: {
    'meetings.schedule.title': 'When and where',
    'meetings.reschedule.title': 'Reschedule the meeting',
    'meetings.reschedule.submit': 'Save the new time and place',
    'meetings.reschedule.invited':
      'The members have received an invitation. After rescheduling, the page asks you to send them the update (the ‘Send the update’ button under Invitations): their calendars then change the entry.',
    'meetings.reschedule.notInvited': 'No invitations have been sent yet: the new time will be in the invitation you send later.',
    'meetings.reschedule.notPlanned': 'Only a planned meeting can be rescheduled.',
    'meetings.reschedule.stale': 'Someone else changed this meeting meanwhile. Check the details above and save your change again; what you entered is still in the form.',
    'meetings.cancel.title': 'Cancel the meeting',
    'meetings.cancel.reason': 'Reason for cancelling',
    'meetings.cancel.next': 'Continue to confirm',
    'meetings.cancel.submit': 'Cancel the meeting',
    'meetings.cancel.invited': 'The members have received an invitation. After cancelling, send them the cancellation (the ‘Send the update’ button under Invitations): their calendars then remove the entry.',
    'meetings.cancel.notInvited': 'No invitations have been sent yet.',
    'meetings.cancel.notPlanned': 'Only a planned meeting can be cancelled.',
    'meetings.cancel.useForm': 'Cancelling goes through the ‘Cancel the meeting’ form: give a reason there and confirm it.',
    'meetings.cancel.confirmTitle': 'Cancel the meeting: {title}?',
    'meetings.cancel.effect': 'The meeting will not take place: no attendance, decisions or minutes can be recorded for it.',
    'meetings.minutes.shapeHint': 'A blank line starts a new paragraph; lines starting with ‘- ’ or ‘* ’ become a bulleted list, lines starting with ‘1. ’ a numbered list.',
  },
});
