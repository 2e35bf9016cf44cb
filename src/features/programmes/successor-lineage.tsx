// A carried project's place in the line of programmes: the project it carries on (in the
// predecessor) and the project that carries it on (in the successor), each a link.
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { programmes, projects } from '../../db/schema.ts';
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { localePath, type PageContext } from '../../web/context.ts';
import './successor-messages.ts';

export interface ProjectLink {
  code: string;
  programmeSlug: string;
  programmeName: LocalizedText;
}

export interface ProjectLineage {
  predecessor: ProjectLink | null;
  successor: ProjectLink | null;
}

export async function projectLineage(db: Db, project: { id: string; predecessorProjectId: string | null }): Promise<ProjectLineage> {
  const other = alias(projects, 'other');
  const link = { code: other.code, programmeSlug: programmes.slug, programmeName: programmes.name };
  const [[predecessor], [successor]] = await Promise.all([
    project.predecessorProjectId
      ? db.select(link).from(other).innerJoin(programmes, eq(programmes.id, other.programmeId)).where(eq(other.id, project.predecessorProjectId))
      : Promise.resolve([]),
    db.select(link).from(other).innerJoin(programmes, eq(programmes.id, other.programmeId)).where(eq(other.predecessorProjectId, project.id)),
  ]);
  return { predecessor: predecessor ?? null, successor: successor ?? null };
}

export function ProjectLineageNote({ ctx, lineage }: { ctx: PageContext; lineage: ProjectLineage }) {
  const { t, locale } = ctx;
  const line = (link: ProjectLink, key: string, id: string) => {
    // The code is the link; the sentence around it comes from the message.
    const [before, after = ''] = t(key, { code: '\u0000', programme: resolveText(link.programmeName, locale).text }).split('\u0000');
    return (
      <p class="utrecht-paragraph" id={id}>
        {before}
        <a class="utrecht-link" href={localePath(locale, `/${link.programmeSlug}/projects/${encodeURIComponent(link.code)}`)}>
          {link.code}
        </a>
        {after}
      </p>
    );
  };
  if (!lineage.predecessor && !lineage.successor) return null;
  return (
    <div class="utrecht-alert utrecht-alert--info ks-lineage">
      <div class="utrecht-alert__content">
        {lineage.predecessor && line(lineage.predecessor, 'lineage.project.predecessor', 'project-predecessor')}
        {lineage.successor && line(lineage.successor, 'lineage.project.successor', 'project-successor')}
      </div>
    </div>
  );
}
