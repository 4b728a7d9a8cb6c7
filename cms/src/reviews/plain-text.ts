/** Control characters other than tab and newline: never part of a review. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g;

/**
 * Plain text as it will be stored: Unicode-normalised, line endings unified, control characters
 * dropped, at most one empty line between paragraphs, no spaces at the ends. HTML is kept as
 * text: it is escaped wherever a review is shown.
 */
export const plainText = (value: string): string =>
  value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
