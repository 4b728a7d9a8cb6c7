/**
 * What the Support desk says, in Russian for the portal's forms and pages: the desk's field
 * paths and statuses are stable, its English messages are for developers.
 */

import { CmsApiError } from '@vixenhealth/api-client';
import { SUPPORT_LIMITS, type TicketStatus } from '@vixenhealth/support/contracts';

/** The fields of the request and reply forms, as the desk names them in a 400's `path`. */
export type SupportField = 'subject' | 'body' | 'files' | 'clinic';

/** Messages next to the fields the desk refused, and one above the form for the rest. */
export interface SupportRefusal {
  errors: Partial<Record<SupportField, string>>;
  notice: string | null;
}

const MB = 1024 * 1024;
const { subject, body, attachments } = SUPPORT_LIMITS;
const count = (n: number) => n.toLocaleString('ru-RU');

export const FILES_MESSAGE = `Можно приложить до ${attachments.maxFiles} файлов, до ${attachments.maxBytes / MB} МБ каждый.`;

const FIELD_MESSAGES: Record<Exclude<SupportField, 'files'>, string> = {
  subject: `Тема — от ${subject.min} до ${subject.max} символов.`,
  body: `Напишите текст обращения: до ${count(body.max)} символов.`,
  clinic: 'Клиника не найдена. Отправьте обращение без неё или выберите клинику заново.',
};

export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'Новое',
  open: 'В работе',
  pending: 'Ждёт вашего ответа',
  'on-hold': 'Отложено',
  resolved: 'Решено',
  closed: 'Закрыто',
};

const UNAVAILABLE = 'Не удалось отправить: служба поддержки временно недоступна. Попробуйте позже.';

const isField = (name: string | undefined): name is SupportField =>
  name !== undefined && (name === 'files' || Object.hasOwn(FIELD_MESSAGES, name));

/**
 * The desk's refusal of a request or a reply, as the form shows it: next to the field its 400
 * names (a file by its place among `fileNames`), or above the form; `signed-out` when it
 * refused the access token.
 */
export const supportRefusalOf = (
  error: unknown,
  fileNames: string[]
): SupportRefusal | 'signed-out' => {
  if (!(error instanceof CmsApiError)) return { errors: {}, notice: UNAVAILABLE };
  if (error.status === 401) return 'signed-out';
  if (error.status !== 400) {
    return { errors: {}, notice: error.status >= 500 ? UNAVAILABLE : 'Сообщение не принято.' };
  }
  const details = (error.error?.details ?? {}) as { errors?: { path?: string[] }[] };
  const errors: SupportRefusal['errors'] = {};
  for (const { path = [] } of details.errors ?? []) {
    const [field, index] = path;
    if (!isField(field) || errors[field]) continue;
    const fileName = index === undefined ? undefined : fileNames[Number(index)];
    errors[field] =
      field !== 'files'
        ? FIELD_MESSAGES[field]
        : fileName
          ? `Файл «${fileName}» не принят. ${FILES_MESSAGE}`
          : FILES_MESSAGE;
  }
  return Object.keys(errors).length > 0
    ? { errors, notice: null }
    : { errors: {}, notice: 'Сообщение не принято: проверьте поля формы.' };
};
