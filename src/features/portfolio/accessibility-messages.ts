import { registerMessages } from '../../web/i18n.ts';

// What the official documents (agreement, annual agenda, minutes, meeting pack, evaluation) meet.
registerMessages({
  nl: {
    'accessibility.documents.title': 'Documenten die de website maakt (PDF en Word)',
    'accessibility.documents.intro':
      'De website maakt zelf documenten: de overeenkomst (elke versie en elke aangenomen wijziging), de jaaragenda, het verslag met besluitenlijst en actielijst, de vergaderstukken en de tussentijdse evaluatie. Elk document bestaat als PDF en als Word-bestand met dezelfde inhoud, in de taal waarin u de website leest.',
    'accessibility.documents.met': 'Wat de documenten al doen',
    'accessibility.documents.met.tagged': 'De PDF is getagd (PDF 1.7): koppen op niveau, alinea’s, lijsten met hun onderdelen en tabellen met kopcellen staan in de structuur, zodat voorleessoftware ze herkent.',
    'accessibility.documents.met.language': 'De taal van het document (Nederlands of Engels) en de titel zijn ingesteld; een PDF-lezer toont de titel in plaats van de bestandsnaam.',
    'accessibility.documents.met.fonts': 'Het lettertype (DejaVu Sans) is ingesloten. Tekst in Latijns schrift (ook Midden- en Oost-Europese letters), Grieks en Cyrillisch, sub- en superscript-cijfers en tekens als € ≥ – ‘ ’ zijn te lezen, te doorzoeken en te kopiëren. Een teken dat het lettertype niet heeft, verschijnt als vervangingsteken en wordt gemeld in het logboek.',
    'accessibility.documents.met.navigation': 'Elke kop is een bladwijzer. Elke pagina heeft een paginanummer en een voettekst met het programma, de versie en de datum waarop het document is gemaakt; die voettekst is gemarkeerd als opmaak, zodat voorleessoftware hem overslaat.',
    'accessibility.documents.met.docx': 'Het Word-bestand gebruikt de ingebouwde stijlen van Word voor koppen, lijsten en tabellen (met een kopregel die op elke pagina terugkomt) en heeft de taal van het document ingesteld.',
    'accessibility.documents.met.checked': 'Bij elke wijziging van de software worden de documenten automatisch gecontroleerd met qpdf en poppler (structuur, tags, taal, titel, ingesloten lettertypen en de tekst zoals een lezer die eruit haalt).',
    'accessibility.documents.notYet': 'Wat nog niet is voldaan',
    'accessibility.documents.notYet.pdfua': 'De PDF’s zijn niet getoetst met een PDF/UA-controle zoals veraPDF of PAC en claimen daarom geen PDF/UA-conformiteit.',
    'accessibility.documents.met.tableHeaders': 'Loopt een tabel over meer pagina’s, dan staat de kopregel op elke pagina. In de PDF is de tabel dan per pagina een eigen tabel met kopcellen; in het Word-bestand is het één tabel met een kopregel die terugkomt.',
    'accessibility.documents.notYet.links': 'Webadressen in de documenten zijn tekst, geen aanklikbare links.',
    'accessibility.documents.notYet.screenReader': 'De documenten zijn nog niet door een mens met voorleessoftware (zoals NVDA of JAWS) doorlopen.',
    'accessibility.documents.notYet.scripts': 'Schriften die van rechts naar links lopen (zoals Arabisch en Hebreeuws) en Chinese, Japanse en Koreaanse tekens staan niet in het lettertype; ze verschijnen als vervangingsteken.',
  },
  en: {
    'accessibility.documents.title': 'Documents the website makes (PDF and Word)',
    'accessibility.documents.intro':
      'The website makes documents itself: the agreement (each version and each adopted amendment), the annual agenda, the minutes with decision list and action list, the meeting pack and the mid-term evaluation. Each document exists as PDF and as Word file with the same content, in the language you read the website in.',
    'accessibility.documents.met': 'What the documents already do',
    'accessibility.documents.met.tagged': 'The PDF is tagged (PDF 1.7): headings with their level, paragraphs, lists with their items and tables with header cells are in its structure, so screen readers recognise them.',
    'accessibility.documents.met.language': 'The document’s language (Dutch or English) and its title are set; a PDF reader shows the title instead of the file name.',
    'accessibility.documents.met.fonts': 'The font (DejaVu Sans) is embedded. Text in Latin script (including Central and Eastern European letters), Greek and Cyrillic, sub- and superscript digits and symbols such as € ≥ – ‘ ’ can be read, searched and copied. A character the font lacks appears as a replacement mark and is reported in the log.',
    'accessibility.documents.met.navigation': 'Every heading is a bookmark. Every page has a page number and a footer with the programme, the version and the date the document was made; the footer is marked as layout, so screen readers skip it.',
    'accessibility.documents.met.docx': 'The Word file uses Word’s built-in styles for headings, lists and tables (with a header row repeated on every page) and has the document’s language set.',
    'accessibility.documents.met.checked': 'With every change to the software the documents are checked automatically with qpdf and poppler (structure, tags, language, title, embedded fonts and the text as a reader extracts it).',
    'accessibility.documents.notYet': 'What is not met yet',
    'accessibility.documents.notYet.pdfua': 'The PDFs have not been tested with a PDF/UA checker such as veraPDF or PAC, so they do not claim PDF/UA conformance.',
    'accessibility.documents.met.tableHeaders': 'When a table runs over several pages, its header row is on every page. In the PDF the table is then one table per page, each with its header cells; in the Word file it is one table with a repeated header row.',
    'accessibility.documents.notYet.links': 'Web addresses in the documents are text, not clickable links.',
    'accessibility.documents.notYet.screenReader': 'The documents have not yet been gone through by a person with a screen reader (such as NVDA or JAWS).',
    'accessibility.documents.notYet.scripts': 'Right-to-left scripts (such as Arabic and Hebrew) and Chinese, Japanese and Korean characters are not in the font; they appear as a replacement mark.',
  },
});
