// The programmes where a person has something to do: a role, a seat (a linked person) or a party to
// represent. The start page lists them; the menus let the person switch between them.
import { asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, programmes, roleAssignments } from '../../db/schema.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { agreementRepresentatives } from '../agreement/tables.ts';

export interface OwnProgramme {
  slug: string;
  name: LocalizedText;
}

export async function programmesOf(db: Db, userId: string): Promise<OwnProgramme[]> {
  return db
    .select({ slug: programmes.slug, name: programmes.name })
    .from(programmes)
    .where(
      or(
        inArray(programmes.id, db.select({ id: roleAssignments.programmeId }).from(roleAssignments).where(eq(roleAssignments.userId, userId))),
        inArray(programmes.id, db.select({ id: people.programmeId }).from(people).where(eq(people.userId, userId))),
        inArray(programmes.id, db.select({ id: agreementRepresentatives.programmeId }).from(agreementRepresentatives).where(eq(agreementRepresentatives.userId, userId))),
      ),
    )
    .orderBy(asc(programmes.slug));
}
