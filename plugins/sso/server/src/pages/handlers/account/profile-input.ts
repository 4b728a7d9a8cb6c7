import { translate, type Locale } from '../../i18n/messages';
import { normaliseEmail } from '../self-service/email-address';
import type { FieldErrors, ProfileField } from '../../templates/account';

/** E.164, as the user schema requires: a plus, the country code, at most 15 digits. */
const PHONE = /^\+[1-9][0-9]{6,14}$/;
/** The user schema's limit on `fullName`. */
const NAME_MAX = 120;

export interface ProfileInput {
  /** What was typed, to show again next to its errors. */
  raw: Record<ProfileField, string>;
  values: { fullName: string | null; phone: string | null; email: string };
  errors: FieldErrors<ProfileField>;
}

/**
 * Reads the personal data form. Spaces and the usual separators in phone numbers are dropped
 * ("+7 (912) 345-67-89" is fine); an empty name or phone clears it.
 */
export const readProfileInput = (form: Record<string, string>, locale: Locale): ProfileInput => {
  const raw = {
    fullName: (form.fullName ?? '').slice(0, 1000),
    phone: (form.phone ?? '').slice(0, 100),
    email: (form.email ?? '').slice(0, 1000),
  };
  const errors: FieldErrors<ProfileField> = {};

  const fullName = raw.fullName.trim().replace(/\s+/g, ' ');
  if (fullName.length > NAME_MAX) {
    errors.fullName = translate(locale, 'account.profile.error.name-too-long');
  } else if (/[\p{Cc}\p{Cf}]/u.test(fullName)) {
    // Control and invisible formatting characters only hide what a name really says.
    errors.fullName = translate(locale, 'account.profile.error.name-invalid');
  }

  const phone = raw.phone.replace(/[\s().-]/g, '');
  if (phone && !PHONE.test(phone)) {
    errors.phone = translate(locale, 'account.profile.error.phone-invalid');
  }

  const email = normaliseEmail(raw.email);
  if (!raw.email.trim()) errors.email = translate(locale, 'account.profile.error.email-missing');
  else if (!email) errors.email = translate(locale, 'email.invalid');

  return {
    raw,
    values: { fullName: fullName || null, phone: phone || null, email: email ?? '' },
    errors,
  };
};
