import { registerMessages } from '../web/i18n.ts';

registerMessages({
  nl: {
    'documents.footer': '{programme} · {version} · gemaakt op {date}',
    'documents.page': 'pagina {page} van {pages}',
  },
  en: {
    'documents.footer': '{programme} · {version} · made on {date}',
    'documents.page': 'page {page} of {pages}',
  },
});
