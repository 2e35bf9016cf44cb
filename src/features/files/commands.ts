// Every write of files. Each command checks the owner's permission itself and writes the
// metadata, the bytes and the audit row in one transaction: a crash leaves all or nothing.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/audit.ts';
import type { Actor } from '../../domain/policy.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { detectKind, FILE_KINDS, sanitiseName } from './content.ts';
import { authorizeFile, type OwnerAccess } from './policy.ts';
import type { FileRecord } from './queries.ts';
import type { FileOwner } from './registry.ts';
import { fileContents, files } from './tables.ts';

/** A file as it arrived in a form post (see routes.tsx: multipart bodies become plain records). */
export interface IncomingFile {
  filename: string;
  bytes: Buffer;
  declaredType: string;
  /** The upload passed the size limit and was cut off. */
  truncated: boolean;
}

export type UploadProblem = { field: 'file' | 'alt_nl' | 'alt_en'; messageKey: string; values?: Record<string, string | number>; status: 400 | 413 };

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
  isPublic: boolean;
  alt: LocalizedText;
  maxBytes: number;
}): Promise<{ ok: true; file: FileRecord } | { ok: false; problems: UploadProblem[] }> {
  authorizeFile(input.access, { do: 'file.write' });
  if (input.isPublic) authorizeFile(input.access, { do: 'file.publish' });
  const problems: UploadProblem[] = [];
  const megabytes = Math.round((input.maxBytes / (1024 * 1024)) * 10) / 10;
  const { file } = input;
  if (!file || (!file.filename && file.bytes.length === 0)) problems.push({ field: 'file', messageKey: 'files.error.missing', status: 400 });
  else if (file.truncated || file.bytes.length > input.maxBytes) problems.push({ field: 'file', messageKey: 'files.error.tooLarge', values: { max: megabytes }, status: 413 });
  if (input.owner.altRequired) {
    for (const locale of ['nl', 'en'] as const) {
      const alt = input.alt[locale] ?? '';
      if (!alt || alt.length > 200) problems.push({ field: `alt_${locale}`, messageKey: 'files.error.alt', status: 400 });
    }
  }
  if (problems.length > 0 || !file) return { ok: false, problems };
  const detection = await detectKind(file.bytes, file.filename, input.owner.accept);
  if (!detection.ok) {
    const allowed = input.owner.accept.flatMap((k) => FILE_KINDS[k].extensions).join(', ');
    const messageKey = detection.reason === 'empty' ? 'files.error.empty' : detection.reason === 'mismatch' ? 'files.error.mismatch' : 'files.error.type';
    const values = { allowed, detected: detection.detected ? FILE_KINDS[detection.detected].extensions.join('/') : '' };
    return { ok: false, problems: [{ field: 'file', messageKey, values, status: 400 }] };
  }
  const record = await input.db.transaction(async (tx) => {
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
        isPublic: input.isPublic || !!input.owner.inline,
        alt: input.owner.altRequired ? input.alt : {},
        uploadedBy: input.actor?.userId ?? null,
      })
      .returning();
    await tx.insert(fileContents).values({ fileId: row!.id, bytes: file.bytes });
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'file.upload', objectType: 'file', objectId: row!.id, after: row });
    return row!;
  });
  return { ok: true, file: record };
}

export async function deleteFile(input: Base & { file: FileRecord; access: OwnerAccess }): Promise<void> {
  authorizeFile(input.access, { do: 'file.write' });
  await input.db.transaction(async (tx) => {
    await tx.delete(files).where(and(eq(files.id, input.file.id), eq(files.programmeId, input.programmeId)));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'file.delete', objectType: 'file', objectId: input.file.id, before: input.file });
  });
}

export async function setFilePublic(input: Base & { file: FileRecord; access: OwnerAccess; isPublic: boolean }): Promise<void> {
  authorizeFile(input.access, { do: 'file.publish' });
  if (input.file.isPublic === input.isPublic) return;
  await input.db.transaction(async (tx) => {
    await tx.update(files).set({ isPublic: input.isPublic }).where(and(eq(files.id, input.file.id), eq(files.programmeId, input.programmeId)));
    await recordAudit(tx, { actor: input.actor, programmeId: input.programmeId, action: 'file.visibility', objectType: 'file', objectId: input.file.id, before: { isPublic: input.file.isPublic }, after: { isPublic: input.isPublic } });
  });
}
