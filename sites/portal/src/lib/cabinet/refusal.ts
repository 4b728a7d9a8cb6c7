/**
 * What the cabinet API's refusals mean to the person at the form, in Russian: the CMS names the
 * field it refused (`error.details.errors[0].path`); its English messages are for developers.
 */
import { CmsApiError } from '@vixenhealth/api-client';
import { CLINIC_PHOTOS, MB, type CabinetRule } from '@vixenhealth/cms/contracts';

/** A refusal the page shows: next to a field of the form, or above it. */
export type Refusal =
  | { kind: 'field'; field: string; message: string }
  | { kind: 'notice'; message: string }
  | { kind: 'signed-out' }
  | { kind: 'not-found' };

/** Thrown by an action for a refusal of its own, before asking the CMS. */
export class FormRefusal extends Error {
  constructor(
    readonly field: string | null,
    message: string
  ) {
    super(message);
    this.name = 'FormRefusal';
  }
}

const FIELD_MESSAGES: Record<string, string> = {
  name: 'Укажите название: от 2 символов.',
  city: 'Укажите город: от 2 до 80 символов.',
  address: 'Укажите адрес: от 5 до 250 символов.',
  email: 'Укажите адрес электронной почты, например info@klinika.ru.',
  phones: 'Телефоны — в международном формате, по одному в строке, например +74951234567.',
  shortDescription: 'Краткое описание — не длиннее 300 символов.',
  description: 'Описание — не длиннее 20 000 символов.',
  logo: 'Логотип — одно из фото библиотеки клиники.',
  title: 'Укажите заголовок: до 150 символов.',
  slug: 'Адрес страницы — строчные латинские буквы, цифры и дефисы (например, o-klinike); у каждой страницы клиники свой.',
  text: 'Текст — не длиннее 50 000 символов.',
  fullName: 'Укажите ФИО: от 3 до 150 символов.',
  experienceYears: 'Стаж — целое число лет от 0 до 70.',
  biography: 'Биография — не длиннее 20 000 символов.',
  price: 'Цена — сумма в рублях не меньше нуля, копейки через запятую.',
  currency: 'Выберите валюту из списка.',
  durationMinutes: 'Длительность — от 5 до 1440 минут.',
  order: 'Страницы изменились, пока вы их упорядочивали: обновите страницу и попробуйте снова.',
  files: `Фото — JPEG, PNG или WebP до ${CLINIC_PHOTOS.maxBytes / MB} МБ каждое, до ${CLINIC_PHOTOS.perUpload} за раз и до ${CLINIC_PHOTOS.perClinic} у клиники. Тип проверяется по содержимому файла.`,
};

/** The CMS's fields where the form has another name for them. */
const FORM_FIELDS: Record<string, string> = { body: 'text' };

const subdomainMessage = (reason: string) =>
  /taken/.test(reason)
    ? 'Этот адрес уже занят другой клиникой.'
    : /reserved/.test(reason)
      ? 'Этот адрес платформа оставляет за собой: выберите другой.'
      : 'Адрес — от 1 до 63 строчных латинских букв, цифр или дефисов, не с дефиса в начале или конце.';

const fieldMessage = (field: string, name: string | undefined, message: string) => {
  if (field === 'subdomain') return subdomainMessage(message);
  if (field === 'email' && /already/.test(message)) return 'Этот человек уже в команде клиники.';
  if (field === 'files' && name) return `Файл «${name}» не принят. ${FIELD_MESSAGES.files}`;
  return FIELD_MESSAGES[field] ?? 'Значение не принято: проверьте поле.';
};

const UNAVAILABLE = 'Сервис временно недоступен. Попробуйте ещё раз через минуту.';

/** Each rule by which the CMS refuses (403) or limits (429), as the person reads it. */
const RULE_MESSAGES: Record<CabinetRule, string> = {
  'people-only': 'Кабинет — для людей: войдите с VixenHealth ID.',
  'owners-only': 'Это может сделать только владелец клиники.',
  'clinic-not-published': 'Сначала опубликуйте клинику: её сайта ещё нет.',
  'shared-doctor':
    'Этот врач работает и в другой клинике, его профиль общий: чтобы изменить или удалить его, напишите в поддержку VixenHealth.',
  'invitation-for-another-email':
    'Приглашение отправлено на другой адрес: войдите в VixenHealth ID с той почтой, на которую оно пришло.',
  'invitation-not-sent': 'Письмо с приглашением не удалось отправить. Попробуйте ещё раз позже.',
  'draft-clinics': 'Сначала опубликуйте или удалите одну из ваших неопубликованных клиник.',
  'pending-invitations': 'Слишком много открытых приглашений: отзовите ненужные.',
  'domain-verified-elsewhere':
    'Этот домен уже подтверждён другой клиникой. Если он ваш, напишите в поддержку VixenHealth.',
};

const ruleMessage = (error: CmsApiError, otherwise: string) => {
  const rule = (error.error?.details as { rule?: string } | undefined)?.rule;
  return (rule && RULE_MESSAGES[rule as CabinetRule]) || otherwise;
};

/**
 * The refusal as the page shows it: an action's own ({@link FormRefusal}), or the CMS's. A 403
 * or 429 names the rule that stopped the person (only owners may…, publish the clinic first…),
 * worded here.
 *
 * @example
 * ```ts
 * const refusal = refusalOf(error);
 * if (refusal.kind === 'signed-out') return signInAgain(Astro);
 * ```
 */
export const refusalOf = (error: unknown): Refusal => {
  if (error instanceof FormRefusal) {
    return error.field
      ? { kind: 'field', field: error.field, message: error.message }
      : { kind: 'notice', message: error.message };
  }
  if (!(error instanceof CmsApiError)) return { kind: 'notice', message: UNAVAILABLE };
  switch (error.status) {
    case 401:
      return { kind: 'signed-out' };
    case 404:
      return { kind: 'not-found' };
    case 403:
      return { kind: 'notice', message: ruleMessage(error, 'Это действие вам недоступно.') };
    case 429:
      return { kind: 'notice', message: ruleMessage(error, 'Достигнут предел: попробуйте позже.') };
    case 400: {
      const details = (error.error?.details ?? {}) as {
        errors?: { path?: (string | number)[]; message?: string }[];
      };
      const first = details.errors?.[0];
      const [cmsField, name] = (first?.path ?? []).map(String);
      if (!cmsField) return { kind: 'notice', message: 'Данные не приняты: проверьте форму.' };
      const field = FORM_FIELDS[cmsField] ?? cmsField;
      return {
        kind: 'field',
        field,
        message: fieldMessage(field, name, first?.message ?? error.message),
      };
    }
    default:
      return { kind: 'notice', message: UNAVAILABLE };
  }
};
