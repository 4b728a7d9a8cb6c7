import { CLINIC_PHOTOS, MB, REVIEW_ATTACHMENTS } from '@vixenhealth/cms/contracts';
import { SUPPORT_LIMITS } from '@vixenhealth/support/contracts';

/**
 * How much a form posted to the portal may carry: what the CMS accepts behind it, and a little
 * more for the form's text fields and the multipart boundaries. Beyond that the portal answers
 * 413 without reading the rest, instead of holding tens of megabytes for the CMS to refuse.
 */
export interface BodyLimit {
  /** The whole body, in bytes. */
  bytes: number;
  /** The parts of a multipart body: the files and the form's other fields. */
  parts: number;
  /** What may be sent, in Russian, for the refusal. */
  message: string;
}

/** The form's text fields (a review's text is at most `REVIEW_TEXT.text.max` characters) and the part headers. */
const FORM_ROOM = 256 * 1024;

/** A form's fields besides its files (the review form has 7, the photo form 3). */
const FIELD_PARTS = 10;

const REVIEW_FILES = REVIEW_ATTACHMENTS.maxFiles;
const REVIEW_BYTES = REVIEW_ATTACHMENTS.maxTotalBytes;
const PHOTOS_PER_UPLOAD = CLINIC_PHOTOS.perUpload;
const PHOTO_BYTES = CLINIC_PHOTOS.maxBytes;

const REVIEW_FORM: BodyLimit = {
  bytes: REVIEW_BYTES + FORM_ROOM,
  parts: REVIEW_FILES + FIELD_PARTS,
  message: `К отзыву можно приложить не больше ${REVIEW_FILES} файлов, вместе до ${REVIEW_BYTES / MB} МБ.`,
};

const PHOTO_FORM: BodyLimit = {
  bytes: PHOTOS_PER_UPLOAD * PHOTO_BYTES + FORM_ROOM,
  parts: PHOTOS_PER_UPLOAD + FIELD_PARTS,
  message: `За один раз можно загрузить не больше ${PHOTOS_PER_UPLOAD} фото, до ${PHOTO_BYTES / MB} МБ каждое.`,
};

const SUPPORT_FILES = SUPPORT_LIMITS.attachments.maxFiles;
const SUPPORT_FILE_BYTES = SUPPORT_LIMITS.attachments.maxBytes;

/** A request to support or a reply to one: its text (at most 20 000 characters) and its files. */
const SUPPORT_FORM: BodyLimit = {
  bytes: SUPPORT_FILES * SUPPORT_FILE_BYTES + FORM_ROOM,
  parts: SUPPORT_FILES + FIELD_PARTS,
  message: `К обращению можно приложить не больше ${SUPPORT_FILES} файлов, до ${SUPPORT_FILE_BYTES / MB} МБ каждый.`,
};

/** Every other form is text: the CMS reads at most 1 MB of a form or JSON body (`formLimit`). */
const TEXT_FORM: BodyLimit = {
  bytes: 1 * MB,
  parts: 4 * FIELD_PARTS,
  message: 'Форма не может быть больше 1 МБ.',
};

/**
 * The limit of a POST to `pathname`.
 *
 * @example
 * ```ts
 * bodyLimitFor('/clinics/lisya-tropa/review').bytes; // 30 MB and a little
 * ```
 */
export const bodyLimitFor = (pathname: string): BodyLimit => {
  if (/^\/(?:clinics|doctors)\/[^/]+\/review\/?$/.test(pathname)) return REVIEW_FORM;
  if (/^\/cabinet\/clinics\/[^/]+\/photos\/?$/.test(pathname)) return PHOTO_FORM;
  if (/^\/support(?:\/requests\/[^/]+)?\/?$/.test(pathname)) return SUPPORT_FORM;
  return TEXT_FORM;
};
