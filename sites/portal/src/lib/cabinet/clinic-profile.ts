import type { CabinetClinic, Phone } from '@vixenhealth/cms/contracts';

import { textOf } from '../form-data';
import { FormRefusal } from './refusal';

/** The profile fields the cabinet's form edits. */
export const PROFILE_FIELDS = [
  'name',
  'shortDescription',
  'description',
  'city',
  'address',
  'email',
  'phones',
] as const;

/** Phones as the form shows them: one a line, the number and then its label. */
export const phonesText = (phones: Phone[] | null | undefined) =>
  (phones ?? []).map((phone) => [phone.number, phone.label].filter(Boolean).join(' ')).join('\n');

/** One line of the phones field: `+74951234567 Регистратура`. */
const phoneOf = (line: string): Phone => {
  const [number, ...label] = line.trim().split(/\s+/);
  return label.length > 0 ? { number, label: label.join(' ') } : { number };
};

/**
 * The profile form as the CMS's `PUT /cabinet/clinics/:clinic` takes it: empty optional fields
 * are cleared (null), phones become components.
 */
export const profileData = (form: FormData): Partial<Record<keyof CabinetClinic, unknown>> => {
  const text = (name: string) => textOf(form, name).trim();
  const phones = text('phones')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(phoneOf);
  if (phones.length > 10) throw new FormRefusal('phones', 'Укажите не больше 10 телефонов.');
  return {
    name: text('name'),
    shortDescription: text('shortDescription') || null,
    description: text('description') || null,
    city: text('city'),
    address: text('address'),
    email: text('email') || null,
    phones,
  };
};
