// Open data in the Dutch sense: a page per programme (linked from every footer) with the licence
// and the downloads, a CSV per kind of record, and the DCAT-AP-NL description as JSON-LD that
// data.overheid.nl can harvest. The files are the same in every language, so they live outside
// the language prefix: /open-data/<programme>/... (the full JSON is the API's open-data.json).
import { programmeTerm } from '../agreement/term-queries.ts';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { readForm } from '../../web/forms.ts';
import { badRequest, redirectLocal, sendHtml } from '../../web/http.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { localizedPaths } from '../../web/routing.ts';
import { openData } from '../api/resources/exports.ts';
import { saveLicence } from './commands.ts';
import { OPEN_DATA_TABLES, openDataCsv } from './csv-tables.ts';
import { dcatDocument } from './dcat.ts';
import { licenceOf } from './licences.ts';
import './messages.ts';
import * as q from './queries.ts';
import { LicenceForm } from './schema.ts';
import { LicencePage, OpenDataPage } from './views.tsx';

type P = { programme: string };

export function registerOpenDataRoutes(app: FastifyInstance, db: Db, config: Config): void {
  const publicFile = { config: { action: 'public' as const, pageCache: true } };

  for (const { url } of localizedPaths('/:programme/open-data')) {
    app.get<{ Params: P }>(url, publicFile, async (request, reply) => {
      const programme = await q.getProgrammeForOpenData(db, request.programme!.id);
      return sendHtml(reply, renderPage(<OpenDataPage ctx={pageContext(request, config)} licence={licenceOf(programme?.openDataLicence)} />));
    });
  }

  for (const table of OPEN_DATA_TABLES) {
    app.get<{ Params: P }>(`/open-data/:programme/${table}.csv`, publicFile, async (request, reply) => {
      const programmeId = request.programme!.id;
      const [data, measurements] = await Promise.all([openData(db, programmeId, config.baseUrl), q.publicMeasurements(db, programmeId)]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.programme!.slug}-${table}.csv"`)
        .header('link', `<${config.baseUrl}/open-data/${request.programme!.slug}/dcat.jsonld>; rel="describedby"; type="application/ld+json"`)
        .send(Buffer.from(openDataCsv(table, data, measurements)));
    });
  }

  app.get<{ Params: P }>('/open-data/:programme/dcat.jsonld', publicFile, async (request, reply) => {
    const programme = (await q.getProgrammeForOpenData(db, request.programme!.id))!;
    const changed = (await q.lastChange(db, programme.id)) ?? programme.createdAt;
    const term = await programmeTerm(db, programme.id);
    const document = dcatDocument({
      baseUrl: config.baseUrl,
      slug: programme.slug,
      name: programme.name,
      mission: programme.mission,
      city: programme.city,
      contactEmail: programme.contactEmail,
      licence: licenceOf(programme.openDataLicence),
      modified: changed.toISOString(),
      periodStart: term.startOn,
      periodEnd: term.endOn,
    });
    return reply.type('application/ld+json; charset=utf-8').send(Buffer.from(JSON.stringify(document, null, 2)));
  });

  registerNavItem({ label: 'openData.manage.title', path: '/manage/open-data', order: 97, group: 'management' });
  for (const { url } of localizedPaths('/:programme/manage/open-data')) {
    app.get<{ Params: P; Querystring: { saved?: string } }>(url, { config: { action: 'openData.licence' } }, async (request, reply) => {
      const programme = await q.getProgrammeForOpenData(db, request.programme!.id);
      return sendHtml(reply, renderPage(<LicencePage ctx={pageContext(request, config)} licence={licenceOf(programme?.openDataLicence)} saved={request.query.saved === '1'} />));
    });
    app.post<{ Params: P }>(url, { config: { action: 'openData.licence' } }, async (request, reply) => {
      const read = readForm(LicenceForm, request.body, request.locale);
      if (!read.ok) throw badRequest();
      await saveLicence({ actor: request.actor, db, programmeId: request.programme!.id, licence: read.value.licence });
      return redirectLocal(reply, undefined, `/${request.locale}/${request.programme!.slug}/manage/open-data?saved=1`);
    });
  }
}
