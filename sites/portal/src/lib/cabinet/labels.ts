/** How the cabinet names the CMS's states, roles and deploys in Russian. */
import type {
  ClinicRole,
  DeployStatus,
  DomainCheckResult,
  DomainStatus,
  PublicationState,
} from '@vixenhealth/cms/contracts';
import type { CallRecord } from '@vixenhealth/telephony/contracts';

export const STATE_LABELS: Record<PublicationState, string> = {
  draft: 'Черновик',
  published: 'Опубликовано',
  modified: 'Есть неопубликованные изменения',
};

export const ROLE_LABELS: Record<ClinicRole, string> = {
  owner: 'Владелец',
  administrator: 'Администратор',
};

export const DEPLOY_LABELS: Record<DeployStatus, string> = {
  queued: 'В очереди',
  building: 'Собирается',
  live: 'На сайте',
  failed: 'Не удался',
  offline: 'Сайт снят',
};

export const DOMAIN_LABELS: Record<DomainStatus, string> = {
  unverified: 'Не подтверждён',
  verified: 'Подтверждён',
  lost: 'Подтверждение потеряно',
};

export const DOMAIN_CHECK_LABELS: Record<DomainCheckResult, string> = {
  found: 'запись найдена',
  missing: 'записи нет',
  unreachable: 'DNS не ответил, попробуйте позже',
};

/** What was done, said after the redirect that follows a form (`?done=<action>`). */
export const DONE_MESSAGES: Record<string, string> = {
  'metrics-share': 'Публичная ссылка готова. Старая ссылка, если была, больше не работает.',
  'metrics-unshare': 'Публичная ссылка отключена.',
  'metrics-retention': 'Срок хранения статистики сохранён.',
  save: 'Изменения сохранены. На сайте они появятся после публикации.',
  publish: 'Опубликовано. Сайт клиники обновится через несколько секунд.',
  unpublish: 'Снято с публикации.',
  create: 'Добавлено как черновик.',
  delete: 'Удалено.',
  move: 'Порядок страниц изменён.',
  upload: 'Фото добавлены в библиотеку.',
  logo: 'Логотип выбран. На сайте он появится после публикации клиники.',
  invite: 'Приглашение отправлено.',
  revoke: 'Приглашение отозвано.',
  remove: 'Администратор больше не управляет клиникой.',
  domain: 'Домен сохранён. Подтвердите его DNS-записью ниже.',
  check: 'Домен проверен, результат ниже.',
  'telephony-revoke': 'Токен отозван: АТС с ним больше не передаёт звонки.',
};

export const CALL_RESULT_LABELS: Record<NonNullable<CallRecord['result']>, string> = {
  answered: 'Состоялся',
  missed: 'Пропущен',
  rejected: 'Отклонён',
  voicemail: 'Голосовая почта',
};

const SUBJECTS: Record<string, string> = {
  clinic: 'клиника',
  page: 'страница',
  service: 'услуга',
  doctor: 'врач',
  photo: 'фото',
  review: 'отзыв',
};

const VERBS: Record<string, string> = {
  published: 'опубликована',
  unpublished: 'снята с публикации',
  deleted: 'удалена',
  moderated: 'проверен модератором',
};

const REASONS: Record<string, string> = {
  'first deploy': 'первая сборка',
  'resumed after a restart': 'продолжение после перезапуска',
  'doctor left the clinic': 'врач ушёл из клиники',
  'domain verified': 'домен подтверждён',
  'domain lost': 'подтверждение домена потеряно',
  'domain changed': 'домен изменён',
};

/**
 * Why a deploy ran, in Russian: the CMS joins what triggered it ("page published, clinic
 * published"); anything unknown is shown as the CMS wrote it.
 */
export const deployReason = (reason: string) =>
  reason
    .split(', ')
    .map((part) => {
      if (REASONS[part]) return REASONS[part];
      const [subject, verb] = part.toLowerCase().split(' ');
      return SUBJECTS[subject] && VERBS[verb] ? `${SUBJECTS[subject]}: ${VERBS[verb]}` : part;
    })
    .join(', ');
