import { registerMessages } from '../web/i18n.ts';

registerMessages({
  nl: {
    'documents.footer': '{programme} · versie {version} · gemaakt op {date}',
    'documents.page': 'pagina {page} van {pages}',
    'documents.download': '{document} (PDF)',
    'documents.downloadDocx': '{document} (Word)',
    'documents.downloads': 'Downloaden',
  },
  en: {
    'documents.footer': '{programme} · version {version} · made on {date}',
    'documents.page': 'page {page} of {pages}',
    'documents.download': '{document} (PDF)',
    'documents.downloadDocx': '{document} (Word)',
    'documents.downloads': 'Download',
  },
});
