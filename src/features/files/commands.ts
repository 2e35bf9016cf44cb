// Every write of files. Each command checks the owner's permission itself (the named rules of
// policy.ts over the owner's access) and writes the metadata, the bytes and the audit row in one
// transaction: a crash leaves all or nothing. Refusals come back as an Outcome, per field.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import { writeTransaction } from '../../db/transaction.ts';
import type { Actor } from '../../domain/policy.ts';
import { done, refused, refusedField, type FieldErrors, type Outcome } from '../../domain/outcome.ts';
import { authorize } from '../../policies.ts';
import { detectKind, FILE_KINDS, sanitiseName } from './content.ts';
import type { OwnerAccess } from './policy.ts';
import type { FileRecord } from './queries.ts';
import type { FileOwner } from './registry.ts';
import type { UploadInput, VisibilityInput } from './schema.ts';
import { fileContents, files } from './tables.ts';

/** A file as it arrived in a form post (see routes.tsx: multipart bodies become plain records). */
export interface IncomingFile {
  filename: string;
  bytes: Buffer;
  declaredType: string;
  /** The upload passed the size limit and was cut off. */
  truncated: boolean;
}

/** The refusal of a file over the size limit: the route answers it with 413 instead of 400. */
export const TOO_LARGE = 'files.error.tooLarge';

interface Base {
  db: Db;
  actor: Actor | null;
  programmeId: string;
}

export async function uploadFile(input: Base & {
  owner: FileOwner;
  ownerId: string;
  access: OwnerAccess;
  file: IncomingFile | undefined;
  upload: UploadInput;
  maxBytes: number;
}): Promise<Outcome<FileRecord>> {
  authorize(input.actor, 'file.write', input.access);
  const isPublic = input.upload.public;
  if (isPublic) authorize(input.actor, 'file.publish', input.access);
  const problems: FieldErrors = {};
  const megabytes = Math.round((input.maxBytes / (1024 * 1024)) * 10) / 10;
  const { file } = input;
  if (!file || (!file.filename && file.bytes.length === 0)) problems.file = { key: 'files.error.missing' };
  else if (file.truncated || file.bytes.length > input.maxBytes) problems.file = { key: TOO_LARGE, values: { max: megabytes } };
  if (input.owner.altRequired) {
    for (const locale of ['nl', 'en'] as const) if (!input.upload.alt[locale]) problems[`alt_${locale}`] = { key: 'files.error.alt' };
  }
  if (Object.keys(problems).length > 0 || !file) return refused(problems);
  const detection = await detectKind(file.bytes, file.filename, input.owner.accept);
  if (!detection.ok) {
    const allowed = input.owner.accept.flatMap((k) => FILE_KINDS[k].extensions).join(', ');
    const key = detection.reason === 'empty' ? 'files.error.empty' : detection.reason === 'mismatch' ? 'files.error.mismatch' : 'files.error.type';
    return refusedField('file', key, { allowed, detected: detection.detected ? FILE_KINDS[detection.detected].extensions.join('/') : '' });
  }
  return writeTransaction(input.db, async (tx) => {
    if (input.owner.single) {
      const old = await tx
        .delete(files)
        .where(and(eq(files.programmeId, input.programmeId), eq(files.ownerKind, input.owner.kind), eq(files.ownerId, input.ownerId)))
        .returning({ id: files.id, name: files.name });
      for (const gone of old) await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'file.replace', objectType: 'file', objectId: gone.id, before: gone });
    }
    const [row] = await tx
      .insert(files)
      .values({
        programmeId: input.programmeId,
        ownerKind: input.owner.kind,
        ownerId: input.ownerId,
        name: sanitiseName(file.filename, FILE_KINDS[detection.kind].extensions[0]),
        contentType: detection.contentType,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        isPublic: isPublic || !!input.owner.inline,
        alt: input.owner.altRequired ? input.upload.alt : {},
        uploadedBy: input.actor?.userId ?? null,
      })
      .returning();
    await tx.insert(fileContents).values({ fileId: row!.id, bytes: file.bytes });
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'file.upload', objectType: 'file', objectId: row!.id, after: row });
    return done(row!);
  });
}

export async function deleteFile(input: Base & { file: FileRecord; access: OwnerAccess }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'file.write', input.access);
  return writeTransaction(input.db, async (tx) => {
    await tx.delete(files).where(and(eq(files.id, input.file.id), eq(files.programmeId, input.programmeId)));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'file.delete', objectType: 'file', objectId: input.file.id, before: input.file });
    return done({ id: input.file.id });
  });
}

export async function setFilePublic(input: Base & { file: FileRecord; access: OwnerAccess; visibility: VisibilityInput }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'file.publish', input.access);
  const isPublic = input.visibility.public === 'yes';
  if (input.file.isPublic === isPublic) return done({ id: input.file.id });
  return writeTransaction(input.db, async (tx) => {
    await tx.update(files).set({ isPublic }).where(and(eq(files.id, input.file.id), eq(files.programmeId, input.programmeId)));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'file.visibility', objectType: 'file', objectId: input.file.id, before: { isPublic: input.file.isPublic }, after: { isPublic } });
    return done({ id: input.file.id });
  });
}
