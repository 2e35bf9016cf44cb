// One upload, one delete and one download route for every feature's files. Uploads are HTML form
// posts (multipart/form-data), accepted only on the upload route: the multipart parser lives in
// its own plugin scope, so every other route still refuses multipart bodies (415).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { and, eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { ProgrammeSummary } from '../../web/context.ts';
import { resolveText } from '../../domain/localized.ts';
import { badRequest, HttpError, notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { formState, isUuid, readForm, type FormState } from '../../web/forms.ts';
import { can } from '../../policies.ts';
import { deleteFile, setFilePublic, TOO_LARGE, uploadFile, type IncomingFile } from './commands.ts';
import { contentDisposition, INLINE_TYPES } from './content.ts';
import './messages.ts';
import { PROGRAMME_LOGO, registerFileOwners } from './owners.ts';
import { attachmentsOf, getFile, getFileBytes } from './queries.ts';
import { ownerAccess } from './registry.ts';
import { UploadInput, VisibilityInput } from './schema.ts';
import { files } from './tables.ts';
import { UploadPage, uploadFormId } from './views.tsx';

type P = { programme: string };
type OwnerParams = P & { owner: string; ownerId: string };
type FileParams = P & { fileId: string };

/**
 * A file part of a multipart body. Its properties are private on purpose: the request checks that
 * walk the body (NUL bytes in src/web/request-context.ts) see no enumerable fields, so they neither
 * walk megabytes of bytes nor refuse a file name with a NUL, which the upload sanitises instead.
 */
class UploadedPart implements IncomingFile {
  readonly #filename: string;
  readonly #bytes: Buffer;
  readonly #declaredType: string;
  readonly #truncated: boolean;
  constructor(filename: string, bytes: Buffer, declaredType: string, truncated: boolean) {
    this.#filename = filename;
    this.#bytes = bytes;
    this.#declaredType = declaredType;
    this.#truncated = truncated;
  }
  get filename() {
    return this.#filename;
  }
  get bytes() {
    return this.#bytes;
  }
  get declaredType() {
    return this.#declaredType;
  }
  get truncated() {
    return this.#truncated;
  }
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Multipart limit errors as messages in the user's language instead of a bare 413. */
function uploadError(error: FastifyError): unknown {
  switch (error.code) {
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new HttpError(413, 'files.error.tooMany');
    case 'FST_REQ_FILE_TOO_LARGE':
      return new HttpError(413, 'error.tooLarge');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_PROTO_VIOLATION':
      return new HttpError(400, 'error.badRequest');
    default:
      return error;
  }
}

type ProgrammeLogo = NonNullable<ProgrammeSummary['logo']>;

export function registerFileRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerFileOwners();

  // The page header shows the programme's logo. It is kept per programme for as long as the page
  // cache's generation holds (every write and every change notified by another instance ends it),
  // as the dashboard panels are, so a page does not query it on every request.
  const logos = new Map<string, { generation: number; logo: ProgrammeLogo | null }>();
  app.addHook('preHandler', async (request) => {
    const programme = request.programme;
    if (!programme || request.url.startsWith('/api/') || request.routeOptions.url?.includes('/files/')) return;
    const generation = app.hasDecorator('pageCache') ? app.pageCache.invalidations : undefined;
    const known = logos.get(programme.id);
    let logo = known && known.generation === generation ? known.logo : undefined;
    if (logo === undefined) {
      const [row] = await db
        .select({ id: files.id, alt: files.alt })
        .from(files)
        .where(and(eq(files.programmeId, programme.id), eq(files.ownerKind, PROGRAMME_LOGO), eq(files.ownerId, programme.id)))
        .limit(1);
      logo = row ? { fileId: row.id, alt: row.alt } : null;
      if (generation !== undefined) logos.set(programme.id, { generation, logo });
    }
    if (logo) request.programme = { ...programme, logo };
  });

  /** The owner record the actor may add files to, or 404. */
  async function loadOwner(request: FastifyRequest<{ Params: OwnerParams }>) {
    const found = await ownerAccess(db, request.programme!, request.params.owner, request.params.ownerId, request.actor);
    if (!found || !can(request.actor, 'file.write', found.access)) throw notFound();
    return found;
  }

  async function renderUpload(request: FastifyRequest<{ Params: OwnerParams }>, reply: FastifyReply, state?: FormState, status = 200) {
    const found = await loadOwner(request);
    const data = await attachmentsOf(db, config, request, request.params.owner, request.params.ownerId);
    const ctx = pageContext(request, config);
    return sendHtml(reply, renderPage(<UploadPage ctx={ctx} data={data!} title={resolveText(found.access.title, ctx.locale).text} returnTo={found.access.returnTo} state={state} />), status);
  }

  /** A file the actor may see, or 404: another programme's, a missing one and a hidden one look alike. */
  async function loadFile(request: FastifyRequest<{ Params: FileParams }>) {
    const file = isUuid(request.params.fileId) ? await getFile(db, request.programme!.id, request.params.fileId) : null;
    const found = file ? await ownerAccess(db, request.programme!, file.ownerKind, file.ownerId, request.actor) : null;
    if (!file || !found || !can(request.actor, 'file.read', { access: found.access, isPublic: file.isPublic })) throw notFound();
    return { file, ...found };
  }

  for (const { url } of localizedPaths('/:programme/files/:fileId')) {
    app.get<{ Params: FileParams }>(url, { config: { action: 'file.read' } }, async (request, reply) => {
      const { file, owner } = await loadFile(request);
      const etag = `"${file.sha256}"`;
      // Never rendered by the browser as a page: a download, typed by its content, in a sandbox.
      reply
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      const bytes = await getFileBytes(db, file.id);
      if (!bytes) throw notFound();
      const inline = !!owner.inline && INLINE_TYPES.has(file.contentType);
      return reply
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name))
        .type(file.contentType)
        .send(bytes);
    });
  }

  for (const { url } of localizedPaths('/:programme/files/upload/:owner/:ownerId')) {
    app.get<{ Params: OwnerParams }>(url, { config: { action: 'file.write' } }, async (request, reply) => renderUpload(request, reply));
  }

  for (const { url } of localizedPaths('/:programme/files/:fileId/delete')) {
    app.post<{ Params: FileParams }>(url, { config: { action: 'file.write' } }, async (request, reply) => {
      const { file, access } = await loadFile(request);
      if (!can(request.actor, 'file.write', access)) throw notFound();
      await deleteFile({ db, actor: request.actor, programmeId: request.programme!.id, file, access });
      return redirectLocal(reply, undefined, `/${request.locale}${access.returnTo}`);
    });
  }

  for (const { url } of localizedPaths('/:programme/files/:fileId/visibility')) {
    app.post<{ Params: FileParams }>(url, { config: { action: 'file.publish' } }, async (request, reply) => {
      const { file, access } = await loadFile(request);
      if (!can(request.actor, 'file.publish', access)) throw notFound();
      // The form is one button with a fixed value: anything else is not from our page.
      const read = readForm(VisibilityInput, request.body, request.locale);
      if (!read.ok) throw badRequest();
      await setFilePublic({ db, actor: request.actor, programmeId: request.programme!.id, file, access, visibility: read.value });
      return redirectLocal(reply, undefined, `/${request.locale}${access.returnTo}`);
    });
  }

  void app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: true,
      // The size check is ours (a form error in the user's language, nothing stored): the parser
      // stops reading at the limit and marks the part as truncated instead of throwing.
      throwFileSizeLimit: false,
      limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, fieldSize: 4096, parts: 12, headerPairs: 50 },
      async onFile(part) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        (part as unknown as { upload: UploadedPart }).upload = new UploadedPart(part.filename ?? '', Buffer.concat(chunks), part.mimetype, part.file.truncated);
      },
    });
    // Before the request context's CSRF and NUL checks (preHandler): fields become strings, the
    // file an UploadedPart, so a multipart form looks like any other form body.
    scope.addHook('preValidation', async (request) => {
      if (!request.isMultipart()) return;
      const body: Record<string, string | UploadedPart> = {};
      for (const [key, entry] of Object.entries((request.body ?? {}) as Record<string, unknown>)) {
        if (UNSAFE_KEYS.has(key)) continue;
        const part = (Array.isArray(entry) ? entry[0] : entry) as { type?: string; value?: unknown; upload?: UploadedPart } | undefined;
        if (part?.type === 'file' && part.upload) body[key] = part.upload;
        else if (part?.type === 'field') body[key] = String(part.value ?? '');
      }
      request.body = body;
    });
    scope.setErrorHandler((error: FastifyError) => {
      // The app's error handler renders the page or problem.
      throw uploadError(error);
    });

    for (const { url } of localizedPaths('/:programme/files/upload/:owner/:ownerId')) {
      scope.post<{ Params: OwnerParams }>(url, { config: { action: 'file.write' } }, async (request, reply) => {
        const { owner, access } = await loadOwner(request);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const read = readForm(UploadInput, body, request.locale);
        const result = read.ok
          ? await uploadFile({
              db,
              actor: request.actor,
              programmeId: request.programme!.id,
              owner,
              ownerId: request.params.ownerId,
              access,
              file: body.file instanceof UploadedPart ? body.file : undefined,
              // Only someone who may publish can make a file public; the field is ignored otherwise.
              upload: { ...read.value, public: read.value.public && can(request.actor, 'file.publish', access) },
              maxBytes: config.maxUploadBytes,
            })
          : read;
        if (!result.ok) {
          const status = result.errors.file?.key === TOO_LARGE ? 413 : 400;
          return renderUpload(request, reply, formState(uploadFormId(request.params.ownerId), result.errors, body), status);
        }
        return redirectLocal(reply, undefined, `/${request.locale}${access.returnTo}`);
      });
    }
  });
}
