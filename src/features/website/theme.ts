// A programme sets its own name and colours (design tokens) without code changes. Colour pairs
// that carry text must keep WCAG AA contrast (4.5:1), so a theme cannot make the site unreadable.
import { done, refused, type FieldErrors, type Outcome } from '../../domain/outcome.ts';
import type { ThemeForm } from './schema.ts';

export const COLOUR_TOKENS = ['primary', 'primary-contrast', 'accent', 'text', 'background'] as const;
export type Colour = (typeof COLOUR_TOKENS)[number];
export const DEFAULT_COLOURS: Record<Colour, string> = { primary: '#154273', 'primary-contrast': '#ffffff', accent: '#e17000', text: '#1a1a1a', background: '#ffffff' };
const HEX = /^#[0-9a-fA-F]{6}$/;

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export interface Theme {
  name: { nl: string; en: string };
  contactEmail: string | null;
  colours: Record<Colour, string>;
}

/** The theme a read form describes, or why not: colours as #rrggbb, text pairs readable together. */
export function themeFrom(form: ThemeForm): Outcome<Theme> {
  const errors: FieldErrors = {};
  const colours = Object.fromEntries(COLOUR_TOKENS.map((c) => [c, form[`colour_${c}`]])) as Record<Colour, string>;
  for (const colour of COLOUR_TOKENS) if (!HEX.test(colours[colour])) errors[`colour_${colour}`] = { key: 'website.theme.error.colour' };
  if (Object.keys(errors).length === 0) {
    if (contrastRatio(colours.primary, colours['primary-contrast']) < 4.5) errors['colour_primary-contrast'] = { key: 'website.theme.error.contrast' };
    if (contrastRatio(colours.text, colours.background) < 4.5) errors.colour_text = { key: 'website.theme.error.contrast' };
    if (contrastRatio(colours.primary, colours.background) < 4.5) errors.colour_primary = { key: 'website.theme.error.contrast' };
  }
  if (Object.keys(errors).length > 0) return refused(errors);
  return done({ name: { nl: form.name_nl, en: form.name_en }, contactEmail: form.contactEmail ?? null, colours });
}
