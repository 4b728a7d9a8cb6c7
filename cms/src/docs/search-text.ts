const EXCERPT_LENGTH = 200;

/** Lowercase for matching Russian and English alike (SQLite's LIKE folds ASCII only). */
export const fold = (text: string) => text.toLocaleLowerCase('ru');

/** The words of a query, lowercased, each once. */
export const queryWords = (query: string) => [...new Set(fold(query).split(/\s+/).filter(Boolean))];

/** Markdown as the plain text a reader sees: no markup, links' text kept, one line. */
export const plainText = (markdown: string) =>
  markdown
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Up to about 200 characters of `text` around its first word of the query, on word breaks. */
export const excerptOf = (text: string, words: string[]) => {
  const folded = fold(text);
  const at = Math.min(
    ...words.map((word) => folded.indexOf(word)).filter((index) => index >= 0),
    Number.MAX_SAFE_INTEGER
  );
  const start = at === Number.MAX_SAFE_INTEGER ? 0 : Math.max(0, at - EXCERPT_LENGTH / 4);
  let from = start === 0 ? 0 : text.indexOf(' ', start) + 1;
  if (from <= 0 || from > at) from = start;
  const end = from + EXCERPT_LENGTH;
  const cut = end >= text.length ? text.length : text.lastIndexOf(' ', end);
  const to = cut > from ? cut : Math.min(end, text.length);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
};
