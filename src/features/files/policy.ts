// Who may do what with a file. The owner's feature decides (through the owner registry) what the
// actor may do with its record, as an `OwnerAccess`; these named rules answer from it for one
// file. Denied by default: an owner that grants nothing exposes nothing.
import { publicRecordRule, recordRule, type Rules } from '../../domain/policy.ts';
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

/** One file as its reader meets it: whether it is marked public, and its owner's access. */
export interface FileRef {
  access: OwnerAccess;
  isPublic: boolean;
}

export const filesRules = {
  /** Download a file: who sees all of its owner's files, or anyone when both the owner and the file are public. */
  'file.read': publicRecordRule<FileRef>((_actor, file) => file.access.readAll || (file.access.readPublic && file.isPublic)),
  /** Add a file to a record, or delete one. */
  'file.write': recordRule<OwnerAccess>((_actor, access) => access.write),
  /** Mark a file public (visible to visitors of a public owner) or internal. */
  'file.publish': recordRule<OwnerAccess>((_actor, access) => access.publish),
} satisfies Rules;
