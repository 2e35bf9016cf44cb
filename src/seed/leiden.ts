// The default programme: "Programma Leiden Kennisstad", cooperation agreement 2017-2021, signed
// in Leiden on 7 July 2017 by Leiden University, LUMC, Leiden University of Applied Sciences and
// the Municipality of Leiden, with its annex "Agenda 2017-2018" (items 1a-4d and 5).
// Dutch is the text of the agreement as written (PDF hyphenation undone); English is a translation.
import type { LocalizedText } from '../domain/localized.ts';
import type { ActionSeed, OrganisationSeed, PartnerSeed, ProgrammeSeed, ProjectSeed, TargetSeed } from './types.ts';

const t = (nl: string, en: string): LocalizedText => ({ nl, en });
/** Paragraphs separated by a blank line. */
const paras = (...xs: string[]): string => xs.join('\n\n');
/** Lines of one paragraph (e.g. a list). */
const lines = (...xs: string[]): string => xs.join('\n');

const AUTUMN_2017 = { dueOn: '2017-11-30', dueLabel: t('najaar van 2017', 'autumn 2017') } as const;
const Q1_2018 = { dueOn: '2018-03-31', dueLabel: t('eerste kwartaal 2018', 'first quarter of 2018') } as const;
const BEFORE_NOV_2017 = {
  dueOn: '2017-10-31',
  dueLabel: t('voor 1 november 2017', 'before 1 November 2017'),
} as const;

const source = (item: string): LocalizedText =>
  t(`Samenwerkingsovereenkomst 2017-2021, bijlage 1, ${item}`, `Cooperation agreement 2017-2021, annex 1, ${item}`);

const lead = (organisation: string, note?: LocalizedText): PartnerSeed =>
  note ? { organisation, role: 'lead', note } : { organisation, role: 'lead' };
const partner = (organisation: string, note?: LocalizedText): PartnerSeed =>
  note
    ? { organisation, role: 'partner', declaredInterest: true, note }
    : { organisation, role: 'partner', declaredInterest: true };
/** "Overige partners" without "(beoogd)": partners, with no declared interest the text does not state. */
const other = (organisation: string): PartnerSeed => ({ organisation, role: 'partner', declaredInterest: false });
const intended = (organisation: string, note?: LocalizedText): PartnerSeed =>
  note ? { organisation, role: 'intended_partner', note } : { organisation, role: 'intended_partner' };
const action = (description: LocalizedText, extra: Omit<ActionSeed, 'description' | 'state'> = {}): ActionSeed => ({
  description,
  ...extra,
  state: 'open',
});

// ---------------------------------------------------------------------------------------------
// Organisations: every organisation the text names, once.

const organisations: OrganisationSeed[] = [
  // The four parties.
  { slug: 'gemeente-leiden', name: t('Gemeente Leiden', 'Municipality of Leiden'), kind: 'municipality' },
  { slug: 'universiteit-leiden', name: t('Universiteit Leiden', 'Leiden University'), kind: 'university' },
  {
    slug: 'lumc',
    name: t('Leids Universitair Medisch Centrum', 'Leiden University Medical Center'),
    shortName: 'LUMC',
    kind: 'medical_centre',
  },
  {
    slug: 'hogeschool-leiden',
    name: t('Hogeschool Leiden', 'Leiden University of Applied Sciences'),
    kind: 'applied_sciences',
  },

  // Faculties, institutes and other units of the parties.
  {
    slug: 'iclon',
    name: t('ICLON', 'ICLON (Leiden University Graduate School of Teaching)'),
    shortName: 'ICLON',
    kind: 'faculty',
    parent: 'universiteit-leiden',
  },
  {
    slug: 'faculteit-sociale-wetenschappen',
    name: t('Faculteit Sociale Wetenschappen', 'Faculty of Social and Behavioural Sciences'),
    shortName: 'FSW',
    kind: 'faculty',
    parent: 'universiteit-leiden',
  },
  {
    slug: 'lubec',
    name: t('Leids Expertise- en Behandelcentrum (LUBEC)', 'Leiden Expertise and Treatment Centre (LUBEC)'),
    shortName: 'LUBEC',
    kind: 'faculty',
    parent: 'faculteit-sociale-wetenschappen',
  },
  {
    slug: 'politieke-wetenschap',
    name: t('Politieke Wetenschap', 'Political Science'),
    kind: 'faculty',
    parent: 'faculteit-sociale-wetenschappen',
  },
  {
    slug: 'culturele-antropologie',
    name: t('Instituut Culturele Antropologie', 'Institute of Cultural Anthropology'),
    kind: 'faculty',
    parent: 'faculteit-sociale-wetenschappen',
  },
  {
    slug: 'cml',
    name: t('Centrum voor Milieuwetenschappen (CML)', 'Institute of Environmental Sciences (CML)'),
    shortName: 'CML',
    kind: 'faculty',
    parent: 'universiteit-leiden',
  },
  {
    slug: 'faculteit-geesteswetenschappen',
    name: t('Faculteit Geesteswetenschappen', 'Faculty of Humanities'),
    kind: 'faculty',
    parent: 'universiteit-leiden',
  },
  {
    slug: 'faculteit-rechtsgeleerdheid',
    name: t('Faculteit der Rechtsgeleerdheid', 'Faculty of Law'),
    kind: 'faculty',
    parent: 'universiteit-leiden',
  },
  {
    slug: 'faculteit-wiskunde-en-natuurwetenschappen',
    name: t('Faculteit Wiskunde en Natuurwetenschappen', 'Faculty of Science'),
    kind: 'faculty',
    parent: 'universiteit-leiden',
  },
  {
    slug: 'alfa-gamma-faculteiten',
    name: t(
      'Alfa-gamma faculteiten in universiteit',
      'Humanities and social science faculties of Leiden University',
    ),
    kind: 'faculty',
    parent: 'universiteit-leiden',
  },
  {
    slug: 'parlementair-documentatie-centrum',
    name: t('Parlementair Documentatie Centrum', 'Parliamentary Documentation Centre'),
    shortName: 'PDC',
    kind: 'faculty',
    parent: 'universiteit-leiden',
  },
  {
    slug: 'africa-study-center',
    name: t('Africa Study Center', 'African Studies Centre Leiden'),
    kind: 'faculty',
    parent: 'universiteit-leiden',
  },
  {
    slug: 'studium-generale',
    name: t('Studium Generale', 'Studium Generale'),
    kind: 'other',
    parent: 'universiteit-leiden',
  },
  {
    slug: 'hogeschool-leiden-faculteit-educatie',
    name: t('Hogeschool Leiden (faculteit Educatie)', 'Leiden University of Applied Sciences, Faculty of Education'),
    kind: 'faculty',
    parent: 'hogeschool-leiden',
  },
  {
    slug: 'hogeschool-leiden-cluster-techniek',
    name: t('Hogeschool Leiden (cluster Techniek)', 'Leiden University of Applied Sciences, Technology cluster'),
    kind: 'faculty',
    parent: 'hogeschool-leiden',
  },

  // Housing.
  { slug: 'de-sleutels', name: t('Woningbouwcorporatie De Sleutels', 'De Sleutels housing corporation'), kind: 'housing' },
  { slug: 'duwo', name: t('DUWO', 'DUWO'), kind: 'housing' },
  { slug: 'bres', name: t('BRES', 'BRES'), kind: 'housing' },
  { slug: 'pkvv', name: t('PkvV', 'PkvV'), kind: 'housing' },
  {
    slug: 'taskforce-studentenhuisvesting',
    name: t('Taskforce Studentenhuisvesting', 'Student Housing Taskforce'),
    kind: 'network',
  },
  { slug: 'kences', name: t('KENCES', 'KENCES'), kind: 'association' },
  { slug: 'abf', name: t('ABF', 'ABF'), kind: 'company' },

  // Government and regional economy.
  { slug: 'provincie-zuid-holland', name: t('Provincie Zuid-Holland', 'Province of South Holland'), kind: 'government' },
  {
    slug: 'mrdh',
    name: t('Metropoolregio Rotterdam Den Haag (MRDH)', 'Rotterdam The Hague Metropolitan Area (MRDH)'),
    shortName: 'MRDH',
    kind: 'government',
  },
  {
    slug: 'epz',
    name: t('Economische Programmaraad Zuidvleugel (EPZ)', 'Economic Programme Council South Wing (EPZ)'),
    shortName: 'EPZ',
    kind: 'network',
  },
  { slug: 'gemeente-den-haag', name: t('Gemeente Den Haag', 'Municipality of The Hague'), kind: 'municipality' },
  { slug: 'haags-congresbureau', name: t('Haags Congresbureau', 'The Hague Convention Bureau'), kind: 'other' },
  { slug: 'economie-071', name: t('Economie 071', 'Economie 071'), kind: 'network' },
  {
    slug: 'netwerk-kennissteden-nederland',
    name: t('Netwerk Kennissteden Nederland', 'Knowledge Cities Network of the Netherlands'),
    kind: 'network',
  },

  // Business.
  {
    slug: 'lbsp',
    name: t('Ondernemersvereniging LBSP', 'Leiden Bio Science Park business association (LBSP)'),
    shortName: 'LBSP',
    kind: 'association',
  },
  { slug: 'hubspot', name: t('HUBspot', 'HUBspot'), kind: 'company' },
  { slug: 'yes-delft', name: t('Yes!Delft', 'Yes!Delft'), kind: 'company' },
  { slug: 'bedrijfsleven', name: t('Bedrijfsleven', 'Business community'), kind: 'company' },
  { slug: 'leiden-marketing', name: t('Leiden Marketing', 'Leiden Marketing'), kind: 'other' },
  { slug: 'expat-centre-leiden', name: t('Expat Centre Leiden', 'Expat Centre Leiden'), kind: 'other' },

  // Education.
  { slug: 'rocs', name: t('ROC’s', 'Regional vocational colleges (ROCs)'), kind: 'school' },
  { slug: 'lis', name: t('LiS', 'LiS'), shortName: 'LiS', kind: 'school' },
  { slug: 'technolab', name: t('Technolab', 'Technolab'), kind: 'other' },
  {
    slug: 'da-vinci-college-kagerstraat',
    name: t('Da Vinci College Kagerstraat', 'Da Vinci College Kagerstraat'),
    kind: 'school',
  },
  { slug: 'vo-scholen', name: t('VO scholen', 'Secondary schools'), kind: 'school' },
  { slug: 'beta-steunpunt-zh', name: t('Bèta steunpunt ZH', 'Science Support Centre South Holland'), kind: 'network' },
  { slug: 'haagse-hogeschool', name: t('Haagse Hogeschool', 'The Hague University of Applied Sciences'), kind: 'applied_sciences' },
  { slug: 'hovo', name: t('HOVO', 'HOVO (higher education for older adults)'), kind: 'school' },
  {
    slug: 'lde-center-for-sustainability',
    name: t('LDE Center for Sustainability', 'LDE Centre for Sustainability'),
    kind: 'network',
  },

  // Culture.
  { slug: 'leiden-global', name: t('Leiden Global', 'Leiden Global'), kind: 'network' },
  { slug: 'musea', name: t('Musea', 'Museums'), kind: 'cultural' },
  { slug: 'elo', name: t('ELO', 'ELO'), shortName: 'ELO', kind: 'cultural' },
  { slug: 'bplusc', name: t('BplusC', 'BplusC'), kind: 'cultural' },
  { slug: 'taalmuseum', name: t('Taalmuseum', 'Language Museum (Taalmuseum)'), kind: 'cultural' },
  { slug: 'naturalis', name: t('Naturalis', 'Naturalis'), kind: 'cultural' },
  { slug: 'museum-boerhaave', name: t('Museum Boerhaave', 'Museum Boerhaave'), kind: 'cultural' },

  // Care and welfare.
  { slug: 'zorginstellingen', name: t('Zorginstellingen', 'Care institutions'), kind: 'healthcare' },
  { slug: 'libertas', name: t('Libertas', 'Libertas'), kind: 'healthcare' },
  { slug: 'wijkteams', name: t('Wijkteams', 'Neighbourhood teams'), kind: 'healthcare' },
];

// ---------------------------------------------------------------------------------------------
// The text of the agreement, section by section.

const introduction = {
  nl: paras(
    'Deze overeenkomst tussen de gemeente Leiden en de kennispartners Universiteit Leiden, Leids Universitair Medisch Centrum en Hogeschool Leiden vormt de basis onder de versterking van de onderlinge samenwerking.',
    'Leiden is de stad van ontdekkingen. De toekomst van de universiteitsstad gesitueerd in het hart van Holland, krijgt vorm op basis van de pijlers Internationale Kennis en Historische Cultuur. De kennisinstellingen, de innovatieve bedrijven, de stad en de regio koesteren elkaar waarbij de inzet gericht is op de volle ontplooiing van alfa-, bèta-, gamma-onderzoek, onderwijs en mogelijke cross-overs, dwars door alle disciplines / niveaus.',
    'Onze gemeenschappelijke ambitie is erop gericht samen op te trekken om de duurzame positie in de top van Europese kennisregio’s te versterken. Dit is in het voordeel van zowel de kennisinstellingen, het bedrijfsleven, de stad, de regio en de inwoners. Want naast successen op economisch en technologisch gebied scoren kennissteden ook goed op maatschappelijk relevante gebieden als duurzaamheid, veiligheid, gezondheid en welzijn.',
    'Samen verantwoordelijkheid nemen',
    'De ontwikkeling van Leiden Kennisstad wordt sinds 2012 versterkt met een programmastructuur. De centrale doelstelling achter dit programma is dat kennisinstellingen optimaal kunnen floreren in Leiden, wat direct positieve effecten genereert voor de stad en haar inwoners. De verdere ontwikkeling tot kennisstad krijgt gestalte door dwarsverbanden te bevorderen tussen kennisinstellingen, studenten, bedrijven, de stad, de regio en haar inwoners. Hiermee beogen we onderwijs en onderzoek nog sterker te maken in onze kennisstad Leiden',
    'Voor de nagestreefde intensivering besluiten de partners van deze samenwerkingsovereenkomst om deze te focussen op vier hoofdthema’s. Deze zijn:',
  ),
  en: paras(
    'This agreement between the Municipality of Leiden and its knowledge partners Leiden University, Leiden University Medical Center and Leiden University of Applied Sciences forms the basis for strengthening their mutual cooperation.',
    'Leiden is the City of Discoveries. The future of this university city in the heart of Holland is being shaped on the pillars of International Knowledge and Historic Culture. The knowledge institutions, the innovative businesses, the city and the region look after one another, with their efforts aimed at the full development of research in the humanities, the natural sciences and the social sciences, of education, and of possible cross-overs across all disciplines and levels.',
    'Our shared ambition is to join forces to strengthen our lasting position among the leading knowledge regions of Europe. This benefits the knowledge institutions, the business community, the city, the region and its residents alike. For besides their economic and technological successes, knowledge cities also score well in socially relevant areas such as sustainability, safety, health and well-being.',
    'Taking responsibility together',
    'Since 2012 the development of Leiden Knowledge City has been reinforced by a programme structure. The central objective of this programme is that knowledge institutions can flourish to the full in Leiden, which directly benefits the city and its residents. The further development into a knowledge city takes shape by fostering links between knowledge institutions, students, businesses, the city, the region and its residents. In this way we aim to make education and research in our knowledge city of Leiden stronger still.',
    'To achieve the intensification they seek, the partners to this cooperation agreement have decided to focus it on four main themes. These are:',
  ),
};

const theme1Description = t(
  paras(
    'De samenwerking tussen kennisinstellingen, bedrijfsleven en de gemeente heeft de afgelopen decennia geleid tot een bundeling van krachten op het Bio Science Park. Naast de bedrijven en onderzoekinstellingen in de ‘rode’ bioscience en medicijnontwikkeling, zijn de bèta-campus van de Universiteit, de faculteit Sociale Wetenschappen en Hogeschool Leiden belangrijke hotspots binnen deze campus. Inmiddels vormen de banen hier bijna een derde van de werkgelegenheid in de stad.',
    'Dit levert het bewijs van de kracht van campusontwikkeling. Door de partijen zowel fysiek als programmatisch bij elkaar te brengen, wordt de aantrekkingskracht op talent en bedrijvigheid vergroot. Huisvesting voor studenten en medewerkers is hierbij van belang en krijgt daarbij vorm binnen dit thema.',
  ),
  paras(
    'Over the past decades, cooperation between the knowledge institutions, the business community and the municipality has brought forces together at the Bio Science Park. Besides the companies and research institutions in ‘red’ (medical) bioscience and drug development, the University’s science campus, the Faculty of Social and Behavioural Sciences and Leiden University of Applied Sciences are important hotspots on this campus. The jobs here now account for almost a third of all employment in the city.',
    'This proves the strength of campus development. Bringing the parties together, both physically and in their programmes, makes the area more attractive to talent and business. Housing for students and staff matters here and is given shape within this theme.',
  ),
);

const mandela = t(
  '“Education is the most powerful weapon which you can use to change the world.” – Nelson Mandela – advocaat, activist, president van Zuid Afrika, Nobelprijswinnaar en eredoctor Universiteit Leiden',
  '“Education is the most powerful weapon which you can use to change the world.” – Nelson Mandela, lawyer, activist, President of South Africa, Nobel Prize laureate and honorary doctor of Leiden University',
);

const theme2Description = t(
  'De voortrekkersrol van de Leidse kennisinstellingen op het gebied van onderwijs en onderzoek en het kunnen benutten van de cross-overs daartussen, bieden veel kansen. Aanwezige expertise en ervaring zal o.a. via de City Deal ‘Kennis Maken’ (Agenda Stad) geïmplementeerd kunnen worden in de regio maar ook daarbuiten. Daarbij wordt uitgegaan van een versterking over de volle breedte van het onderwijs (po, vo, mbo, hbo en wo).',
  'The pioneering role of Leiden’s knowledge institutions in education and research, and the ability to make use of the cross-overs between the two, offer many opportunities. Existing expertise and experience can be put into practice in the region and beyond, among other things through the City Deal ‘Kennis Maken’ (Making Knowledge) of the Dutch Urban Agenda (Agenda Stad). The aim is to strengthen education across its full breadth (primary, secondary, secondary vocational, higher professional and university education).',
);

const theme3Description = t(
  paras(
    'Het speelveld van de kennisinstellingen verschuift meer en meer naar het wereldtoneel. Dit is overal in de stad te merken, het stedelijk leven krijgt een steeds internationaler karakter. Buitenlandse studenten en werknemers krijgen hier een warm welkom. Zij worden zodanig ontvangen dat ze de ambassadeurs worden van Leiden en haar instellingen in het buitenland. Dat uit zich in het bevorderen van kwantitatief en kwalitatief voldoende huisvesting voor buitenlandse studenten, medewerkers en gasten, maar ook bijvoorbeeld in voorzieningen zoals het (bestaande) Expat Centre Leiden en (door)ontwikkeling van congreslocaties.',
    'Door gezamenlijk op te trekken willen we op deze trend inspelen en tegelijkertijd ook een aantrekkelijker plaats worden voor Nederlandse studenten, werknemers en gasten. Dat betekent dat de ‘branding’ en positionering van stad en instellingen op zowel nationaal als internationaal niveau structureel en gericht dient te worden opgezet en uitgevoerd.',
  ),
  paras(
    'The playing field of the knowledge institutions is shifting more and more to the world stage. This can be felt everywhere in the city: urban life is taking on an increasingly international character. International students and employees are given a warm welcome here. They are received in such a way that they become ambassadors for Leiden and its institutions abroad. This shows in promoting sufficient housing, in quantity and in quality, for international students, staff and guests, but also, for example, in facilities such as the (existing) Expat Centre Leiden and the (further) development of conference venues.',
    'By joining forces we want to respond to this trend and at the same time become a more attractive place for Dutch students, employees and guests as well. This means that the ‘branding’ and positioning of the city and its institutions, both nationally and internationally, must be set up and carried out in a structural and targeted way.',
  ),
);

const theme4Description = t(
  paras(
    'Leiden Kennisstad dient zichtbaar en voelbaar te zijn in alle wijken van de stad en in alle delen van de Leidse regio. Met het intensiveren van de samenwerking wordt dan ook beoogd om door middel van projecten kennis van studenten, docenten en onderzoekers in te zetten voor stedelijke vraagstukken. Denk daarbij o.a. aan de zogenoemde ‘community services’. De stad kan op haar beurt een relevante onderzoeksomgeving zijn voor kennisontwikkeling zoals bijvoorbeeld eHealth toepassingen. Bestaande samenwerkingsverbanden, met bijvoorbeeld de Haagse regio, verdienen daarbij zeker ook aandacht.',
    'Dit vraagt om nauwe samenwerking met onderwijsinstellingen als ROC’s, basisscholen en middelbare scholen en met bedrijven en maatschappelijke organisaties in sectoren als zorg en welzijn, veiligheid en duurzaamheid. Op die manier draagt de ambitie van een kennisstad direct bij aan de ontwikkeling van de stad en regio als geheel. Noemenswaard in dit verband zijn ook reeds bestaande initiatieven met een belangrijke kenniscomponent, zoals in Economie 071 en de Academische Werkplaatsen. Deze hebben hun eigen dynamiek en aansturing en zullen in deze overeenkomst niet apart als actiepunt benoemd worden.',
    'Daarnaast is bij het hoofdthema ‘de stad als lab’ sprake van een apart te duiden samenwerkingsbelang; namelijk de kennisuitwisseling, schaalbaarheid en het opdoen van inspiratie tussen kennissteden en kennisinstellingen onderling, zoals overeengekomen in de City Deal ‘Kennis Maken’ (2 februari 2017) binnen de Agenda Stad en de ‘Urban Agenda’ van de EU.',
  ),
  paras(
    'Leiden Knowledge City should be visible and tangible in every neighbourhood of the city and in every part of the Leiden region. Intensifying the cooperation is therefore meant to put the knowledge of students, teachers and researchers to work on urban issues through projects. Think, for example, of so-called ‘community services’. The city in turn can be a relevant research environment for developing knowledge, for example on eHealth applications. Existing partnerships, for instance with The Hague region, certainly deserve attention here too.',
    'This calls for close cooperation with educational institutions such as regional vocational colleges (ROCs), primary schools and secondary schools, and with businesses and civil-society organisations in sectors such as care and welfare, safety and sustainability. In this way the ambition of being a knowledge city contributes directly to the development of the city and the region as a whole. Also worth mentioning in this respect are existing initiatives with an important knowledge component, such as in Economie 071 and the Academic Workplaces (Academische Werkplaatsen). These have their own dynamics and governance and will not be named as separate action points in this agreement.',
    'In addition, the main theme ‘the city as a lab’ involves a distinct shared interest: the exchange of knowledge, scalability and mutual inspiration among knowledge cities and knowledge institutions, as agreed in the City Deal ‘Kennis Maken’ (2 February 2017) within the Dutch Urban Agenda (Agenda Stad) and the EU’s ‘Urban Agenda’.',
  ),
);

const wayOfWorking = t(
  paras(
    'Om de resultaten te behalen, wordt samengewerkt op een organisatorisch eenvoudige manier.',
    'Een door de gemeente ter beschikking gestelde kwartiermaker zal voor november 2017 een concreet voorstel doen voor aanpak en werkwijze. Onderdeel hiervan is het mogelijk opzetten van een ‘kennisfonds’, waaruit benodigd (start-)budget voor extra stimulering en/of onderzoek gefinancierd kan worden voor projecten die bijdragen aan de gezamenlijke ambities. Of dit een gezamenlijk fonds zal zijn, of per partner geoormerkte middelen / menskracht, wordt nog nader bepaald.',
  ),
  paras(
    'To achieve the results, the partners cooperate in an organisationally simple way.',
    'A kwartiermaker (programme set-up lead) made available by the municipality will make a concrete proposal for the approach and way of working before November 2017. Part of this is the possible establishment of a ‘knowledge fund’, from which the (start-up) budget needed for extra stimulus and/or research can be financed for projects that contribute to the shared ambitions. Whether this will be a joint fund, or funds and staff earmarked per partner, is still to be decided.',
  ),
);

const partiesText = t(
  lines(
    '- Het college van bestuur van de Universiteit Leiden, gevestigd te Leiden, hierna te noemen “de universiteit”, ten deze vertegenwoordigd door de heer Prof.mr. C.J.J.M. Stolker, voorzitter en rector magnificus',
    '- De raad van bestuur van het LUMC, gevestigd te Leiden, hierna te noemen LUMC, ten deze vertegenwoordigd door Prof. Dr. W.J.M. Spaan, voorzitter',
    '- Het college van bestuur van Hogeschool Leiden, hierna te noemen Hogeschool Leiden, ten deze vertegenwoordigd door S. van den Eijnden, voorzitter',
    '- Het college van Burgemeester en Wethouders van de Gemeente Leiden, gevestigd te Leiden, hierna te noemen “de gemeente”, ten deze vertegenwoordigd door P. Dirkse, wethouder Onderwijs, Sport en Duurzaamheid.',
  ),
  lines(
    '- The Executive Board of Leiden University, established in Leiden, hereinafter “the university”, represented in this matter by Prof.mr. C.J.J.M. Stolker, President and Rector Magnificus',
    '- The Executive Board of the LUMC, established in Leiden, hereinafter LUMC, represented in this matter by Prof. Dr. W.J.M. Spaan, Chair',
    '- The Executive Board of Leiden University of Applied Sciences, hereinafter Hogeschool Leiden, represented in this matter by S. van den Eijnden, Chair',
    '- The Mayor and Aldermen of the Municipality of Leiden, established in Leiden, hereinafter “the municipality”, represented in this matter by P. Dirkse, Alderman for Education, Sport and Sustainability.',
  ),
);

const considerations = t(
  lines(
    '- Partijen zijn het erover eens dat intensivering van de samenwerking op essentiële, concrete onderwerpen meerwaarde creëert voor alle betrokken partijen en partners in de stad en regio;',
    '- Partijen werken nauwer samen, omdat – in de nationale en internationale concurrentieslag om talent – een hechte alliantie tussen kennisinstellingen & stad/regio cruciaal is;',
    '- De focus op ‘Leiden, Stad van Ontdekkingen’ – met de pijlers ‘Internationale Kennis’ en ‘Historische Cultuur’ – biedt meerwaarde voor de gehele stad en regio, zoals werkgelegenheid, gezondheid/ vitaliteit, onderwijs, cultuur en een kwalitatief groter aanbod van stedelijke voorzieningen;',
    '- Partijen zijn gebaat bij een sterke sociale cohesie / inclusiviteit in de stad.',
  ),
  lines(
    '- The parties agree that intensifying their cooperation on essential, concrete subjects creates added value for all parties and partners involved in the city and region;',
    '- The parties are cooperating more closely because – in the national and international competition for talent – a close alliance between the knowledge institutions and the city/region is crucial;',
    '- The focus on ‘Leiden, City of Discoveries’ – with the pillars ‘International Knowledge’ and ‘Historic Culture’ – adds value for the whole city and region, such as employment, health/vitality, education, culture and a larger, better range of urban amenities;',
    '- The parties benefit from strong social cohesion / inclusiveness in the city.',
  ),
);

const agreementsText = t(
  paras(
    'Om aan de top van de nationale en Europese top van de kennisregio’s te blijven, wordt de huidige, hechte samenwerking gecontinueerd, met extra focus en inzet op:',
    lines(
      '- Campusontwikkeling: Het realiseren van nog aantrekkelijker campussen op het gebied van kennisontwikkeling, innovatiekracht, ontmoetingen en aantrekkingskracht op talent en bedrijvigheid en de daarbij behorende huisvesting voor studenten, medewerkers;',
      '- Versterken onderwijs en onderzoek: De voortrekkersrol van de Leidse kennisinstellingen op het gebied van onderwijs en onderzoek en benutting van cross-overs daartussen, en deze ten volle te benutten;',
      '- Externe focus en internationalisering: Buitenlandse studenten en werknemers krijgen hier een warm welkom. Specifiek gaat het hierbij om kwantitatief en kwalitatief voldoende huisvesting voor buitenlandse studenten, medewerkers en gasten, en voorzieningen zoals het (bestaande) Expat Centre Leiden. Daarnaast gaat het om de branding van stad en kennisinstellingen op internationaal niveau, waarvoor onder andere meertalige communicatie vanuit de lokale overheid een vereiste is;',
      '- De stad als lab: Versterking van maatschappelijke inclusiviteit, door intensivering van de samenwerking en kennisdeling tussen en van kennisinstellingen met maatschappelijke organisaties (o.a. in wijken), instellingen, bedrijven, gemeente Leiden en medeoverheden, om zodoende (nóg meer) bij te dragen aan de kwaliteit van leven voor alle inwoners in de stad en regio Leiden; ‘de stad als laboratorium en proeftuin voor onderzoek en onderwijs’.',
    ),
  ),
  paras(
    'To remain at the top of the national and European knowledge regions, the present close cooperation will be continued, with extra focus and effort on:',
    lines(
      '- Campus development: Making the campuses even more attractive in terms of knowledge development, innovative strength, encounters and attraction of talent and business, together with the housing for students and staff that goes with it;',
      '- Strengthening education and research: The pioneering role of Leiden’s knowledge institutions in education and research and the use of the cross-overs between the two, and making full use of these;',
      '- External focus and internationalisation: International students and employees are given a warm welcome here. Specifically, this concerns sufficient housing, in quantity and in quality, for international students, staff and guests, and facilities such as the (existing) Expat Centre Leiden. It also concerns the branding of the city and the knowledge institutions at international level, which requires, among other things, multilingual communication from the local government;',
      '- The city as a lab: Strengthening social inclusiveness by intensifying cooperation and knowledge sharing between and by the knowledge institutions with civil-society organisations (in neighbourhoods, among others), institutions, businesses, the Municipality of Leiden and other tiers of government, so as to contribute (even more) to the quality of life of all residents of the city and region of Leiden; ‘the city as a laboratory and testing ground for research and education’.',
    ),
  ),
);

const criteriaText = {
  a: t(
    'er is sprake van een belang van twee of meer van de deelnemende partijen;',
    'two or more of the participating parties have an interest in it;',
  ),
  b: t(
    'één van de partners is bereid het initiatief te nemen en als trekker te fungeren;',
    'one of the partners is willing to take the initiative and act as lead;',
  ),
  c: t(
    'er is sprake van toegevoegde waarde van samenwerking in Leiden Kennisstad;',
    'cooperation within Leiden Knowledge City adds value;',
  ),
  d: t('het betreft nieuwe initiatieven (onderscheidend, innovatief);', 'it concerns new initiatives (distinctive, innovative);'),
  e: t(
    'het moet bij de start duidelijk zijn hoe een initiatief, bij gebleken succes, geborgd wordt;',
    'at the start it must be clear how an initiative will be safeguarded if it proves successful;',
  ),
  f: t(
    'per project maken de betrokken partners afspraken over bemensing/capaciteit en financiering.',
    'for each project the partners involved make arrangements on staffing/capacity and funding.',
  ),
} as const;
const letters = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

const realisation = t(
  paras(
    '- De werkwijze / organisatie: Er wordt samengewerkt op een organisatorisch eenvoudige manier. Een gezamenlijke stuurgroep wordt ondersteund door een door de gemeente aangestelde coördinator/projectsecretaris, die zorgdraagt voor de onderlinge samenhang en de communicatie daarover. Jaarlijks wordt een agenda vastgesteld waarin projecten met bijbehorende acties en afspraken over wie de trekker is en bemensing zijn opgenomen. Deze projecten voldoen aan de volgende criteria:',
    lines(...letters.map((l) => `${l}. ${criteriaText[l].nl}`)),
    lines(
      '- Elke projecttrekker kan in overleg met de stuurgroep besluiten dat andere dan bovengenoemde partijen toetreden tot projecten als projectpartner;',
      '- De stuurgroep komt gemiddeld twee keer per jaar bijeen voor de vaststelling van de jaaragenda en een tussentijdse evaluatie van activiteiten;',
      '- De door de stuurgroep aan te wijzen ambtelijk coördinator/ secretaris is verantwoordelijk voor de onderlinge coördinatie en communicatie inzake de uitvoering van de samenwerkingsovereenkomst;',
      '- De eerste jaaragenda 2017-2018 is als bijlage bij deze samenwerkingsovereenkomst gevoegd.',
    ),
  ),
  paras(
    '- Way of working / organisation: The parties cooperate in an organisationally simple way. A joint steering group is supported by a coordinator/project secretary appointed by the municipality, who ensures coherence between the activities and the communication about it. Each year an agenda is adopted containing the projects with their actions and arrangements on who leads them and how they are staffed. These projects meet the following criteria:',
    lines(...letters.map((l) => `${l}. ${criteriaText[l].en}`)),
    lines(
      '- Each project lead may, in consultation with the steering group, decide that parties other than those mentioned above join projects as project partners;',
      '- The steering group meets on average twice a year to adopt the annual agenda and to carry out an interim evaluation of activities;',
      '- The official coordinator/secretary, to be designated by the steering group, is responsible for mutual coordination and communication regarding the implementation of the cooperation agreement;',
      '- The first annual agenda 2017-2018 is attached as an annex to this cooperation agreement.',
    ),
  ),
);

const duration = t(
  paras(
    lines(
      '- Deze samenwerkingsovereenkomst treedt in werking met ingang van de datum van ondertekening en wordt aangegaan voor de duur van vijf jaar, met de mogelijkheid tot verlenging met telkens vijf jaar;',
      '- Wijzigingen in de samenwerkingsovereenkomst kunnen door partijen op elk moment wederzijds worden ingediend;',
      '- Na instemming door alle partijen wordt de wijziging schriftelijk vastgelegd en in deze overeenkomst verwerkt;',
      '- Deze wordt gepubliceerd op de website van programma Leiden Kennisstad.',
    ),
    'Aldus overeengekomen te Leiden op 7 juli 2017',
  ),
  paras(
    lines(
      '- This cooperation agreement enters into force on the date of signing and is concluded for a term of five years, with the option of renewing it for further periods of five years each;',
      '- The parties may propose amendments to the cooperation agreement to one another at any time;',
      '- Once all parties have agreed, the amendment is recorded in writing and incorporated into this agreement;',
      '- The agreement is published on the website of the Leiden Knowledge City programme.',
    ),
    'Thus agreed in Leiden on 7 July 2017',
  ),
);

// ---------------------------------------------------------------------------------------------
// Themes (annex goals, introduction descriptions).

const themes = [
  {
    code: '1',
    title: t('Campusontwikkeling', 'Campus development'),
    goal: t(
      'Hierbij gaat het om de fysieke kennisinfrastructuur en –programmering.',
      'This concerns the physical knowledge infrastructure and its programming.',
    ),
    description: theme1Description,
  },
  {
    code: '2',
    title: t('Versterken onderwijs en onderzoek', 'Strengthening education and research'),
    goal: t(
      'De nationale voortrekkersrol van de Leidse kennisinstellingen (Universiteit/ICLON en Hogeschool) op het gebied van opleiding, bij- en nascholing van docenten verder uitbouwen in onderlinge samenhang en afstemming. Aanwezig expertise optimaal benutten en uitdragen binnen de stad en regio en nationaal via de City Deal ‘Kennis Maken’. In de cross-overs tussen onderwijs en onderzoek de maatschappelijke en economische valorisatie faciliteren en beter zichtbaar maken.',
      'Further develop the national pioneering role of Leiden’s knowledge institutions (the University/ICLON and the University of Applied Sciences) in the initial, further and continuing training of teachers, in mutual coherence and coordination. Make optimal use of the expertise available and share it within the city and region, and nationally through the City Deal ‘Kennis Maken’. In the cross-overs between education and research, facilitate social and economic valorisation and make it more visible.',
    ),
    description: theme2Description,
  },
  {
    code: '3',
    title: t('Externe focus en internationalisering', 'External focus and internationalisation'),
    goal: t(
      'Hoe kunnen we de kansen en mogelijkheden voor (inter)nationale branding en promotie van ‘Leiden Kennisstad’ beter benutten, zodat we de strijd om talent kunnen blijven voeren?',
      'How can we make better use of the opportunities for the (inter)national branding and promotion of ‘Leiden Knowledge City’, so that we can keep competing for talent?',
    ),
    description: theme3Description,
  },
  {
    code: '4',
    title: t('De stad als lab', 'The city as a lab'),
    goal: t(
      'De ontwikkeling van Leiden Kennisstad dient zichtbaar en voelbaar te zijn in alle wijken van de stad en in alle delen van de Leidse regio. Studenten worden ingezet bij de oplossing van stedelijke vraagstukken (community services). Opleidingen onderzoeken de mogelijkheden om dit in de curricula terug te laten komen. Resultaten inbrengen in het Netwerk Kennissteden Nederland / Agenda Stad, City Deal “Kennis Maken”',
      'The development of Leiden Knowledge City should be visible and tangible in every neighbourhood of the city and in every part of the Leiden region. Students are deployed to help solve urban issues (community services). Degree programmes explore ways of building this into their curricula. Results are fed into the Knowledge Cities Network of the Netherlands (Netwerk Kennissteden Nederland) / Agenda Stad, City Deal “Kennis Maken”.',
    ),
    description: theme4Description,
  },
];

// ---------------------------------------------------------------------------------------------
// Projects: the annex "Agenda 2017-2018".

const projects: ProjectSeed[] = [
  {
    code: '1a',
    theme: '1',
    title: t('Leiden Bio Science Park', 'Leiden Bio Science Park'),
    goal: t(
      'Het Leiden Bio Science Park verder uitbouwen als Europese topcampus. Op basis van het vastgestelde Masterplan van dit park (voorloper van de bestemmingsplannen) komen tot bestemmings-, investerings- en uitvoeringsplannen. Hiertoe de reeds opgestarte regionale investeringsstrategie (EPZ/MRDH) benutten zoals beschreven in “Unlocking the full potential of the Health & Life sciences! Leiden Bio Science Park”.',
      'Develop the Leiden Bio Science Park further as a leading European campus. On the basis of the park’s adopted Masterplan (the forerunner of the zoning plans), arrive at zoning, investment and implementation plans. To this end, make use of the regional investment strategy already under way (EPZ/MRDH), as described in “Unlocking the full potential of the Health & Life sciences! Leiden Bio Science Park”.',
    ),
    status: t('te intensiveren project', 'project to be intensified'),
    lifecycle: 'running',
    lead: 'gemeente-leiden',
    leadNote: t(
      'in nauwe samenwerking met de partners Universiteit, LUMC en Hogeschool Leiden.',
      'in close cooperation with the partners the University, LUMC and Leiden University of Applied Sciences.',
    ),
    partners: [
      lead('gemeente-leiden'),
      partner('universiteit-leiden', t('in nauwe samenwerking', 'in close cooperation')),
      partner('lumc', t('in nauwe samenwerking', 'in close cooperation')),
      partner('hogeschool-leiden', t('in nauwe samenwerking', 'in close cooperation')),
      intended('lbsp'),
      intended('provincie-zuid-holland'),
      intended('mrdh', t('MRDH/EPZ', 'MRDH/EPZ')),
      intended('epz', t('MRDH/EPZ', 'MRDH/EPZ')),
      intended('hubspot'),
    ],
    actions: [
      action(
        t(
          'Intensiveren bestaande aanpak o.a. door nieuwe samenwerking met de provincie Zuid-Holland in het traject “Vliegwiel Europa”.',
          'Intensify the existing approach, among other things through new cooperation with the Province of South Holland in the “Vliegwiel Europa” (Flywheel Europe) track.',
        ),
      ),
      action(
        t(
          'Strategische verkenning en uitwerking van het perspectief op de toekomst van het LBSP. Waar zijn de concurrerende parken mee bezig en wat zijn de ontwikkelingen in de health en life science industrie? Dit als startpunt voor het werken aan een breed gedragen strategie.',
          'Strategic exploration and elaboration of the outlook for the future of the LBSP. What are competing parks doing, and what is happening in the health and life science industry? This as the starting point for working towards a broadly supported strategy.',
        ),
      ),
      action(
        t(
          'Realisatie nieuwbouw uitbreiding Hogeschool Leiden, inclusief noodzakelijke, tijdelijke voorzieningen.',
          'Build the new extension of Leiden University of Applied Sciences, including the necessary temporary facilities.',
        ),
      ),
      action(
        t(
          'Uitwerken van plannen voor een plek waar de ontmoeting tussen bestaande en nieuwe bedrijven en hun klanten, leveranciers en financiers wordt gefaciliteerd.',
          'Work out plans for a place that facilitates encounters between existing and new companies and their customers, suppliers and financiers.',
        ),
      ),
      action(
        t(
          'De basis leggen voor een relevant en toegankelijke programma voor het ontwikkelen van het ondernemerschap in het Life Science & Health-sector. Dit in nauwe samenwerking met o.m. LBSP, HUBspot en andere (regionale) partners (à la Yes!Delft).',
          'Lay the foundations for a relevant and accessible programme for developing entrepreneurship in the Life Science & Health sector, in close cooperation with LBSP, HUBspot and other (regional) partners, among others (along the lines of Yes!Delft).',
        ),
      ),
      action(
        t(
          'Gemeente zal onderzoek doen naar het instellen van een systeem voor ‘deelfietsen’ (mede ten behoeve van de last-mile).',
          'The municipality will investigate setting up a bike-sharing system (partly to serve the last mile).',
        ),
        { owner: 'gemeente-leiden' },
      ),
      action(
        t(
          'Gemeente stelt voor het geheel voor 2018 extra middelen en personeel beschikbaar om het als trekker voor het bovenstaande mede vorm te kunnen geven.',
          'For 2018 the municipality makes extra funds and staff available for the whole, so that as lead it can help shape all of the above.',
        ),
        { owner: 'gemeente-leiden' },
      ),
      action(t('Unlocking museum Naturalis en museum Boerhaave.', 'Unlocking the Naturalis and Boerhaave museums.')),
    ],
  },
  {
    code: '1b',
    theme: '1',
    title: t('Humanities Campus', 'Humanities Campus'),
    goal: t(
      'De Humanities Campus ontwikkelen als ‘de hub’ voor de Geesteswetenschappen in Europa. Opstellen en vaststellen stedenbouwkundig plan t.b.v. vernieuwing / uitbreiding van de Faculteit Geesteswetenschappen van de Universiteit Leiden;',
      'Develop the Humanities Campus as ‘the hub’ for the humanities in Europe. Draw up and adopt an urban design plan for the renewal/expansion of Leiden University’s Faculty of Humanities.',
    ),
    status: t('bestaand, in uitvoering.', 'existing, in progress.'),
    lifecycle: 'running',
    lead: 'gemeente-leiden',
    leadNote: t('in nauwe samenwerking met Universiteit Leiden', 'in close cooperation with Leiden University'),
    partners: [
      lead('gemeente-leiden'),
      partner('universiteit-leiden', t('in nauwe samenwerking', 'in close cooperation')),
      intended('de-sleutels', t('woningbouwcorporatie', 'housing corporation')),
    ],
    actions: [
      action(t('Continueren gemaakte afspraken.', 'Continue the arrangements already made.')),
      action(
        t(
          'Gemeente en Universiteit maken een voorstel voor de financiering van de plankosten',
          'The municipality and the University make a proposal for funding the planning costs.',
        ),
      ),
    ],
  },
  {
    code: '2a',
    theme: '2',
    title: t('‘Huis van het Onderwijs LEIDEN’ (werktitel)', '‘House of Education LEIDEN’ (working title)'),
    goal: t(
      paras(
        'Het ‘Huis van het onderwijs Leiden’ is gericht op:',
        lines(
          '- Verbinden van de onderwijssectoren (PO-VO/MBO-HO) en tussen verschillende kernactiviteiten, zoals onderwijs geven, leraren opleiden, innoveren, leidinggeven;',
          '- Ruimte bieden voor (onderwijs-)ondernemerschap, onderwijsinitiatieven van bijvoorbeeld groepen leraren, wetenschappers en studenten en stageplaatsen;',
          '- Uitwerking van een verzamelplaats van start-ups, een ‘seats-to-meet’-locatie, waar professionals werken en kennisdelen met elkaar en een academische werkplaats waar onderzoekers en praktijkprofessionals samenwerken aan vragen uit de praktijk, resulterend in praktijk-getoetste methodieken.',
        ),
      ),
      paras(
        'The ‘House of Education Leiden’ aims at:',
        lines(
          '- Connecting the education sectors (primary – secondary/vocational – higher education) and the various core activities, such as teaching, training teachers, innovating and leading;',
          '- Offering room for (educational) entrepreneurship, for educational initiatives by, for example, groups of teachers, academics and students, and for internships;',
          '- Developing a gathering place for start-ups, a ‘seats-to-meet’ location where professionals work and share knowledge with one another, and an academic workplace where researchers and practitioners work together on questions from practice, resulting in practice-tested methods.',
        ),
      ),
    ),
    status: t('nieuw', 'new'),
    lifecycle: 'admitted',
    lead: 'hogeschool-leiden-faculteit-educatie',
    partners: [
      lead('hogeschool-leiden-faculteit-educatie'),
      intended('iclon'),
      intended('rocs'),
      intended('lis'),
      intended('technolab'),
    ],
    actions: [
      action(t('Opstellen plan van aanpak.', 'Draw up a plan of approach.')),
      action(
        t(
          'Nader verkennen van samenhang en mogelijke verbinding met het regionaal steunpunt Leiden en andere onderwijs initiatieven van de universiteit.',
          'Explore further the coherence with, and possible links to, the Regional Support Centre Leiden and other educational initiatives of the university.',
        ),
      ),
    ],
  },
  {
    code: '2b',
    theme: '2',
    title: t('Verbreding Regionaal Steunpunt Leiden', 'Broadening the Regional Support Centre Leiden'),
    goal: t(
      'Het realiseren van een verdergaande docentprofessionalisering in zowel de alfa, bèta en gamma schoolvakken door een hechte samenwerking tussen instelling voor HO en VO in de regio. Door het verbreden van de focus van het Regionaal Steunpunt Leiden (= bèta), en daarmee het alfa en gamma onderwijs actueler, inspirerender en contextgerichter maken.',
      'Achieving further professional development of teachers in humanities, science and social science school subjects alike, through close cooperation between higher education and secondary education institutions in the region. By broadening the focus of the Regional Support Centre Leiden (currently science), making humanities and social science teaching more topical, more inspiring and more context-based too.',
    ),
    status: t('bestaand regionaal steunpunt verbreden.', 'broaden the existing regional support centre.'),
    lifecycle: 'running',
    lead: 'iclon',
    leadNote: t('Universiteit Leiden (ICLON)', 'Leiden University (ICLON)'),
    partners: [
      lead('iclon'),
      intended('hogeschool-leiden-faculteit-educatie'),
      intended('da-vinci-college-kagerstraat'),
      intended('beta-steunpunt-zh', t('partners in bestaande regionaal steunpunt', 'partner in the existing regional support centre')),
      intended(
        'faculteit-wiskunde-en-natuurwetenschappen',
        t('partners in bestaande regionaal steunpunt', 'partner in the existing regional support centre'),
      ),
      intended(
        'hogeschool-leiden-cluster-techniek',
        t('partners in bestaande regionaal steunpunt', 'partner in the existing regional support centre'),
      ),
      intended('bedrijfsleven', t('partners in bestaande regionaal steunpunt', 'partner in the existing regional support centre')),
      intended('gemeente-leiden', t('partners in bestaande regionaal steunpunt', 'partner in the existing regional support centre')),
      intended(
        'vo-scholen',
        t('51 VO scholen', '51 secondary schools'),
      ),
      intended(
        'alfa-gamma-faculteiten',
        t(
          'te verbreden met o.a. alfa-gamma faculteiten in universiteit',
          'to be broadened with, among others, the university’s humanities and social science faculties',
        ),
      ),
    ],
    actions: [
      action(
        t(
          'Start pilot in vervolg op een innovatieaanvraag bij de gemeente.',
          'Start a pilot following an innovation application to the municipality.',
        ),
      ),
      action(
        t(
          'Nadere verkenning van verbinding met het ‘Huis van het Onderwijs’.',
          'Explore further the link with the ‘House of Education’.',
        ),
      ),
    ],
  },
  {
    code: '2c',
    theme: '2',
    title: t(
      'Doorontwikkeling wetenschapsonderzoek met economische potentie',
      'Further development of scientific research with economic potential',
    ),
    goal: t(
      '(inter-)nationale branding (regeneratieve geneeskunde, farmacie)',
      '(Inter)national branding (regenerative medicine, pharmacy)',
    ),
    description: t(
      '(regeneratieve geneeskunde, personalised medicines en farma)',
      '(regenerative medicine, personalised medicines and pharma)',
    ),
    status: t('bestaand, in uitvoering', 'existing, in progress'),
    lifecycle: 'running',
    lead: 'lumc',
    partners: [
      lead('lumc'),
      intended('universiteit-leiden'),
      intended('lbsp'),
      intended('provincie-zuid-holland'),
      intended('epz'),
    ],
    actions: [
      action(
        t(
          'Plan van aanpak opstellen verdere ontwikkeling wetenschapsonderzoek. LUMC maakt voorstel.',
          'Draw up a plan of approach for the further development of scientific research. LUMC makes a proposal.',
        ),
        { owner: 'lumc' },
      ),
    ],
  },
  {
    code: '2d',
    theme: '2',
    title: t('Kennisdeling geestelijke gezondheidszorg', 'Knowledge sharing in mental health care'),
    goal: t(
      'Kennisdeling t.b.v. gemeentelijk beleid op het gebied van de (G)GZ',
      'Knowledge sharing for municipal policy on (mental) health care',
    ),
    description: t(
      'Het Leids Expertise- en Behandelcentrum (LUBEC), in 2017 geopend, heeft een brugfunctie tussen academische kennisontwikkeling en behandeling in de geestelijke gezondheidszorg (GZ). Gelet op de groeiende verantwoordelijkheden voor gemeenten op het gebied van (G)GZ, is de kennis van LUBEC maatschappelijk zeer relevant. LUBEC wil graag als kennispartner fungeren bij de ontwikkeling van gemeentelijk (G)GZ-beleid. Hierbij heeft LUBEC specifieke expertise op het gebied van jeugd & gedrag en preventieve jeugdzorg. Ook onderwijskundige expertise kan worden ingezet. De toepassing van deze kennis past ook bij samenwerking op vlak van Public Health (project 4c).',
      'The Leiden Expertise and Treatment Centre (LUBEC), opened in 2017, forms a bridge between academic knowledge development and treatment in mental health care. Given the growing responsibilities of municipalities for (mental) health care, LUBEC’s knowledge is highly relevant to society. LUBEC would like to act as a knowledge partner in developing municipal (mental) health care policy. LUBEC has specific expertise in youth & behaviour and preventive youth care. Educational expertise can also be brought in. Applying this knowledge also fits in with the cooperation on Public Health (project 4c).',
    ),
    status: t('nieuw project', 'new project'),
    lifecycle: 'admitted',
    lead: 'lubec',
    leadNote: t('Faculteit Sociale Wetenschappen/LUBEC', 'Faculty of Social and Behavioural Sciences/LUBEC'),
    partners: [lead('lubec'), intended('gemeente-leiden'), intended('zorginstellingen'), intended('lumc')],
    // The annex's "Actie" for 2d describes LUBEC's wish (kept as the description); it names no action.
    actions: [],
  },
  {
    code: '2e',
    theme: '2',
    title: t(
      'Versterking onderzoek & onderwijs nationale politiek in Leiden',
      'Strengthening research & teaching on national politics in Leiden',
    ),
    goal: t(
      'Positie bestendigen en versterken van Leiden en de Universiteit Leiden als locatie voor onderzoek en onderwijs naar nationale politiek',
      'Consolidate and strengthen the position of Leiden and Leiden University as a place for research and teaching on national politics',
    ),
    description: t(
      'Politicologen van FSW hebben van oudsher veel kennis op het terrein van de Nederlandse politiek. De Universiteit Leiden heeft o.a. het Parlementair Documentatie Centrum in huis. Ook wordt op dit terrein onderwijs gegeven. Leiden kan dit kennisdomein verder versterken in samenwerking tussen de faculteiten Sociale Wetenschappen, Geesteswetenschappen en Rechtsgeleerdheid. Daarin kan de stad als aanjager dienen. De aanwezige kennis kan, in samenwerking met de stad, ook meer publiek bekendgemaakt worden. Hierbij kan gedacht worden aan publiekssymposia, wetenschappelijke fora en publicaties.',
      'Political scientists at the Faculty of Social and Behavioural Sciences (FSW) have long had extensive knowledge of Dutch politics. Leiden University is home to, among other things, the Parliamentary Documentation Centre. Teaching is also provided in this field. Leiden can further strengthen this knowledge domain through cooperation between the faculties of Social and Behavioural Sciences, Humanities and Law. The city can act as a driving force in this. In cooperation with the city, the knowledge available can also be made better known to the public, for example through public symposia, scientific forums and publications.',
    ),
    status: t('Nieuw project', 'New project'),
    lifecycle: 'admitted',
    lead: 'politieke-wetenschap',
    leadNote: t('Faculteit Sociale Wetenschappen/Politieke Wetenschap', 'Faculty of Social and Behavioural Sciences/Political Science'),
    partners: [
      lead('politieke-wetenschap'),
      intended('faculteit-rechtsgeleerdheid'),
      intended('faculteit-geesteswetenschappen'),
    ],
    // The annex's "Actie" for 2e describes possibilities ("kan"), kept as the description; it names no action.
    actions: [],
  },
  {
    code: '2f',
    theme: '2',
    title: t('Kennis als leisure en education', 'Knowledge as leisure and education'),
    goal: t('Integratie, inburgering, (wereld-) burgerschap.', 'Integration, civic integration, (global) citizenship.'),
    description: t(
      paras(
        'De wereld wordt steeds kleiner, een “global village”, en tegelijk wordt hij te groot voor velen. Harder nodig dan ooit: elkaars talen spreken en begrijpen De faculteit Geesteswetenschappen, onze musea (incl. bibliotheken; erfgoedcollecties), behoren tot de wereldtop en willen dat ook uitdragen.',
        'Bevordering onderwijslijn en samenwerking scholen in de regio (profielwerkstukken, health etc.)',
        'Daarbij het aanbod meenemen zoals Studium Generale, HOVO, BplusC, Leiden Global, Africa Study Center, etc. Zie ook het Taalmuseum en de samenwerking tussen ‘letterenfaculteit’ en BplusC, Leiden Global en de groeimogelijkheden richting scholen, cursussen, Summerschools e.d. Als voorbeelden kunnen genoemd worden de Nacht van Kunst en Kennis, Lakenhalactiviteiten in de openbare ruimte, bijdragen docenten en hoogleraren aan Weekendklassen en Sciencecafés etc.',
      ),
      paras(
        'The world is getting ever smaller, a “global village”, and at the same time it is becoming too big for many. More than ever we need to speak and understand each other’s languages. The Faculty of Humanities and our museums (including libraries and heritage collections) are among the best in the world and want to show it.',
        'Promoting a line of education and cooperation with schools in the region (final-year research projects, health, etc.)',
        'Including what is already on offer, such as Studium Generale, HOVO, BplusC, Leiden Global, the Africa Study Centre, etc. See also the Language Museum (Taalmuseum) and the cooperation between the ‘faculty of letters’ and BplusC, Leiden Global, and the room for growth towards schools, courses, summer schools and the like. Examples include the Night of Art and Knowledge (Nacht van Kunst en Kennis), Lakenhal activities in public space, and contributions by lecturers and professors to Weekend Classes and Science Cafés, etc.',
      ),
    ),
    status: t('nieuw', 'new'),
    lifecycle: 'admitted',
    lead: 'gemeente-leiden',
    partners: [lead('gemeente-leiden')],
    actions: [
      action(
        t(
          'Gemeente Leiden stelt in samenspraak met partijen een plan van aanpak op en legt dat in het najaar van 2017 voor aan de stuurgroep.',
          'In consultation with the parties, the Municipality of Leiden draws up a plan of approach and submits it to the steering group in autumn 2017.',
        ),
        { owner: 'gemeente-leiden', ...AUTUMN_2017 },
      ),
    ],
  },
  {
    code: '3a',
    theme: '3',
    title: t('Wonen: studentenhuisvesting, shortstay, e.d.', 'Housing: student housing, short stay, etc.'),
    goal: t(
      'Het creëren van een (inter)nationaal aantrekkelijk vestigingsmilieu door:',
      'Creating an (inter)nationally attractive place to settle by:',
    ),
    description: t(
      lines(
        '- De ambitie uit te spreken zo’n 2.700 extra eenheden voor de huisvesting van Bachelor en Master studenten van Universiteit Leiden en Hogeschool Leiden te realiseren, die kwalitatief goed en betaalbaar zijn;',
        '- De Bachelor en Master opleidingen in Leiden trekken steeds meer internationale studenten. Voor deze groep is het zaak om bij aankomst in Leiden over huisvesting te beschikken. Studenten die zich aanmelden voor bacheloropleidingen en voor een langer traject in de masterfase moeten de mogelijkheden krijgen om gebruik te maken van het aanbod aan reguliere studentenhuisvesting;',
        '- Realisatie van 150 extra betaalbare eenheden shortstay huisvesting (gemeubileerde huisvesting) in 2020 voor internationale master studenten die hier een jaar verblijven en voor studentmobiele studenten (uitwisselingsstudenten) die voor een buitenlandverblijf een of twee semesters naar Leiden toekomen;',
        '- In het eerste kwartaal 2018 wordt een onderzoek opgeleverd waarmee in kaart wordt gebracht wat de vraag is van, en het aanbod voor, de doelgroep niet-studenten (medewerkers, promovendi, postdocs, gastmedewerkers) van Universiteit, LUMC en Hogeschool Leiden. Op basis van dit onderzoek afspraken maken over de te realiseren eenheden (hoeveelheid, type, prijs) voor deze doelgroepen in 2020.',
      ),
      lines(
        '- Stating the ambition to realise some 2,700 additional units of good-quality, affordable housing for Bachelor’s and Master’s students of Leiden University and Leiden University of Applied Sciences;',
        '- The Bachelor’s and Master’s programmes in Leiden attract more and more international students. For this group it is essential to have housing on arrival in Leiden. Students who apply for Bachelor’s programmes, or for a longer track in the Master’s phase, must be given the opportunity to make use of the regular student housing on offer;',
        '- Realising 150 additional affordable short-stay units (furnished housing) in 2020 for international Master’s students who stay here for a year and for mobile students (exchange students) who come to Leiden for one or two semesters abroad;',
        '- In the first quarter of 2018 a study will be delivered that maps the demand from, and the supply for, the non-student target group (staff, PhD candidates, postdocs, visiting staff) of the University, LUMC and Leiden University of Applied Sciences. On the basis of this study, agreements will be made on the units to be realised (number, type, price) for these target groups in 2020.',
      ),
    ),
    status: t('Herijken / intensivering van de bestaande afspraken.', 'Recalibration / intensification of the existing agreements.'),
    lifecycle: 'running',
    lead: 'gemeente-leiden',
    leadNote: t('wethouder Wonen', 'alderman for Housing'),
    partners: [
      lead('gemeente-leiden', t('wethouder Wonen', 'alderman for Housing')),
      partner('hogeschool-leiden'),
      partner('lumc'),
      partner('universiteit-leiden'),
      other('duwo'),
      other('bres'),
      other('pkvv'),
    ],
    actions: [
      action(
        t(
          'In het eerste kwartaal 2018 wordt een onderzoek opgeleverd waarmee in kaart wordt gebracht wat de vraag is van, en het aanbod voor, de doelgroep niet-studenten (medewerkers, promovendi, postdocs, gastmedewerkers) van Universiteit, LUMC en Hogeschool Leiden.',
          'In the first quarter of 2018 a study is delivered that maps the demand from, and the supply for, the non-student target group (staff, PhD candidates, postdocs, visiting staff) of the University, LUMC and Leiden University of Applied Sciences.',
        ),
        Q1_2018,
      ),
      action(
        t(
          'Op basis van dit onderzoek afspraken maken over de te realiseren eenheden (hoeveelheid, type, prijs) voor deze doelgroepen in 2020.',
          'On the basis of this study, make agreements on the units to be realised (number, type, price) for these target groups in 2020.',
        ),
      ),
      action(
        t(
          'De Taskforce Studentenhuisvesting heeft de opdracht om voorstellen te ontwikkelen teneinde voldoende (studenten)huisvesting te realiseren. Deze studentenhuisvesting moet aansluiten bij de wensen en de financiële mogelijkheden van de doelgroepen.',
          'The Student Housing Taskforce is charged with developing proposals to realise sufficient (student) housing. This housing must match the wishes and financial means of the target groups.',
        ),
        { owner: 'taskforce-studentenhuisvesting' },
      ),
      action(
        t(
          'Jaarlijks wordt gebruik gemaakt van de resultaten van het Woonwensenonderzoek van KENCES/ABF om deze ontwikkelingen en ambities te herijken.',
          'Each year the results of the KENCES/ABF housing preferences survey are used to recalibrate these developments and ambitions.',
        ),
      ),
      action(
        t(
          'Stuurgroep geeft op basis van de overeenkomst opdracht aan de Taskforce om de doelen te realiseren.',
          'On the basis of the agreement, the steering group instructs the Taskforce to achieve the goals.',
        ),
      ),
      action(
        t(
          'Periodiek worden de resultaten gemonitord in de Bestuurlijke overleggen tussen B&W Leiden en de CvB’s van Universiteit Leiden en Hogeschool Leiden en de RvB van het LUMC.',
          'The results are monitored periodically in the administrative consultations between Leiden’s Mayor and Aldermen and the Executive Boards of Leiden University, Leiden University of Applied Sciences and the LUMC.',
        ),
      ),
    ],
  },
  {
    code: '3b',
    theme: '3',
    title: t('Stad als wetenschapsplatform', 'The city as a science platform'),
    goal: t(
      'Leiden, in samenwerking met Den Haag, zet zich in voor het binnenhalen van grote, toonaangevende evenementen voor uitwisseling van kennis en het debat inzake belangrijke vraagstukken in de wetenschap, technologie, maatschappij en politiek, zoals het EuroScience Open Forum (ESOF). Dit met oog op een scherp profiel op het (Europese) wetenschapsplatform, economische spin-off, in aansluiting bij de ambities van Leiden Internationale Kennisstad.',
      'Leiden, together with The Hague, works to attract major, leading events for the exchange of knowledge and for debate on important issues in science, technology, society and politics, such as the EuroScience Open Forum (ESOF). The aim is a sharp profile on the (European) science stage and economic spin-off, in line with the ambitions of Leiden International Knowledge City.',
    ),
    status: t('Recent gestart', 'Recently started'),
    lifecycle: 'running',
    lead: 'gemeente-leiden',
    leadNote: t('samen met Universiteit', 'together with the University'),
    partners: [
      // "Trekker: Gemeente samen met Universiteit": two leads (criterion b asks for one or more).
      lead('gemeente-leiden'),
      lead('universiteit-leiden', t('Gemeente samen met Universiteit', 'lead together with the municipality')),
      intended('leiden-marketing'),
      intended('lumc'),
      intended('hogeschool-leiden'),
      intended('gemeente-den-haag'),
      intended('haags-congresbureau'),
    ],
    actions: [
      action(
        t(
          'Zorgdragen voor gezamenlijke financiering / sponsoring en programma’s die in en met de stad worden vormgegeven.',
          'Secure joint funding/sponsorship and programmes that are shaped in and with the city.',
        ),
      ),
    ],
  },
  {
    code: '3c',
    theme: '3',
    title: t('Engelstalige communicatie gemeente', 'English-language communication by the municipality'),
    status: t(
      'nog te effectueren, opdracht Engelstalige website is gegeven',
      'still to be carried out; the commission for an English-language website has been given',
    ),
    lifecycle: 'running',
    lead: 'gemeente-leiden',
    partners: [lead('gemeente-leiden'), intended('leiden-marketing', t('partners/belanghebbende', 'partner/stakeholder'))],
    actions: [action(t('Zorgdragen voor snelle uitvoering.', 'Ensure swift implementation.'))],
  },
  {
    code: '3d',
    theme: '3',
    title: t('Meer samenhang in Summerschools in Leiden', 'More coherence among summer schools in Leiden'),
    goal: t(
      'Summerschools kunnen een belangrijk middel zijn in de internationale profilering en positionering van een kennisinstelling, en als kennismaking voor potentiele toekomstige internationale (master) studenten van de universiteit. Dit kan gecombineerd worden met acties waarbij deelnemers de stad en regio beter leren kennen.',
      'Summer schools can be an important means of raising a knowledge institution’s international profile and positioning, and can serve as an introduction for potential future international (Master’s) students of the university. This can be combined with activities through which participants get to know the city and the region better.',
    ),
    status: t('nieuw', 'new'),
    lifecycle: 'admitted',
    lead: 'universiteit-leiden',
    leadNote: t(
      'i.s.m. Leiden Global (inhoudelijk); gemeente voor de randprogrammering.',
      'in cooperation with Leiden Global (content); the municipality for the supporting programme.',
    ),
    partners: [
      // "Trekker: Universiteit Leiden i.s.m. Leiden Global (inhoudelijk); gemeente voor de
      // randprogrammering": the university leads the content (with Leiden Global as partner), the
      // municipality leads the supporting programme, so two leads.
      lead('universiteit-leiden'),
      partner('leiden-global', t('inhoudelijk', 'content')),
      lead('gemeente-leiden', t('randprogrammering', 'supporting programme')),
      other('leiden-marketing'),
      other('musea'),
      other('elo'),
    ],
    actions: [
      action(
        t(
          'Uitwerken voorstel voor aanpak en benodigde capaciteit/middelen om meer samenhang / bekendheid in Summerschools te bereiken.',
          'Work out a proposal for the approach and the capacity/resources needed to bring more coherence to, and awareness of, the summer schools.',
        ),
      ),
      action(
        t(
          'Opstellen randprogrammering en randvoorwaarden huisvesting.',
          'Draw up the supporting programme and the housing preconditions.',
        ),
      ),
      action(
        t(
          'Gemeente zal een kick-off bijeenkomst hiertoe organiseren in het najaar van 2017.',
          'The municipality will organise a kick-off meeting for this in autumn 2017.',
        ),
        { owner: 'gemeente-leiden', ...AUTUMN_2017 },
      ),
    ],
  },
  {
    code: '4a',
    theme: '4',
    title: t('Ontwikkelen wijkinitiatieven', 'Developing neighbourhood initiatives'),
    goal: t(
      'activiteiten in de wijken vanuit de kennisinstellingen: het ontwikkelen van talenten van studenten door een bijdrage aan de wijk te leveren.',
      'activities in the neighbourhoods by the knowledge institutions: developing students’ talents by having them contribute to the neighbourhood.',
    ),
    status: t('nieuw', 'new'),
    lifecycle: 'admitted',
    lead: 'gemeente-leiden',
    partners: [
      lead('gemeente-leiden'),
      intended('hogeschool-leiden'),
      intended('universiteit-leiden'),
      intended('libertas'),
      intended('wijkteams'),
    ],
    actions: [
      action(
        t(
          'Vooraf bestaande wijkprojecten in kaart brengen om aansluiting mogelijk te maken en duplicatie te voorkomen.',
          'First map the existing neighbourhood projects, so that new work can connect with them and duplication is avoided.',
        ),
      ),
      action(t('Nieuwe projecten vanuit de instellingen faciliteren.', 'Facilitate new projects from the institutions.')),
    ],
  },
  {
    code: '4b',
    theme: '4',
    title: t('Duurzaamheid / circulaire economie', 'Sustainability / circular economy'),
    goal: t(
      'Vanuit het gemeentelijke programma Duurzaamheid wordt reeds samengewerkt met het Centrum voor Milieuwetenschappen (CML) van de Universiteit Leiden. Met name rond de minor Sustainability waarbij er door gemeenteambtenaren colleges gegeven worden en waarbij studenten duurzaamheidsonderzoeken doen in de stad. Omdat de gemeente nog voor grote opgaven staat op het gebied van energie-/warmtetransitie de samenwerking verder uitwerken. Mogelijkheden voor stageplaatsen.',
      'The municipal Sustainability programme already cooperates with Leiden University’s Institute of Environmental Sciences (CML), in particular around the minor in Sustainability, in which municipal officials give lectures and students carry out sustainability research in the city. Because the municipality still faces major challenges in the energy and heat transition, the cooperation is to be developed further. Opportunities for internships.',
    ),
    status: t(
      'verder uit te bouwen van de eerste, reeds gerealiseerde samenwerking',
      'to be built out further from the first cooperation already achieved',
    ),
    lifecycle: 'running',
    // "Trekker: gemeente dient in dit stadium de vraag verder te articuleren": no lead named yet.
    leadNote: t(
      'gemeente dient in dit stadium de vraag verder te articuleren',
      'at this stage the municipality needs to articulate its question further',
    ),
    partners: [
      intended('lde-center-for-sustainability'),
      intended('cml', t('CML/Universiteit Leiden', 'CML/Leiden University')),
      intended('hogeschool-leiden', t('Hogeschool Leiden/Haagse Hogeschool', 'Leiden or The Hague University of Applied Sciences')),
      intended('haagse-hogeschool', t('Hogeschool Leiden/Haagse Hogeschool', 'Leiden or The Hague University of Applied Sciences')),
    ],
    actions: [
      action(
        t(
          'Als eerste een goede vraagarticulatie door de gemeente.',
          'First, a clear articulation of the question by the municipality.',
        ),
        { owner: 'gemeente-leiden' },
      ),
      action(
        t(
          'Vervolgens formuleren van pilots op het gebied energie/warmte, klimaatadaptatie i.r.t. de omgevingsvisie e.d.',
          'Then formulate pilots on energy/heat and climate adaptation in relation to the environmental vision (omgevingsvisie), etc.',
        ),
      ),
    ],
  },
  {
    code: '4c',
    theme: '4',
    title: t('Public Health: gezonde school, gezonde wijk', 'Public health: healthy school, healthy neighbourhood'),
    goal: t(
      'Activiteiten ontwikkelen rondom eHealth toepassingen om gezonde scholen en wijken te promoten.',
      'Develop activities around eHealth applications to promote healthy schools and neighbourhoods.',
    ),
    description: t('Overige (beoogd) partners: nog nader te bepalen', 'Other (intended) partners: still to be determined'),
    status: t('Nieuw', 'New'),
    lifecycle: 'admitted',
    lead: 'lumc',
    partners: [lead('lumc')],
    actions: [action(t('Opstellen plan van aanpak.', 'Draw up a plan of approach.'))],
  },
  {
    code: '4d',
    theme: '4',
    title: t('Antropologisch beleidsonderzoek', 'Anthropological policy research'),
    goal: t(
      'Stimuleren (gemeentelijk) beleidsonderzoek door antropologen',
      'Encourage (municipal) policy research by anthropologists',
    ),
    description: t(
      'Vanuit het instituut Culturele Antropologie bestaat al een samenwerking met de gemeente: studenten die hun bachelorscriptie schrijven. Zij doen onderzoek in de stad naar zaken als wijkinitiatieven, wat voor de gemeente relevant is bij beleidsuitvoering en/of -evaluatie. Deze samenwerking kan worden uitgebouwd, waarbij de wederzijdse behoefte aan onderzoek en kennis centraal staat.',
      'The Institute of Cultural Anthropology already cooperates with the municipality: students writing their bachelor’s theses do research in the city on matters such as neighbourhood initiatives, which is relevant to the municipality in implementing and/or evaluating policy. This cooperation can be expanded, with the mutual need for research and knowledge at its heart.',
    ),
    status: t('Recent gestart', 'Recently started'),
    lifecycle: 'running',
    lead: 'culturele-antropologie',
    leadNote: t(
      'Faculteit Sociale Wetenschappen/Culturele Antropologie',
      'Faculty of Social and Behavioural Sciences/Cultural Anthropology',
    ),
    partners: [
      lead('culturele-antropologie'),
      intended(
        'gemeente-leiden',
        t('Gemeente en aan gemeente gelieerde instellingen', 'the municipality and institutions affiliated with it'),
      ),
    ],
    actions: [
      action(
        t(
          'Deze samenwerking kan worden uitgebouwd, waarbij de wederzijdse behoefte aan onderzoek en kennis centraal staat.',
          'This cooperation can be expanded, with the mutual need for research and knowledge at its heart.',
        ),
      ),
    ],
  },
  {
    code: '5',
    title: t(
      'Uitwerken en vastleggen werkwijze / organisatie',
      'Working out and laying down the way of working / organisation',
    ),
    goal: t(
      'Zorgdragen voor een efficiënte werkwijze / organisatie',
      'Ensure an efficient way of working / organisation',
    ),
    description: t(
      paras(
        'Voor 1 november 2017 zal de door de gemeente beschikbaar gestelde kwartiermaker een voorstel aan de stuurgroep voorleggen ter definitieve vaststelling, inhoudende:',
        lines(
          '- een organisatie- en financieringsmodel, inclusief de nadere uitwerking van projectfinanciering / ‘kennisfonds’.',
          '- een agenda voor marketing en ‘public affairs’ voor gezamenlijke branding, acquisitie en communicatie van en over ‘Leiden Internationale Kennisstad’',
          '- een herkenbare website (apart of onderdeel van een bestaande website) voor programma Kennisstad.',
        ),
      ),
      paras(
        'Before 1 November 2017 the kwartiermaker (programme set-up lead) made available by the municipality will submit a proposal to the steering group for final adoption, comprising:',
        lines(
          '- an organisational and funding model, including the further elaboration of project funding / the ‘knowledge fund’;',
          '- an agenda for marketing and ‘public affairs’ for joint branding, acquisition and communication by and about ‘Leiden International Knowledge City’;',
          '- a recognisable website (separate or part of an existing website) for the Knowledge City programme.',
        ),
      ),
    ),
    status: t('bestaand', 'existing'),
    lifecycle: 'running',
    lead: 'gemeente-leiden',
    leadNote: t('kwartiermaker', 'through its kwartiermaker (programme set-up lead)'),
    partners: [
      lead('gemeente-leiden', t('kwartiermaker', 'kwartiermaker (programme set-up lead)')),
      intended('universiteit-leiden', t('partners/belanghebbenden', 'partners/stakeholders')),
      intended('lumc', t('partners/belanghebbenden', 'partners/stakeholders')),
      intended('hogeschool-leiden', t('partners/belanghebbenden', 'partners/stakeholders')),
    ],
    actions: [
      action(
        t(
          'Voorstel aan de stuurgroep voorleggen ter definitieve vaststelling – een organisatie- en financieringsmodel, inclusief de nadere uitwerking van projectfinanciering / ‘kennisfonds’.',
          'Proposal to the steering group for final adoption: an organisational and funding model, including the further elaboration of project funding / the ‘knowledge fund’.',
        ),
        { owner: 'gemeente-leiden', ...BEFORE_NOV_2017 },
      ),
      action(
        t(
          'Voorstel aan de stuurgroep voorleggen ter definitieve vaststelling – een agenda voor marketing en ‘public affairs’ voor gezamenlijke branding, acquisitie en communicatie van en over ‘Leiden Internationale Kennisstad’.',
          'Proposal to the steering group for final adoption: an agenda for marketing and ‘public affairs’ for joint branding, acquisition and communication by and about ‘Leiden International Knowledge City’.',
        ),
        { owner: 'gemeente-leiden', ...BEFORE_NOV_2017 },
      ),
      action(
        t(
          'Voorstel aan de stuurgroep voorleggen ter definitieve vaststelling – een herkenbare website (apart of onderdeel van een bestaande website) voor programma Kennisstad.',
          'Proposal to the steering group for final adoption: a recognisable website (separate or part of an existing website) for the Knowledge City programme.',
        ),
        { owner: 'gemeente-leiden', ...BEFORE_NOV_2017 },
      ),
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// The annex's general text.

const onderdelen = (theme: string, lang: 'nl' | 'en'): string =>
  lines(
    lang === 'nl' ? 'Onderdelen:' : 'Components:',
    ...projects.filter((p) => p.theme === theme).map((p) => `- ${p.code}. ${p.title[lang] ?? ''}`),
  );

const annex = t(
  paras(
    'Bijlage 1, behorend bij de Samenwerkingsovereenkomst 2017-2021 Universiteit Leiden, Leids Universitair Medisch Centrum, Hogeschool Leiden en gemeente Leiden voor intensivering van samenhangende acties in het kader van Programma Kennisstad',
    'Agenda 2017-2018*',
    '* Betreft kalenderjaren',
    '1. Campusontwikkeling',
    'Hierbij gaat het om de fysieke kennisinfrastructuur en –programmering. Kwalitatieve aandachtspunten hierbij zijn:',
    lines(
      '- Zichtbaarheid: Hoe toont Leiden nóg beter haar positie en ambities als Kennisstad aan de buitenzijde van gebouwen en in de openbare ruimte?',
      '- Bereikbaarheid van/binnen campusgebieden – ‘the last mile’ na parkeren/openbaar vervoer.',
      '- Verbinding tussen de historische binnenstad en het Leiden Bio Science Park.',
      '- Eduroam uitrollen op Leiden Bio Science Park en in de stad.',
      '- Gebruik van monumenten als het Pesthuis, het voormalige Museum van Natuurlijke Historie (Raamsteeg) en Kasteel Endegeest. Deze zijn of komen (mogelijk) te koop. In hoeverre kunnen deze gezichtsbepalende gebouwen een rol spelen in de verder campusontwikkeling van ‘Leiden Kennisstad’?',
      '- Aantrekkingskracht: Programmering van voorzieningen en activiteiten op de campussen, die het ondernemend en creatieve vermogen en werkklimaat versterken (vb. voorziening als Yes!Delft).',
    ),
    onderdelen('1', 'nl'),
    '2. Versterken onderwijs en onderzoek – Samenwerking WO-HBO-MBO-VO-PO',
    `Doel: ${themes[1]?.goal.nl ?? ''}`,
    onderdelen('2', 'nl'),
    '3. Externe focus en internationalisering',
    `Doel: ${themes[2]?.goal.nl ?? ''}`,
    onderdelen('3', 'nl'),
    '4. ‘De stad als lab’ / inclusiviteit',
    `Doel: ${themes[3]?.goal.nl ?? ''}`,
    onderdelen('4', 'nl'),
    '5. Uitwerken en vastleggen werkwijze / organisatie',
    'Doel: Zorgdragen voor een efficiënte werkwijze / organisatie',
  ),
  paras(
    'Annex 1 to the Cooperation Agreement 2017-2021 between Leiden University, Leiden University Medical Center, Leiden University of Applied Sciences and the Municipality of Leiden for the intensification of coherent actions within the Knowledge City Programme',
    'Agenda 2017-2018*',
    '* Calendar years',
    '1. Campus development',
    'This concerns the physical knowledge infrastructure and its programming. Qualitative points of attention are:',
    lines(
      '- Visibility: How can Leiden show its position and ambitions as a Knowledge City even better on the outside of buildings and in public space?',
      '- Accessibility of and within the campus areas – ‘the last mile’ after parking/public transport.',
      '- The connection between the historic city centre and the Leiden Bio Science Park.',
      '- Rolling out Eduroam on the Leiden Bio Science Park and in the city.',
      '- Use of monuments such as the Pesthuis, the former Museum of Natural History (Raamsteeg) and Kasteel Endegeest. These are, or (may) soon be, for sale. To what extent can these landmark buildings play a role in the further campus development of ‘Leiden Knowledge City’?',
      '- Attractiveness: Programming facilities and activities on the campuses that strengthen entrepreneurial and creative capacity and the working climate (e.g. a facility such as Yes!Delft).',
    ),
    onderdelen('1', 'en'),
    '2. Strengthening education and research – Cooperation between universities, universities of applied sciences, vocational, secondary and primary education',
    `Goal: ${themes[1]?.goal.en ?? ''}`,
    onderdelen('2', 'en'),
    '3. External focus and internationalisation',
    `Goal: ${themes[2]?.goal.en ?? ''}`,
    onderdelen('3', 'en'),
    '4. ‘The city as a lab’ / inclusiveness',
    `Goal: ${themes[3]?.goal.en ?? ''}`,
    onderdelen('4', 'en'),
    '5. Working out and laying down the way of working / organisation',
    'Goal: Ensure an efficient way of working / organisation',
  ),
);

// ---------------------------------------------------------------------------------------------
// Targets.

const targets: TargetSeed[] = [
  {
    key: 'student-housing',
    project: '3a',
    title: t(
      'Extra eenheden voor de huisvesting van Bachelor en Master studenten van Universiteit Leiden en Hogeschool Leiden',
      'Additional good-quality, affordable housing units for Bachelor’s and Master’s students of Leiden University and Leiden University of Applied Sciences',
    ),
    targetValue: 2700,
    unit: t('eenheden', 'units'),
    baselineValue: 0,
    // The text gives "zo'n 2.700" as an ambition with no date.
    source: source('3a'),
  },
  {
    key: 'short-stay-housing',
    project: '3a',
    title: t(
      'Extra betaalbare eenheden shortstay huisvesting (gemeubileerde huisvesting)',
      'Additional affordable short-stay units (furnished housing) for international Master’s students and exchange students',
    ),
    targetValue: 150,
    unit: t('eenheden', 'units'),
    baselineValue: 0,
    deadlineOn: '2020-12-31',
    deadlineLabel: t('in 2020', 'in 2020'),
    source: source('3a'),
  },
  {
    key: 'non-student-housing-study',
    project: '3a',
    title: t(
      'Onderzoek opgeleverd waarmee in kaart wordt gebracht wat de vraag is van, en het aanbod voor, de doelgroep niet-studenten',
      'Study delivered on housing demand and supply for non-students (staff, PhD candidates, postdocs, visiting staff)',
    ),
    deadlineOn: '2018-03-31',
    deadlineLabel: t('eerste kwartaal 2018', 'first quarter of 2018'),
    source: source('3a'),
  },
  {
    key: 'non-student-housing-units',
    project: '3a',
    title: t(
      'Te realiseren eenheden (hoeveelheid, type, prijs) voor deze doelgroepen',
      'Units to be realised for non-students (number, type, price), to be agreed on the basis of the study',
    ),
    unit: t('eenheden', 'units'),
    deadlineOn: '2020-12-31',
    deadlineLabel: t('in 2020', 'in 2020'),
    source: source('3a'),
  },
  {
    key: 'working-method-proposal',
    project: '5',
    title: t(
      'Concreet voorstel doen voor aanpak en werkwijze',
      'Proposal by the kwartiermaker to the steering group: organisational and funding model, marketing agenda and website',
    ),
    deadlineOn: '2017-10-31',
    deadlineLabel: t('voor 1 november 2017', 'before 1 November 2017'),
    source: source('5'),
  },
];

// ---------------------------------------------------------------------------------------------

export const leiden: ProgrammeSeed = {
  slug: 'leiden',
  name: t('Programma Leiden Kennisstad', 'Leiden Knowledge City Programme'),
  city: 'Leiden',
  periodStart: '2017-07-07',
  periodEnd: '2022-07-06',
  mission: t(
    'De centrale doelstelling achter dit programma is dat kennisinstellingen optimaal kunnen floreren in Leiden, wat direct positieve effecten genereert voor de stad en haar inwoners.',
    'The central objective of this programme is that knowledge institutions can flourish to the full in Leiden, which directly benefits the city and its residents.',
  ),
  themeTokens: {},
  organisations,
  agreement: {
    title: t(
      'Programma Leiden Kennisstad – Samenwerkingsovereenkomst 2017-2021',
      'Leiden Knowledge City Programme – Cooperation Agreement 2017-2021',
    ),
    signedOn: '2017-07-07',
    signedPlace: 'Leiden',
    termYears: 5,
    renewalYears: 5,
    parties: [
      {
        organisation: 'universiteit-leiden',
        signingBody: t('Het college van bestuur van de Universiteit Leiden', 'The Executive Board of Leiden University'),
        referredToAs: t('de universiteit', 'the university'),
        signatoryName: 'Prof.mr. C.J.J.M. Stolker',
        signatoryTitle: t('voorzitter en rector magnificus', 'President and Rector Magnificus'),
      },
      {
        organisation: 'lumc',
        signingBody: t('De raad van bestuur van het LUMC', 'The Executive Board of the LUMC'),
        referredToAs: t('LUMC', 'LUMC'),
        signatoryName: 'Prof. Dr. W.J.M. Spaan',
        signatoryTitle: t('voorzitter', 'Chair'),
      },
      {
        organisation: 'hogeschool-leiden',
        signingBody: t(
          'Het college van bestuur van Hogeschool Leiden',
          'The Executive Board of Leiden University of Applied Sciences',
        ),
        referredToAs: t('Hogeschool Leiden', 'Hogeschool Leiden'),
        signatoryName: 'S. van den Eijnden',
        signatoryTitle: t('voorzitter', 'Chair'),
      },
      {
        organisation: 'gemeente-leiden',
        signingBody: t(
          'Het college van Burgemeester en Wethouders van de Gemeente Leiden',
          'The Mayor and Aldermen of the Municipality of Leiden',
        ),
        referredToAs: t('de gemeente', 'the municipality'),
        signatoryName: 'P. Dirkse',
        signatoryTitle: t('wethouder Onderwijs, Sport en Duurzaamheid', 'Alderman for Education, Sport and Sustainability'),
      },
    ],
    sections: [
      { key: 'introduction', heading: t('Inleiding', 'Introduction'), body: introduction },
      {
        key: 'theme-1',
        heading: t('1. Campusontwikkeling', '1. Campus development'),
        body: t(paras(theme1Description.nl ?? '', mandela.nl ?? ''), paras(theme1Description.en ?? '', mandela.en ?? '')),
      },
      {
        key: 'theme-2',
        heading: t('2. Versterken onderwijs en onderzoek', '2. Strengthening education and research'),
        body: theme2Description,
      },
      {
        key: 'theme-3',
        heading: t('3. Externe focus en internationalisering', '3. External focus and internationalisation'),
        body: theme3Description,
      },
      { key: 'theme-4', heading: t('4. De stad als lab', '4. The city as a lab'), body: theme4Description },
      {
        key: 'way-of-working',
        heading: t('Werkwijze / organisatie', 'Way of working / organisation'),
        body: wayOfWorking,
      },
      { key: 'parties', heading: t('Partijen', 'Parties'), body: partiesText },
      { key: 'considerations', heading: t('Nemen in aanmerking', 'Taking into consideration'), body: considerations },
      { key: 'agreements', heading: t('Komen overeen', 'Agree as follows'), body: agreementsText },
      { key: 'realisation', heading: t('Realisatie', 'Implementation'), body: realisation },
      { key: 'duration', heading: t('Duur', 'Duration'), body: duration },
      { key: 'annex', heading: t('Bijlage 1 – Agenda 2017-2018', 'Annex 1 – Agenda 2017-2018'), body: annex },
    ],
  },
  bodies: [
    {
      kind: 'executive',
      name: t('Stuurgroep – bestuurlijk', 'Steering group – executive'),
      tasks: t(
        lines(
          '- Concrete projecten op gang brengen en beoordelen',
          '- Vaststelling van de jaaragenda',
          '- Tussentijdse evaluatie van activiteiten',
        ),
        lines(
          '- Getting concrete projects under way and assessing them',
          '- Adopting the annual agenda',
          '- Interim evaluation of activities',
        ),
      ),
      minMeetingsPerYear: 2,
      maxMeetingsPerYear: 2,
    },
    {
      kind: 'support',
      name: t('Stuurgroep – ambtelijke steun', 'Steering group – official support'),
      tasks: t(
        lines('- Besluiten Stuurgroep voorbereiden', '- Toezien op voortgang', '- Onderlinge afstemming'),
        lines('- Preparing the steering group’s decisions', '- Monitoring progress', '- Mutual coordination'),
      ),
      minMeetingsPerYear: 4,
      maxMeetingsPerYear: 6,
    },
    {
      kind: 'coordinator',
      name: t('Secretaris/coördinator', 'Secretary/coordinator'),
      // The text names two appointers (Realisatie): both readings are shown, none is picked.
      appointment: [
        t(
          'Een gezamenlijke stuurgroep wordt ondersteund door een door de gemeente aangestelde coördinator/projectsecretaris, die zorgdraagt voor de onderlinge samenhang en de communicatie daarover.',
          'A joint steering group is supported by a coordinator/project secretary appointed by the municipality, who sees to mutual coherence and the communication about it.',
        ),
        t(
          'De door de stuurgroep aan te wijzen ambtelijk coördinator/ secretaris is verantwoordelijk voor de onderlinge coördinatie en communicatie inzake de uitvoering van de samenwerkingsovereenkomst;',
          'The official coordinator/secretary, to be designated by the steering group, is responsible for mutual coordination and communication on the implementation of the cooperation agreement;',
        ),
      ],
      tasks: t(
        lines(
          '- Faciliterende schakel tussen Stuurgroep en projecten',
          '- Onderlinge afstemming',
          '- Stimuleren cross-overs',
          '- Coördinatie van interne & externe communicatie',
        ),
        lines(
          '- Facilitating link between the steering group and the projects',
          '- Mutual coordination',
          '- Stimulating cross-overs',
          '- Coordinating internal & external communication',
        ),
      ),
    },
  ],
  criteria: letters.map((letter) => ({
    letter,
    text: criteriaText[letter],
    assessment: letter === 'c' || letter === 'd' ? 'judgement' : 'data',
  })),
  themes,
  projects,
  targets,
};
