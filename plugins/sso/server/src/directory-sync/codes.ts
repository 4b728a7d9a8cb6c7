// Codes of departments and groups (`^[a-z0-9][a-z0-9_-]{0,63}$`) made from directory names,
// which are often Russian: transliterated (GOST 7.79-2000 B, simplified) so they stay readable.
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'j',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'cz',
  ч: 'ch',
  ш: 'sh',
  щ: 'shh',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const MAX_LENGTH = 64;

/** `Служба поддержки` → `sluzhba-podderzhki`; `''` when nothing usable is left. */
export const codeFrom = (name: string): string =>
  [...name.toLowerCase()]
    .map((char) => CYRILLIC[char] ?? char)
    .join('')
    .normalize('NFKD')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '');

/**
 * A code not in `taken`: the preferred one, else `fallback` ones in turn, else the first with
 * a number. The chosen code is added to `taken`.
 */
export const uniqueCode = (candidates: string[], taken: Set<string>, last = 'x'): string => {
  const usable = candidates.filter(Boolean);
  let code = usable.find((candidate) => !taken.has(candidate));
  const base = (usable[0] || last).slice(0, MAX_LENGTH - 4);
  for (let n = 2; !code; n += 1) if (!taken.has(`${base}-${n}`)) code = `${base}-${n}`;
  taken.add(code);
  return code;
};
