// The font every PDF embeds: DejaVu Sans from the npm package dejavu-fonts-ttf (the complete
// TrueType files, not a web subset). It covers Latin including Central and Eastern European
// letters, Greek, Cyrillic, sub- and superscript digits and the common symbols (€ ≥ – ‘ ’).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const folder = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const fonts = {
  regular: join(folder, 'DejaVuSans.ttf'),
  bold: join(folder, 'DejaVuSans-Bold.ttf'),
} as const;

/** What the renderer substitutes for a character the font has no glyph for (and reports). */
export const REPLACEMENT = '\uFFFD';

/** Characters not drawn as glyphs: line breaks and tabs are layout, not text. */
export const isLayoutCharacter = (codePoint: number) => codePoint === 0x0a || codePoint === 0x0d || codePoint === 0x09;

export function describeCharacter(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${JSON.stringify(character)}`;
}
