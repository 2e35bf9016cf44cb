// Web addresses made from names keep their letters: "Łódź" becomes "lodz", not "odz". Unicode
// decomposition (NFKD) splits accented letters into a base letter and marks, which are dropped;
// the letters that do not decompose (ł, đ, ø, ß, æ ...) are spelled the way they are in ASCII.

const SPELLED: Record<string, string> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ø: 'o', Ø: 'O', ß: 'ss', ẞ: 'SS',
  æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H', ŀ: 'l', Ŀ: 'L', ŧ: 't', Ŧ: 'T', ĸ: 'k', ŋ: 'ng', Ŋ: 'NG',
};
const SPELLED_PATTERN = new RegExp(`[${Object.keys(SPELLED).join('')}]`, 'g');

/** The text in ASCII letters where a letter has an ASCII spelling (other characters are kept). */
export function asciiFold(text: string): string {
  return text
    .replace(SPELLED_PATTERN, (letter) => SPELLED[letter]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

/** A web address's last part: lower-case ASCII letters and digits joined by hyphens, at most 80 characters. */
export function slugify(text: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    // Stryker disable next-line Regex: the line above leaves single hyphens, so one or a run is the same
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    // Stryker disable next-line Regex: the line above leaves single hyphens, so one or a run is the same
    .replace(/-+$/, '');
}
