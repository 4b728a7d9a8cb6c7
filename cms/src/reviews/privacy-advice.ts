import type { PrivacyAdvice } from '../contracts';

/** Stems of words that make a review sound like a bug report: "ошибк" is ошибка, ошибки... */
const BUG_STEMS = [
  'ошибк',
  'ошибоч',
  'глюк',
  'вылета',
  'крэш',
  'краш',
  'error',
  'crash',
  'exception',
  'freez',
];

/** Whole words only: as stems they would catch "логопед" or "зависит". */
const BUG_WORDS = [
  'баг',
  'баги',
  'бага',
  'багов',
  'сбой',
  'сбоя',
  'сбои',
  'падает',
  'упало',
  'зависает',
  'зависло',
  'зависла',
  'зависание',
  'не работает',
  'не грузится',
  'не загружается',
  'лог',
  'логи',
  'логов',
  'лога',
  'bug',
  'bugs',
  'stack trace',
  'stacktrace',
  'hangs',
  'not working',
  "doesn't work",
  'does not work',
  'log',
  'logs',
];

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';
const BUG_PATTERN = new RegExp(
  `${NOT_LETTER_BEFORE}(?:(?:${BUG_STEMS.join('|')})|(?:${BUG_WORDS.join('|')})${NOT_LETTER_AFTER})`,
  'iu'
);

export const PREFER_PRIVATE_MESSAGE =
  'Reports about errors and logs are better sent as a private review — only Support will see them.';

/**
 * Whether a public review had better be private: it carries log files, or talks about errors.
 * Null when there is nothing to say (private reviews never get advice).
 */
export const privacyAdvice = (review: {
  title?: string;
  text?: string;
  visibility?: string;
  hasLogs: boolean;
}): PrivacyAdvice | null => {
  if (review.visibility === 'private') return null;
  const reasons: PrivacyAdvice['reasons'] = [];
  if (review.hasLogs) reasons.push('log-attached');
  if (BUG_PATTERN.test(`${review.title ?? ''}\n${review.text ?? ''}`))
    reasons.push('mentions-errors');
  return reasons.length > 0
    ? { code: 'PREFER_PRIVATE', message: PREFER_PRIVATE_MESSAGE, reasons }
    : null;
};
