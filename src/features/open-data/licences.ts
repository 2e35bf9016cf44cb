// The licences a programme can put its open data under. CC0 is the default: what the Dutch
// government publishes open data under (data.overheid.nl, "open, tenzij"). The URIs are the ones
// data.overheid.nl's DCAT-AP-NL licence list uses, so a harvester recognises them.
export const LICENCES = [
  { id: 'cc0', uri: 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl', name: 'CC0 1.0' },
  { id: 'cc-by', uri: 'http://creativecommons.org/licenses/by/4.0/deed.nl', name: 'CC BY 4.0' },
  { id: 'public-domain', uri: 'http://creativecommons.org/publicdomain/mark/1.0/deed.nl', name: 'Public Domain Mark 1.0' },
] as const;

export type LicenceId = (typeof LICENCES)[number]['id'];
export type Licence = (typeof LICENCES)[number];

export const DEFAULT_LICENCE: LicenceId = 'cc0';
export const LICENCE_IDS = LICENCES.map((l) => l.id) as LicenceId[];

/** The licence for a stored setting; an unknown value (a removed licence) reads as the default. */
export function licenceOf(id: string | null | undefined): Licence {
  return LICENCES.find((l) => l.id === id) ?? LICENCES[0];
}
