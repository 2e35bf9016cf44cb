import { registerMessages } from '../../web/i18n.ts';

registerMessages({
  nl: {
    'mail.greeting': 'Beste {name},',
    'mail.footer': 'U ontvangt deze e-mail omdat u een rol heeft in het programma. Afmelden:',
    'mail.overdue': 'over de termijn',
    'mail.reminder.subject': 'Herinnering: acties en voortgang — {programme}',
    'mail.reminder.actions': 'Deze acties van uw project(en) vervallen binnen {days} dagen of zijn over de termijn:',
    'mail.reminder.report': 'Voor project {code} is nog geen voortgangsrapportage over {period} ingediend:',
    'mail.digest.subject': 'Weekoverzicht — {programme}',
    'mail.digest.overdue': 'Over de termijn: {count}',
    'mail.digest.soon': 'Binnen {days} dagen: {count}',
    'mail.digest.missing': 'Ontbrekende voortgangsrapportages over {period}: {count}',
  },
  en: {
    'mail.greeting': 'Dear {name},',
    'mail.footer': 'You receive this e-mail because you have a role in the programme. Unsubscribe:',
    'mail.overdue': 'overdue',
    'mail.reminder.subject': 'Reminder: actions and progress — {programme}',
    'mail.reminder.actions': 'These actions of your project(s) are due within {days} days or overdue:',
    'mail.reminder.report': 'Project {code} has not yet filed a progress report for {period}:',
    'mail.digest.subject': 'Weekly digest — {programme}',
    'mail.digest.overdue': 'Overdue: {count}',
    'mail.digest.soon': 'Due within {days} days: {count}',
    'mail.digest.missing': 'Missing progress reports for {period}: {count}',
  },
});
