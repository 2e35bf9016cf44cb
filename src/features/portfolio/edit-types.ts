// Shapes of the portfolio's form values, shared by commands, parsers and views.
import type { LocalizedText } from '../../domain/localized.ts';
export type { ActionInput, PartnerInput, ProjectInput } from './commands.ts';

export interface JoinFormValues {
  organisationId: string;
  role: 'partner' | 'intended_partner';
  consultedOn: string;
  outcome: 'agreed' | 'objection';
  note: LocalizedText;
}
