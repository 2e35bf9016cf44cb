// Every read of files. Lists never touch the bytes; only a download reads them.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { can } from '../../policies.ts';
import { fileOwner, ownerAccess } from './registry.ts';
import { fileContents, files } from './tables.ts';
import type { AttachmentData } from './views.tsx';

export type FileRecord = typeof files.$inferSelect;

export async function getFile(db: Db, programmeId: string, fileId: string): Promise<FileRecord | null> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, fileId), eq(files.programmeId, programmeId)));
  return row ?? null;
}

export async function getFileBytes(db: Db, fileId: string): Promise<Buffer | null> {
  const [row] = await db.select({ bytes: fileContents.bytes }).from(fileContents).where(eq(fileContents.fileId, fileId));
  return row?.bytes ?? null;
}

/** Files of several records of one kind, by owner id, oldest first. */
export async function listOwnerFiles(db: Db, programmeId: string, ownerKind: string, ownerIds: string[]): Promise<Map<string, FileRecord[]>> {
  const byOwner = new Map<string, FileRecord[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await db
    .select()
    .from(files)
    .where(and(eq(files.programmeId, programmeId), eq(files.ownerKind, ownerKind), inArray(files.ownerId, ownerIds)))
    .orderBy(asc(files.createdAt), asc(files.name));
  for (const row of rows) byOwner.set(row.ownerId, [...(byOwner.get(row.ownerId) ?? []), row]);
  return byOwner;
}

/** One record's files as the actor may see them, with what they may do; null when they see none. */
export async function attachmentsOf(db: Db, config: Config, request: FastifyRequest, kind: string, ownerId: string): Promise<AttachmentData | null> {
  const found = await ownerAccess(db, request.programme!, kind, ownerId, request.actor);
  if (!found || !(found.access.readAll || found.access.readPublic)) return null;
  const all = (await listOwnerFiles(db, request.programme!.id, kind, [ownerId])).get(ownerId) ?? [];
  return {
    owner: found.owner,
    ownerId,
    files: all.filter((file) => can(request.actor, 'file.read', { access: found.access, isPublic: file.isPublic })),
    canWrite: can(request.actor, 'file.write', found.access),
    canPublish: can(request.actor, 'file.publish', found.access),
    maxBytes: config.maxUploadBytes,
  };
}

/**
 * The files of several records the caller has already shown to the actor in full (e.g. the agenda
 * items of a meeting the actor may see), in one query; `canWrite` is the caller's own rule.
 */
export async function attachmentsOfMany(db: Db, config: Config, programmeId: string, kind: string, ownerIds: string[], canWrite: boolean): Promise<Map<string, AttachmentData>> {
  const owner = fileOwner(kind);
  const byOwner = await listOwnerFiles(db, programmeId, kind, ownerIds);
  const out = new Map<string, AttachmentData>();
  if (!owner) return out;
  for (const ownerId of ownerIds) out.set(ownerId, { owner, ownerId, files: byOwner.get(ownerId) ?? [], canWrite, canPublish: false, maxBytes: config.maxUploadBytes });
  return out;
}
