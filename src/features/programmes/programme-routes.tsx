// The administrator's "new programme" page (management menu). It posts multipart/form-data so the
// agreement can come from a file; the multipart parser lives in this plugin scope only, as the
// upload route's does (src/features/files/routes.tsx), so other routes still refuse multipart.
// Three buttons post the same form: fill in the Leiden criteria as a model, split the agreement
// text into articles, and save; every round shows the whole form again with what was typed.
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { programmes } from '../../db/schema.ts';
import { splitArticles } from '../../domain/agreement-articles.ts';
import { LEIDEN_CHECKS } from '../../domain/criterion-checks.ts';
import { resolveText } from '../../domain/localized.ts';
import type { FieldErrors } from '../../domain/outcome.ts';
import { leiden } from '../../seed/leiden.ts';
import { HttpError, redirectLocal, sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { renderPage } from '../../web/render.ts';
import { pageContext } from '../../web/request-context.ts';
import { localizedPaths } from '../../web/routing.ts';
import { createProgramme } from './create-commands.ts';
import { DocxError, docxText } from './create-docx.ts';
import { draftValues, MAX_ARTICLES, readDraft, type ProgrammeDraft } from './create-form.ts';
import './create-messages.ts';
import { NewProgrammePage, ProgrammeCreatedPage, type CreateState } from './create-views.tsx';

type P = { programme: string };

/** The uploaded agreement file; private fields so the request's body checks do not walk its bytes. */
class AgreementFile {
  readonly #name: string;
  readonly #bytes: Buffer;
  constructor(name: string, bytes: Buffer) {
    this.#name = name;
    this.#bytes = bytes;
  }
  get name() {
    return this.#name;
  }
  get bytes() {
    return this.#bytes;
  }
}

/** The text of an uploaded agreement file, or the problem to show next to the file field. */
export function agreementFileText(name: string, bytes: Buffer): { ok: true; text: string } | { ok: false; key: string } {
  const lower = name.toLowerCase();
  if (lower.endsWith('.docx')) {
    try {
      return { ok: true, text: docxText(bytes) };
    } catch (error) {
      if (error instanceof DocxError) return { ok: false, key: 'programmes.error.fileUnreadable' };
      throw error;
    }
  }
  if (/\.(md|markdown|txt)$/.test(lower)) return { ok: true, text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
  return { ok: false, key: 'programmes.error.fileType' };
}

/** Fills the empty criterion rows with Leiden's criteria a-f (texts from its agreement, checks from the model). */
function withLeidenModel(draft: ProgrammeDraft): ProgrammeDraft {
  const criteria = draft.criteria.map((row, i) => {
    if (row.nl || row.en) return row;
    const model = leiden.criteria[i];
    if (!model) return row;
    const check = LEIDEN_CHECKS[model.letter];
    return { nl: model.text.nl ?? '', en: model.text.en ?? '', check: check.kind, minParties: check.kind === 'interest' ? String(check.minParties) : '' };
  });
  return { ...draft, criteria };
}

export function registerProgrammeRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'programmes.new.title', path: '/manage/programmes/new', order: 98, group: 'management' });
  const render = (request: FastifyRequest, reply: FastifyReply, state: CreateState, status = 200) => sendHtml(reply, renderPage(<NewProgrammePage ctx={pageContext(request, config)} state={state} />), status);

  for (const { url } of localizedPaths('/:programme/manage/programmes/new')) {
    app.get<{ Params: P; Querystring: { created?: string } }>(url, { config: { action: 'programme.create' } }, async (request, reply) => {
      const created = request.query.created;
      if (typeof created === 'string' && /^[a-z0-9-]{1,60}$/.test(created)) {
        const [row] = await db.select({ slug: programmes.slug, name: programmes.name }).from(programmes).where(eq(programmes.slug, created));
        if (row) return sendHtml(reply, renderPage(<ProgrammeCreatedPage ctx={pageContext(request, config)} slug={row.slug} name={resolveText(row.name, request.locale).text} />));
      }
      return render(request, reply, { values: {}, errors: {} });
    });
  }

  void app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: true,
      throwFileSizeLimit: true,
      // Every row of the form is a field; an agreement's text is at most 500,000 characters.
      limits: { fileSize: config.maxUploadBytes, files: 1, fields: 400, fieldSize: 2 * 1024 * 1024, parts: 402, headerPairs: 50 },
      async onFile(part) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        (part as unknown as { upload: AgreementFile }).upload = new AgreementFile(part.filename ?? '', Buffer.concat(chunks));
      },
    });
    // Fields become strings and the file an AgreementFile before the CSRF check reads `_csrf`.
    scope.addHook('preValidation', async (request) => {
      if (!request.isMultipart()) return;
      const body: Record<string, string | AgreementFile> = {};
      for (const [key, entry] of Object.entries((request.body ?? {}) as Record<string, unknown>)) {
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
        const part = (Array.isArray(entry) ? entry[0] : entry) as { type?: string; value?: unknown; upload?: AgreementFile } | undefined;
        if (part?.type === 'file' && part.upload) body[key] = part.upload;
        else if (part?.type === 'field') body[key] = String(part.value ?? '');
      }
      request.body = body;
    });
    scope.setErrorHandler((error: FastifyError) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, 'error.tooLarge');
      if (error.code === 'FST_FILES_LIMIT' || error.code === 'FST_PARTS_LIMIT' || error.code === 'FST_FIELDS_LIMIT') throw new HttpError(413, 'form.error.tooLarge');
      if (error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || error.code === 'FST_PROTO_VIOLATION') throw new HttpError(400, 'error.badRequest');
      throw error;
    });

    for (const { url } of localizedPaths('/:programme/manage/programmes/new')) {
      scope.post<{ Params: P }>(url, { config: { action: 'programme.create' } }, async (request, reply) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        let draft = readDraft(body);
        const intent = typeof body.intent === 'string' ? body.intent : 'save';
        if (intent === 'model') {
          draft = withLeidenModel(draft);
          return render(request, reply, { values: draftValues(draft), errors: {}, notice: { kind: 'modelled' } });
        }
        // A chosen file replaces the pasted text (and stays in the text box, as a file input cannot keep a file).
        const file = body.agreementFile instanceof AgreementFile && body.agreementFile.name ? body.agreementFile : null;
        if (file) {
          const read = agreementFileText(file.name, file.bytes);
          if (!read.ok) return render(request, reply, { values: draftValues(draft), errors: { agreementFile: { key: read.key } } }, 400);
          draft = { ...draft, agreementText: read.text };
        }
        if (intent === 'split' || file || (draft.articles.length === 0 && draft.agreementText.trim())) {
          const articles = splitArticles(draft.agreementText).slice(0, MAX_ARTICLES);
          draft = { ...draft, articles };
          if (intent === 'split') return render(request, reply, { values: draftValues(draft), errors: {}, notice: { kind: 'split', count: articles.length } });
        }
        const result = await createProgramme({ db, actor: request.actor, draft });
        if (!result.ok) return render(request, reply, { values: draftValues(draft), errors: result.errors as FieldErrors }, 400);
        return redirectLocal(reply, undefined, `/${request.locale}/${request.programme!.slug}/manage/programmes/new?created=${result.value.slug}`);
      });
    }
  });
}
