// Editors write Markdown; readers get HTML that can hold no script, style, event handler or
// foreign frame. marked turns Markdown into HTML (raw HTML included), and sanitize-html then keeps
// only an allow-list of tags and attributes, so whatever an editor pastes, the page stays safe.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'h2', 'h3', 'h4', 'code', 'pre', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title', 'hreflang'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Page headings start at h1 (the title): lift Markdown's "#" to h2 so the outline stays valid.
  transformTags: {
    // ... and give every heading its NL Design System heading class.
    h1: sanitizeHtml.simpleTransform('h2', { class: 'utrecht-heading-2' }),
    h2: sanitizeHtml.simpleTransform('h2', { class: 'utrecht-heading-2' }),
    h3: sanitizeHtml.simpleTransform('h3', { class: 'utrecht-heading-3' }),
    h4: sanitizeHtml.simpleTransform('h4', { class: 'utrecht-heading-4' }),
    h5: sanitizeHtml.simpleTransform('h4', { class: 'utrecht-heading-4' }),
    h6: sanitizeHtml.simpleTransform('h4', { class: 'utrecht-heading-4' }),
    a: sanitizeHtml.simpleTransform('a', { class: 'utrecht-link' }),
    p: sanitizeHtml.simpleTransform('p', { class: 'utrecht-paragraph' }),
    ul: sanitizeHtml.simpleTransform('ul', { class: 'utrecht-unordered-list' }),
    ol: sanitizeHtml.simpleTransform('ol', { class: 'utrecht-ordered-list' }),
  },
  allowedClasses: { h2: ['utrecht-heading-2'], h3: ['utrecht-heading-3'], h4: ['utrecht-heading-4'], a: ['utrecht-link'], p: ['utrecht-paragraph'], ul: ['utrecht-unordered-list'], ol: ['utrecht-ordered-list'] },
};

/** Markdown to sanitised HTML, safe to insert into a page as is. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown ?? '') as string;
  return sanitizeHtml(html, ALLOWED);
}

/** Markdown to plain text, for summaries, feeds and search snippets. */
export function markdownToText(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown ?? '') as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim();
}
