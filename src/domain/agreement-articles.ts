// An agreement's text split into articles, so an administrator can paste (or import) the whole
// text once and adjust each article's title and text before saving. An article starts at a line
// "Artikel N" / "Article N" (optionally followed by a title: "Artikel 2 - Looptijd", "Artikel 2.
// Looptijd") or at a Markdown heading ("# ...", "## ..."). Text before the first heading is the
// preamble (the parties, the considerations) and becomes an article of its own. Without any heading
// the whole text is one article. Pure: the text in, the articles out.

export interface DraftArticle {
  /** The heading's title as written, without "Artikel N" and separators; may be empty. */
  title: string;
  /** Plain text: paragraphs separated by one blank line. */
  body: string;
}

const ARTICLE = /^(?:artikel|article|art\.)\s+(\d+[a-z]?)\b\s*[.:\-–—]?\s*(.*)$/i;
const MARKDOWN = /^#{1,6}\s+(.+?)\s*#*\s*$/;

/** The title a heading line gives, or null when the line is not a heading. */
export function headingOf(line: string): string | null {
  const trimmed = line.trim();
  const markdown = MARKDOWN.exec(trimmed);
  if (markdown) {
    // "## Artikel 3 Thema's" is one heading: keep the article's own title.
    const inner = ARTICLE.exec(markdown[1]!.trim());
    return inner ? titleOf(inner[1]!, inner[2]!) : markdown[1]!.trim();
  }
  const article = ARTICLE.exec(trimmed);
  return article ? titleOf(article[1]!, article[2]!) : null;
}

function titleOf(number: string, rest: string): string {
  const title = rest.replace(/^[\s.:\-–—]+/, '').trim();
  return title || `${number}`;
}

/** Paragraphs joined by one blank line; runs of blank lines and trailing spaces dropped. */
function tidy(lines: string[]): string {
  return lines
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function splitArticles(text: string): DraftArticle[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const articles: DraftArticle[] = [];
  let current: { title: string; lines: string[] } = { title: '', lines: [] };
  const close = () => {
    const body = tidy(current.lines);
    if (body || current.title) articles.push({ title: current.title, body });
  };
  for (const line of lines) {
    const heading = headingOf(line);
    if (heading === null) {
      current.lines.push(line);
      continue;
    }
    close();
    current = { title: heading, lines: [] };
  }
  close();
  return articles;
}
