import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * A number in E.164 (`+74951234567`) when it is one, so that the same person is found whether
 * their PBX wrote `84951234567`, `+7 (495) 123-45-67` or `74951234567`; anything else (an
 * extension, `anonymous`) is kept as given.
 */
export const normalizeNumber = (raw: string, defaultCountry: CountryCode): string => {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[^\d+]/g, '');
  // Russian PBXs write national numbers with a leading 8 or a bare 7 and no plus.
  const candidates = [trimmed, /^\d{11,15}$/.test(digits) ? `+${digits}` : null];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const parsed = parsePhoneNumberFromString(candidate, defaultCountry);
    if (parsed?.isValid()) return parsed.number;
  }
  return trimmed;
};
