// Example website content for the Leiden programme, suggested by the agreement's own text: its
// signing, the summer schools kick-off the municipality promised for autumn 2017, and the
// examples of "Kennis als leisure en education" (2f): the Nacht van Kunst en Kennis and science cafés.
// The wording, dates and places are not the agreement's, so every item is flagged as an example
// (labelled "voorbeeld / example" on the site) until the coordinator edits it.
import { registerSeedExtension } from '../../seed/load.ts';
import { events, newsItems, pages } from './tables.ts';

const at = (iso: string) => new Date(iso);
const both = (iso: string) => ({ nl: iso, en: iso });

type Row<T extends { $inferInsert: object }> = Omit<T['$inferInsert'], 'programmeId'>;

export const exampleNews: Row<typeof newsItems>[] = [
  {
    slug: 'convenant-ondertekend',
    title: { nl: 'Convenant Leiden Kennisstad ondertekend', en: 'Leiden Knowledge City agreement signed' },
    summary: {
      nl: 'Gemeente, universiteit, LUMC en hogeschool werken vijf jaar samen aan Leiden Kennisstad.',
      en: 'The municipality, the university, LUMC and the university of applied sciences work together on Leiden Knowledge City for five years.',
    },
    body: {
      nl: 'Op 7 juli 2017 is in Leiden het convenant **Leiden Kennisstad** ondertekend.\n\nDe partijen leggen daarin vast hoe zij samenwerken aan de thema’s van het programma, met een stuurgroep, een ambtelijke ondersteuning en een coördinator.',
      en: 'On 7 July 2017 the **Leiden Knowledge City** agreement was signed in Leiden.\n\nIn it the parties set out how they work together on the programme’s themes, with a steering group, official support and a coordinator.',
    },
    status: 'published',
    publishAt: at('2017-07-07T12:00:00Z'),
    languageUpdatedAt: both('2017-07-07T12:00:00.000Z'),
  },
  {
    slug: 'plan-kennis-als-leisure',
    title: { nl: 'Plan van aanpak “Kennis als leisure en education”', en: 'Plan for “Knowledge as leisure and education”' },
    summary: {
      nl: 'De gemeente stelt met de partijen een plan op en legt het in het najaar van 2017 aan de stuurgroep voor.',
      en: 'The municipality draws up a plan with the parties and presents it to the steering group in autumn 2017.',
    },
    body: {
      nl: 'Musea, bibliotheken, de faculteit Geesteswetenschappen en partners als BplusC en Studium Generale brengen kennis naar de stad: denk aan de Nacht van Kunst en Kennis, weekendklassen en sciencecafés.',
      en: 'Museums, libraries, the Faculty of Humanities and partners such as BplusC and Studium Generale bring knowledge to the city: think of the Night of Art and Knowledge, weekend classes and science cafés.',
    },
    status: 'published',
    publishAt: at('2017-09-01T08:00:00Z'),
    languageUpdatedAt: both('2017-09-01T08:00:00.000Z'),
  },
];

export const exampleEvents: Row<typeof events>[] = [
  {
    slug: 'kick-off-summerschools',
    title: { nl: 'Kick-off Summerschools in Leiden', en: 'Summer schools in Leiden: kick-off' },
    summary: {
      nl: 'De gemeente organiseert een kick-off voor meer samenhang in de Leidse summerschools (project 3d).',
      en: 'The municipality holds a kick-off for more coherence among Leiden’s summer schools (project 3d).',
    },
    body: {
      nl: 'Summerschools zijn een belangrijk middel voor de internationale profilering van de kennisinstellingen en een kennismaking met de stad voor toekomstige internationale studenten.',
      en: 'Summer schools are an important means of international profiling for the knowledge institutions, and an introduction to the city for future international students.',
    },
    location: { nl: 'Stadhuis Leiden', en: 'Leiden City Hall' },
    startsAt: at('2017-10-12T14:00:00Z'),
    endsAt: at('2017-10-12T16:30:00Z'),
    status: 'published',
    publishAt: at('2017-09-15T08:00:00Z'),
    languageUpdatedAt: both('2017-09-15T08:00:00.000Z'),
  },
  {
    slug: 'nacht-van-kunst-en-kennis',
    title: { nl: 'Nacht van Kunst en Kennis', en: 'Night of Art and Knowledge' },
    summary: {
      nl: 'Een avond lang kunst, wetenschap en erfgoed op bijzondere plekken in de binnenstad.',
      en: 'An evening of art, science and heritage at special places in the city centre.',
    },
    body: {
      nl: 'Genoemd in het convenant als voorbeeld van **kennis als leisure en education** (2f).',
      en: 'Named in the agreement as an example of **knowledge as leisure and education** (2f).',
    },
    location: { nl: 'Binnenstad Leiden', en: 'Leiden city centre' },
    startsAt: at('2017-09-02T17:00:00Z'),
    endsAt: at('2017-09-02T22:00:00Z'),
    status: 'published',
    publishAt: at('2017-08-01T08:00:00Z'),
    languageUpdatedAt: both('2017-08-01T08:00:00.000Z'),
  },
  {
    slug: 'sciencecafe',
    title: { nl: 'Sciencecafé', en: 'Science café' },
    summary: {
      nl: 'Onderzoekers vertellen in een café over hun werk en gaan in gesprek met het publiek.',
      en: 'Researchers talk about their work in a café and discuss it with the audience.',
    },
    body: {
      nl: 'Docenten en hoogleraren dragen bij aan sciencecafés, zoals het convenant noemt bij thema 2f.',
      en: 'Lecturers and professors contribute to science cafés, as the agreement mentions under theme 2f.',
    },
    location: { nl: 'Leiden', en: 'Leiden' },
    startsAt: at('2017-11-14T19:00:00Z'),
    endsAt: at('2017-11-14T21:00:00Z'),
    status: 'published',
    publishAt: at('2017-10-01T08:00:00Z'),
    languageUpdatedAt: both('2017-10-01T08:00:00.000Z'),
  },
];

export const examplePages: Row<typeof pages>[] = [
  {
    slug: 'over',
    title: { nl: 'Over Leiden Kennisstad', en: 'About Leiden Knowledge City' },
    summary: {
      nl: 'Een herkenbare website voor het programma: gepubliceerde afspraken, nieuws en activiteiten.',
      en: 'A recognisable website for the programme: published agreements, news and events.',
    },
    body: {
      nl: 'Het convenant vraagt om een herkenbare website, het publiceren van de afspraken, gezamenlijke branding van stad en instellingen op internationaal niveau en meertalige communicatie door de gemeente.\n\nOp deze site vindt u de thema’s, projecten en partners van het programma, het nieuws en de agenda.',
      en: 'The agreement asks for a recognisable website, publication of the agreements, joint branding of the city and the institutions at international level and multilingual communication by the municipality.\n\nOn this site you find the programme’s themes, projects and partners, its news and its events.',
    },
    status: 'published',
    publishAt: at('2017-07-07T12:00:00Z'),
    languageUpdatedAt: both('2017-07-07T12:00:00.000Z'),
  },
];

registerSeedExtension('website', async (tx, { programmeId, seed }) => {
  if (seed.slug !== 'leiden') return;
  const flagged = <T extends object>(rows: T[]) => rows.map((row) => ({ ...row, programmeId, example: true }));
  await tx.insert(newsItems).values(flagged(exampleNews));
  await tx.insert(events).values(flagged(exampleEvents));
  await tx.insert(pages).values(flagged(examplePages));
});
