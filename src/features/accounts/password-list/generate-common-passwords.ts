// Regenerates common-passwords.txt from the zxcvbn-ts common password dictionary (a devDependency;
// it ranks passwords from public breach corpora by frequency). The file keeps the 10,000 most
// common, plus every listed password of at least 12 characters (the ones the length rule lets by).
// Run: npx tsx src/features/accounts/password-list/generate-common-passwords.ts
import { writeFileSync } from 'node:fs';
import { dictionary } from '@zxcvbn-ts/language-common';

const list = dictionary['passwords-common'];
const seen = new Set<string>();
for (const word of list) {
  const lower = word.toLowerCase();
  if (seen.size < 10_000 || lower.length >= 12) seen.add(lower);
}
writeFileSync(new URL('./common-passwords.txt', import.meta.url), [...seen].join('\n') + '\n');
console.log(`${seen.size} passwords written`);
