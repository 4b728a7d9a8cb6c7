/**
 * What the CMS says about a review, in Russian for the form: its codes, rules and field paths
 * are stable, its English messages are for developers.
 */

import { CmsApiError } from '@vixenhealth/api-client';
import {
  MB,
  REVIEW_ATTACHMENTS,
  REVIEW_SUBMISSIONS,
  REVIEW_TEXT,
  type ReviewLimitRule,
} from '@vixenhealth/cms/contracts';

import type { ReviewTarget } from './public-reviews';
import type { ReviewField } from './review-form';

/** The advice's reasons. */
const ADVICE_REASONS: Record<string, string> = {
  'log-attached': 'к отзыву приложен лог-файл;',
  'mentions-errors': 'в тексте говорится об ошибках или сбоях.',
};

const FIELD_MESSAGES: Record<Exclude<ReviewField, 'files'>, string> = {
  rating: 'Поставьте оценку от 1 до 5.',
  title: `Заголовок — от ${REVIEW_TEXT.title.min} до ${REVIEW_TEXT.title.max} символов.`,
  text: `Текст отзыва — от ${REVIEW_TEXT.text.min} до ${REVIEW_TEXT.text.max} символов.`,
  visitMonth: 'Месяц визита — не позже текущего и не раньше, чем десять лет назад.',
  visibility: 'Выберите, кто увидит отзыв.',
};

const { maxFiles, maxTotalBytes, maxBytes } = REVIEW_ATTACHMENTS;
const FILES_MESSAGE =
  `Можно приложить до ${maxFiles} файлов, всего до ${maxTotalBytes / MB} МБ: фото JPEG, PNG ` +
  `или WebP (до ${maxBytes.image / MB} МБ), видео MP4 (до ${maxBytes.video / MB} МБ), логи ` +
  `.log, .txt или .json (до ${maxBytes.log / MB} МБ). Тип проверяется по содержимому.`;

const LIMIT_MESSAGES: Record<ReviewLimitRule, string> = {
  'daily-limit': `За сутки можно оставить не больше ${REVIEW_SUBMISSIONS.perDay} отзывов. Попробуйте завтра.`,
  'same-target': `Вы уже оставляли публичный отзыв здесь за последние ${REVIEW_SUBMISSIONS.sameTargetDays} дней. Следующий можно будет оставить позже.`,
};

const UNAVAILABLE = 'Не удалось отправить отзыв: сервис временно недоступен. Попробуйте позже.';

/** Why the CMS advises a private review (its `reasons`), in Russian. */
export const adviceReasons = (reasons: string[]) =>
  reasons.map((reason) => ADVICE_REASONS[reason] ?? reason);

/** The CMS's refusal, as the form shows it: next to the field it names, or above the form. */
export const refusalOf = (
  error: unknown,
  target: ReviewTarget
): { errors: Partial<Record<ReviewField, string>>; notice: string | null } | 'signed-out' => {
  if (!(error instanceof CmsApiError)) return { errors: {}, notice: UNAVAILABLE };
  const details = (error.error?.details ?? {}) as {
    errors?: { path?: string[] }[];
    rule?: string;
  };
  switch (error.status) {
    case 401:
      return 'signed-out';
    case 429:
      return {
        errors: {},
        notice:
          LIMIT_MESSAGES[details.rule as ReviewLimitRule] ??
          'Слишком много отзывов: попробуйте позже.',
      };
    case 400: {
      const [field, name] = details.errors?.[0]?.path ?? [];
      if (field === 'files') {
        return {
          errors: { files: name ? `Файл «${name}» не принят. ${FILES_MESSAGE}` : FILES_MESSAGE },
          notice: null,
        };
      }
      if (field && Object.hasOwn(FIELD_MESSAGES, field)) {
        return {
          errors: { [field]: FIELD_MESSAGES[field as keyof typeof FIELD_MESSAGES] },
          notice: null,
        };
      }
      return { errors: {}, notice: 'Отзыв не принят: проверьте поля формы.' };
    }
    case 404:
      return {
        errors: {},
        notice: target.type === 'clinic' ? 'Клиника не найдена.' : 'Врач не найден.',
      };
    default:
      return { errors: {}, notice: error.status >= 500 ? UNAVAILABLE : 'Отзыв не принят.' };
  }
};
