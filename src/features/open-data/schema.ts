// What the open-data form takes: one of the licences (./licences.ts).
import { field, Type, type Static } from '../../web/forms.ts';
import { LICENCE_IDS } from './licences.ts';

export const LicenceForm = Type.Object({ licence: field.choice(LICENCE_IDS) });
export type LicenceForm = Static<typeof LicenceForm>;
