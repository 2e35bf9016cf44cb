// DCAT-AP-NL metadata of a programme's open data, as JSON-LD with its context written inline: a
// harvester such as data.overheid.nl reads it without fetching anything. One catalogue with one
// dataset ("the programme's public data") and a distribution per download: the full JSON and a
// CSV per kind of record. Every distribution carries the licence.
import type { LocalizedText } from '../../domain/localized.ts';
import { OPEN_DATA_FORMAT_VERSION } from '../../domain/network-profile.ts';
import { OPEN_DATA_TABLES, type OpenDataTable } from './csv-tables.ts';
import type { Licence } from './licences.ts';

/** The vocabularies used, each by its namespace: the inline context (no remote context). */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  adms: 'http://www.w3.org/ns/adms#',
  overheid: 'http://standaarden.overheid.nl/owms/terms/',
} as const;

const EU = 'http://publications.europa.eu/resource/authority';
const LANGUAGES = { nl: `${EU}/language/NLD`, en: `${EU}/language/ENG` };
/** The government theme (OWMS "overheidsthema") a knowledge-city programme belongs to. */
const THEME = 'http://standaarden.overheid.nl/owms/terms/Onderwijs_en_wetenschap';

const TABLE_TITLES: Record<OpenDataTable, { nl: string; en: string }> = {
  projects: { nl: 'Projecten', en: 'Projects' },
  organisations: { nl: 'Organisaties', en: 'Organisations' },
  targets: { nl: 'Doelen met metingen', en: 'Targets with measurements' },
  decisions: { nl: 'Besluiten', en: 'Decisions' },
  meetings: { nl: 'Vergaderingen', en: 'Meetings' },
};

export interface DcatInput {
  baseUrl: string;
  slug: string;
  name: LocalizedText;
  mission: LocalizedText;
  city: string;
  contactEmail: string | null;
  licence: Licence;
  /** The newest change of the data (ISO instant). */
  modified: string;
  periodStart: string;
  periodEnd: string;
}

const langValues = (text: LocalizedText) => (['nl', 'en'] as const).filter((l) => text[l]).map((l) => ({ '@value': text[l], '@language': l }));
const id = (uri: string) => ({ '@id': uri });

/** Where the downloads live (the page and the files). */
export function openDataUrls(baseUrl: string, slug: string) {
  return {
    dcat: `${baseUrl}/open-data/${slug}/dcat.jsonld`,
    json: `${baseUrl}/api/v1/programmes/${slug}/open-data.json`,
    table: (table: OpenDataTable) => `${baseUrl}/open-data/${slug}/${table}.csv`,
    page: (locale: 'nl' | 'en') => `${baseUrl}/${locale}/${slug}/open-data`,
  };
}

export function dcatDocument(input: DcatInput): Record<string, unknown> {
  const urls = openDataUrls(input.baseUrl, input.slug);
  const publisher = {
    '@id': `${input.baseUrl}/nl/${input.slug}#publisher`,
    '@type': 'foaf:Agent',
    'foaf:name': langValues(input.name),
  };
  const contactPoint = {
    '@type': 'vcard:Organization',
    'vcard:fn': langValues(input.name),
    ...(input.contactEmail ? { 'vcard:hasEmail': id(`mailto:${input.contactEmail}`) } : {}),
    'vcard:hasURL': id(`${input.baseUrl}/nl/${input.slug}/contact`),
  };
  const distribution = (title: { nl: string; en: string }, url: string, mediaType: string, format: string, extra: Record<string, unknown> = {}) => ({
    '@id': url,
    '@type': 'dcat:Distribution',
    'dct:title': langValues(title),
    'dcat:accessURL': id(urls.page('nl')),
    'dcat:downloadURL': id(url),
    'dcat:mediaType': id(`https://www.iana.org/assignments/media-types/${mediaType}`),
    'dct:format': id(`${EU}/file-type/${format}`),
    'dct:license': id(input.licence.uri),
    'dct:language': [id(LANGUAGES.nl), id(LANGUAGES.en)],
    'dct:modified': { '@value': input.modified, '@type': 'xsd:dateTime' },
    ...extra,
  });
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${urls.dcat}#catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': langValues(input.name),
    'dct:description': langValues({ nl: `Open data van ${input.name.nl ?? input.name.en}`, en: `Open data of ${input.name.en ?? input.name.nl}` }),
    'dct:publisher': publisher,
    'dct:license': id(input.licence.uri),
    'dct:language': [id(LANGUAGES.nl), id(LANGUAGES.en)],
    'foaf:homepage': id(urls.page('nl')),
    'dcat:dataset': [
      {
        '@id': `${urls.dcat}#dataset`,
        '@type': 'dcat:Dataset',
        'dct:identifier': `${urls.dcat}#dataset`,
        'dct:title': langValues({ nl: `${input.name.nl ?? input.name.en}: openbare gegevens`, en: `${input.name.en ?? input.name.nl}: public data` }),
        'dct:description': langValues(
          input.mission.nl || input.mission.en
            ? input.mission
            : { nl: 'Projecten, partners, doelen, besluiten en vergaderingen van het programma.', en: 'The programme\'s projects, partners, targets, decisions and meetings.' },
        ),
        'dcat:keyword': [
          { '@value': 'kennisstad', '@language': 'nl' },
          { '@value': input.city, '@language': 'nl' },
          { '@value': 'knowledge city', '@language': 'en' },
        ],
        'dcat:theme': id(THEME),
        'dcat:landingPage': id(urls.page('nl')),
        'dct:publisher': publisher,
        'dcat:contactPoint': contactPoint,
        'dct:license': id(input.licence.uri),
        'dct:accessRights': id(`${EU}/access-right/PUBLIC`),
        'dct:language': [id(LANGUAGES.nl), id(LANGUAGES.en)],
        'dct:spatial': { '@type': 'dct:Location', 'foaf:name': input.city },
        'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': { '@value': input.periodStart, '@type': 'xsd:date' }, 'dcat:endDate': { '@value': input.periodEnd, '@type': 'xsd:date' } },
        'dct:modified': { '@value': input.modified, '@type': 'xsd:dateTime' },
        'adms:status': id('http://purl.org/adms/status/Completed'),
        'dcat:distribution': [
          distribution({ nl: 'Alle openbare gegevens (JSON)', en: 'All public data (JSON)' }, urls.json, 'application/json', 'JSON', {
            'dct:description': langValues({
              nl: `Formaatversie ${OPEN_DATA_FORMAT_VERSION}, beschreven in het OpenAPI-document; met het netwerkprofiel (netwerk van kennissteden) onder "network".`,
              en: `Format version ${OPEN_DATA_FORMAT_VERSION}, described in the OpenAPI document; with the network profile (network of knowledge cities) under "network".`,
            }),
            'dct:conformsTo': id(`${input.baseUrl}/api/v1/openapi.json`),
            'adms:version': OPEN_DATA_FORMAT_VERSION,
          }),
          ...OPEN_DATA_TABLES.map((table) => distribution({ nl: `${TABLE_TITLES[table].nl} (CSV)`, en: `${TABLE_TITLES[table].en} (CSV)` }, urls.table(table), 'text/csv', 'CSV')),
        ],
      },
    ],
  };
}

export { TABLE_TITLES };
