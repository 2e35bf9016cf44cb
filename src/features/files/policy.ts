// Who may do what with a file. The owner's feature decides (through the owner registry) what the
// actor may do with its record; these pure rules turn that into answers for one file. Denied by
// default: an owner that grants nothing exposes nothing.
import type { Rules } from '../../domain/policy.ts';
import { AccessDenied } from '../../domain/policy.ts';
import type { LocalizedText } from '../../domain/localized.ts';

/** What the actor may do with one owner record's files, as the owning feature decides it. */
export interface OwnerAccess {
  /** May see all of the owner's files. */
  readAll: boolean;
  /** May see the owner's files marked public (e.g. a published project for visitors). */
  readPublic: boolean;
  /** May add and delete files. */
  write: boolean;
  /** May mark a file public or internal. */
  publish: boolean;
  /** Page (without the language prefix) to return to after a change. */
  returnTo: string;
  /** The owner's name, for headings on the upload page. */
  title: LocalizedText;
}

export type FileAction = { do: 'file.read'; isPublic: boolean } | { do: 'file.write' } | { do: 'file.publish' };

export function canFile(access: OwnerAccess | null | undefined, action: FileAction): boolean {
  if (!access) return false;
  switch (action.do) {
    case 'file.read':
      return access.readAll || (access.readPublic && action.isPublic);
    case 'file.write':
      return access.write;
    case 'file.publish':
      return access.publish;
    default:
      return false;
  }
}

export function authorizeFile(access: OwnerAccess | null | undefined, action: FileAction): void {
  if (!canFile(access, action)) throw new AccessDenied(action.do);
}

/** The files capability's named actions (issue 19: every route and command names one of these). */
export const filesRules = {} satisfies Rules;
