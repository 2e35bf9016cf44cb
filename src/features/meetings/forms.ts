// Reading the meeting forms: every field is checked, and problems come back as message keys per
// field so the page can be shown again with what the user typed.
import type { LocalizedText } from '../../domain/localized.ts';

export type FormBody = Record<string, unknown>;
export type FieldErrors = Record<string, string>;

export function field(body: FormBody, name: string, max = 2000): string {
  const value = body[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' ? text.trim().slice(0, max) : '';
}

export function fields(body: FormBody, name: string): string[] {
  const value = body[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Both languages of a content field; at least one is required when `required`. */
export function localized(body: FormBody, name: string, errors: FieldErrors, required = true, max = 4000): LocalizedText {
  const nl = field(body, `${name}_nl`, max);
  const en = field(body, `${name}_en`, max);
  if (required && !nl && !en) errors[`${name}_nl`] = 'meetings.error.required';
  const result: LocalizedText = {};
  if (nl) result.nl = nl;
  if (en) result.en = en;
  return result;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
