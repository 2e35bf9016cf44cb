// Money is stored as integer cents; capacity as whole hours. Parsing accepts Dutch and English
// notation ("1.500,50", "1500.50", "€ 1.500") and refuses anything that is not a clear amount,
// naming the problem with a message key (registered by the fund feature in both languages).
import type { Locale } from './localized.ts';

/** The largest amount the fund accepts in one entry: €100 million. More is a typing error. */
export const MAX_CENTS = 100_000_000_00;
/** The largest number of hours in one entry (about 600 FTE-years). */
export const MAX_HOURS = 1_000_000;

export type MoneyError = 'fund.money.required' | 'fund.money.invalid' | 'fund.money.negative' | 'fund.money.tooLarge' | 'fund.money.subCent' | 'fund.money.zero';
export type HoursError = 'fund.hours.invalid' | 'fund.hours.negative' | 'fund.hours.tooLarge' | 'fund.hours.whole' | 'fund.hours.required';

export type Parsed<E> = { ok: true; value: number } | { ok: false; error: E };

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads a user's amount as cents. A lone separator followed by exactly three digits ("1.500",
 * "1,500") is read as a thousands separator in the reader's own notation (Dutch: "." groups,
 * English: "," groups); any other lone separator is the decimal one.
 */
export function parseMoney(input: unknown, locale: Locale, options: { allowZero?: boolean } = {}): Parsed<MoneyError> {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, error: 'fund.money.required' };
  let text = input.trim();
  if (text.length > 40) return { ok: false, error: 'fund.money.tooLarge' };
  let negative = false;
  if (text.startsWith('-') || text.startsWith('−')) {
    negative = true;
    text = text.slice(1).trim();
  }
  text = text.replace(/^(€|eur\b|euro\b)/i, '').trim();
  if (text.startsWith('-') || text.startsWith('−')) {
    negative = true;
    // Stryker disable next-line MethodExpression: the next line trims again
    text = text.slice(1).trim();
  }
  text = text.replace(/(€|eur|euro)$/i, '').trim();
  // "1.500,-" is the Dutch way of writing a round amount.
  text = text.replace(/[,.]-$/, '');
  // Spaces may group thousands ("1 500,50"), nowhere else.
  if (/[\s\u00a0\u202f]/.test(text)) {
    if (!/^\d{1,3}([\s\u00a0\u202f]\d{3})+([.,]\d*)?$/.test(text)) return { ok: false, error: 'fund.money.invalid' };
    text = text.replace(SPACES, '');
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return { ok: false, error: 'fund.money.invalid' };
  if (negative) return { ok: false, error: 'fund.money.negative' };

  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  let decimalSep: '.' | ',' | null = null;
  if (dots > 0 && commas > 0) {
    // Stryker disable next-line EqualityOperator: both separators are present here, so their last places differ
    decimalSep = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const decimalCount = decimalSep === '.' ? dots : commas;
    // Stryker disable next-line ConditionalExpression: a second decimal separator would also fail the grouping check below; this names the reason early
    if (decimalCount !== 1) return { ok: false, error: 'fund.money.invalid' };
  } else if (dots + commas === 1) {
    const sep = dots === 1 ? '.' : ',';
    const after = text.length - text.indexOf(sep) - 1;
    const groupSep = locale === 'nl' ? '.' : ',';
    decimalSep = after === 3 && sep === groupSep && text.indexOf(sep) > 0 ? null : sep;
  }
  // Otherwise several of the same separator: only grouping makes sense ("1.500.000"), no decimals.
  let whole = text;
  let fraction = '';
  if (decimalSep) {
    const at = text.lastIndexOf(decimalSep);
    whole = text.slice(0, at);
    fraction = text.slice(at + 1);
  }
  // Stryker disable next-line ConditionalExpression: with a decimal comma and no dot, the whole part holds no separator, so either answer does
  const groupSep = decimalSep === '.' ? ',' : decimalSep === ',' ? '.' : dots > 0 ? '.' : ',';
  if (whole.includes(groupSep)) {
    if (!new RegExp(`^\\d{1,3}(\\${groupSep}\\d{3})+$`).test(whole)) return { ok: false, error: 'fund.money.invalid' };
    whole = whole.split(groupSep).join('');
  }
  // Only digits and separators got this far, and the grouping check took out the separators.
  if (whole === '') whole = '0';
  // Stryker disable next-line ConditionalExpression,EqualityOperator: two digits or fewer pass the block unchanged
  if (fraction.length > 2) {
    if (/[1-9]/.test(fraction.slice(2))) return { ok: false, error: 'fund.money.subCent' };
    fraction = fraction.slice(0, 2);
  }
  const stripped = whole.replace(/^0+(?=\d)/, '');
  // Stryker disable next-line ConditionalExpression,EqualityOperator: guards the arithmetic; 12 digits of euros are far above MAX_CENTS, refused below all the same
  if (stripped.length > 12) return { ok: false, error: 'fund.money.tooLarge' };
  const cents = Number(stripped) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > MAX_CENTS) return { ok: false, error: 'fund.money.tooLarge' };
  if (cents === 0 && !options.allowZero) return { ok: false, error: 'fund.money.zero' };
  return { ok: true, value: cents };
}

/** Whole hours, with optional thousands grouping; "" is allowed when `optional`, meaning 0. */
export function parseHours(input: unknown, options: { optional?: boolean } = {}): Parsed<HoursError> {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) {
    return options.optional ? { ok: true, value: 0 } : { ok: false, error: 'fund.hours.required' };
  }
  if (typeof input !== 'string') return { ok: false, error: 'fund.hours.invalid' };
  const text = input.trim().replace(/\s*(uur|uren|hours?|h)$/i, '');
  if (/^[-−]/.test(text)) return { ok: false, error: 'fund.hours.negative' };
  // Stryker disable next-line Regex: the second pattern is only asked about text the first one matched from its start
  if (/^\d+[.,]\d{1,2}$/.test(text) && !/^\d+[.,]0+$/.test(text)) return { ok: false, error: 'fund.hours.whole' };
  let digits: string;
  if (/^\d+$/.test(text)) digits = text;
  else if (/^\d{1,3}([.,\s\u00a0]\d{3})+$/.test(text)) digits = text.replace(/[.,\s\u00a0]/g, '');
  else if (/^\d+[.,]0+$/.test(text)) digits = text.split(/[.,]/)[0]!;
  else return { ok: false, error: 'fund.hours.invalid' };
  // Stryker disable next-line ConditionalExpression: guards the arithmetic; ten digits are far above MAX_HOURS, refused below all the same
  if (digits.length > 9) return { ok: false, error: 'fund.hours.tooLarge' };
  const hours = Number(digits);
  if (hours > MAX_HOURS) return { ok: false, error: 'fund.hours.tooLarge' };
  return { ok: true, value: hours };
}

const currency = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};
const plain = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};
const fteFormat = {
  nl: new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

export function formatCents(locale: Locale, cents: number): string {
  return currency[locale].format(cents / 100);
}

/** Cents as the user would type them back into a form, e.g. "1500,50" / "1500.50". */
export function centsForInput(locale: Locale, cents: number): string {
  const text = (cents / 100).toFixed(2);
  return locale === 'nl' ? text.replace('.', ',') : text;
}

export function formatHours(locale: Locale, hours: number): string {
  return plain[locale].format(hours);
}

export function hoursToFte(hours: number, hoursPerFte: number): number {
  if (!Number.isFinite(hoursPerFte) || hoursPerFte <= 0) throw new Error('hours per FTE must be positive');
  return Math.round((hours / hoursPerFte) * 100) / 100;
}

export function fteToHours(fte: number, hoursPerFte: number): number {
  if (!Number.isFinite(hoursPerFte) || hoursPerFte <= 0) throw new Error('hours per FTE must be positive');
  return Math.round(fte * hoursPerFte);
}

export function formatFte(locale: Locale, hours: number, hoursPerFte: number): string {
  return fteFormat[locale].format(hoursToFte(hours, hoursPerFte));
}
