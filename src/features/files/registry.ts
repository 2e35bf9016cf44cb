// Features register the records that can hold files ("owners"): which kinds of file they accept
// and what an actor may do with one record's files. One upload, one delete and one download route
// then serve every feature, each asking the owner's own rules.
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../domain/policy.ts';
import { isUuid } from '../../web/forms.ts';
import type { FileKind } from './content.ts';
import type { OwnerAccess } from './policy.ts';

export interface FileOwner {
  /** URL segment and stored owner kind, e.g. 'project'. */
  kind: string;
  accept: readonly FileKind[];
  /** Raster images of this owner are shown inline (the logo); everything else is a download. */
  inline?: boolean;
  /** Each file needs a text alternative (nl and en). */
  altRequired?: boolean;
  /** The owner holds at most one file: a new upload replaces the old one. */
  single?: boolean;
  /** Loads the owner inside the programme and says what the actor may do; null when it does not exist. */
  access(input: { db: Db; programme: { id: string; slug: string }; ownerId: string; actor: Actor | null }): Promise<OwnerAccess | null>;
}

const owners = new Map<string, FileOwner>();

export function registerFileOwner(owner: FileOwner): void {
  const existing = owners.get(owner.kind);
  if (existing && existing !== owner) throw new Error(`File owner kind "${owner.kind}" is registered twice`);
  owners.set(owner.kind, owner);
}

export function fileOwner(kind: string): FileOwner | undefined {
  return owners.get(kind);
}

/** The actor's access to one owner record, or null when the kind or the record does not exist. */
export async function ownerAccess(db: Db, programme: { id: string; slug: string }, kind: string, ownerId: string, actor: Actor | null): Promise<{ owner: FileOwner; access: OwnerAccess } | null> {
  const owner = owners.get(kind);
  if (!owner || !isUuid(ownerId)) return null;
  const access = await owner.access({ db, programme, ownerId, actor });
  return access ? { owner, access } : null;
}
