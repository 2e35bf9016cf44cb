// JSX to bytes. preact-render-to-string escapes text and attributes by default; pages are sent
// as Buffers because Fastify re-encodes a string on every reply (FACTS.md: 2-3x slower).
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function renderPage(node: VNode): Buffer {
  return Buffer.from(`<!DOCTYPE html>${renderToString(node)}`, 'utf8');
}
