import { formatPrice, formatYears } from '@vixenhealth/api-client/format';
import type {
  CabinetDoctor,
  CabinetPage,
  CabinetService,
  ContentKind,
  ContentOf,
} from '@vixenhealth/cms/contracts';

import { textOf } from '../form-data';
import { pageBody, pageText } from './page-body';
import { FormRefusal } from './refusal';

/** One field of a content form, as `Field.astro` draws it. */
export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'number' | 'textarea' | 'select';
  required?: boolean;
  hint?: string;
  attrs?: Record<string, string | number>;
  options?: readonly { value: string; label: string }[];
}

/** How the cabinet lists, shows and writes one kind of a clinic's content. */
export interface ContentForm<K extends ContentKind> {
  /** The section's heading: "Страницы". */
  title: string;
  /** "Добавить страницу". */
  addLabel: string;
  /** What a new one needs; the rest is filled in on its own page. */
  createFields: readonly string[];
  fields: readonly FieldSpec[];
  /** Its name in lists and headings. */
  nameOf(item: ContentOf[K]): string;
  /** A second column of the list, or null. */
  detailOf(item: ContentOf[K]): string | null;
  /** The stored values as the form shows them. */
  valuesOf(item: ContentOf[K]): Record<string, string>;
  /** The form's fields as the CMS takes them; `item` when editing one. */
  dataOf(form: FormData, item?: ContentOf[K]): Record<string, unknown>;
}

const trimmed = (form: FormData, name: string) => textOf(form, name).trim();

/** An optional whole number, or null when left empty. */
const wholeNumber = (form: FormData, name: string) => {
  const value = trimmed(form, name);
  if (value === '') return null;
  if (!/^\d+$/.test(value)) throw new FormRefusal(name, 'Укажите целое число.');
  return Number(value);
};

/** Roubles as typed ("1 500,50") in kopecks, which the CMS stores. */
const kopecksOf = (roubles: string): number => {
  const value = roubles.replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(value)) {
    throw new FormRefusal(
      'price',
      'Цена — сумма в рублях, копейки через запятую: 1500 или 1500,50.'
    );
  }
  const [whole, fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
};

/** Kopecks as the price field shows them: "1500,5" → "1500,50". */
const roublesOf = (kopecks: number) =>
  kopecks % 100 === 0
    ? String(kopecks / 100)
    : `${Math.floor(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`;

const CURRENCIES = ['RUB', 'BYN', 'KZT', 'USD', 'EUR'].map((code) => ({
  value: code,
  label: code,
}));

const pages: ContentForm<'pages'> = {
  title: 'Страницы',
  addLabel: 'Добавить страницу',
  createFields: ['title', 'slug'],
  fields: [
    { name: 'title', label: 'Заголовок', required: true, attrs: { maxlength: 150 } },
    {
      name: 'slug',
      label: 'Адрес страницы',
      required: true,
      hint: 'Строчные латинские буквы, цифры и дефисы: o-klinike.',
      attrs: { maxlength: 80, pattern: '[a-z0-9]+(-[a-z0-9]+)*' },
    },
    {
      name: 'text',
      label: 'Текст',
      type: 'textarea',
      hint: 'Абзацы разделяйте пустой строкой; можно Markdown. Другие блоки страницы сохранятся.',
      attrs: { rows: 14 },
    },
  ],
  nameOf: (page: CabinetPage) => page.title,
  detailOf: (page: CabinetPage) => `/${page.slug}`,
  valuesOf: (page: CabinetPage) => ({
    title: page.title,
    slug: page.slug,
    text: pageText(page.body),
  }),
  dataOf: (form, page) => ({
    title: trimmed(form, 'title'),
    slug: trimmed(form, 'slug'),
    ...(page && { body: pageBody(page.body, textOf(form, 'text')) }),
  }),
};

const doctors: ContentForm<'doctors'> = {
  title: 'Врачи',
  addLabel: 'Добавить врача',
  createFields: ['fullName', 'experienceYears', 'biography'],
  fields: [
    { name: 'fullName', label: 'ФИО', required: true, attrs: { maxlength: 150 } },
    { name: 'experienceYears', label: 'Стаж, лет', type: 'number', attrs: { min: 0, max: 70 } },
    { name: 'biography', label: 'Биография', type: 'textarea', attrs: { rows: 8 } },
  ],
  nameOf: (doctor: CabinetDoctor) => doctor.fullName,
  detailOf: (doctor: CabinetDoctor) =>
    doctor.experienceYears === null ? null : `стаж ${formatYears(doctor.experienceYears)}`,
  valuesOf: (doctor: CabinetDoctor) => ({
    fullName: doctor.fullName,
    experienceYears: doctor.experienceYears === null ? '' : String(doctor.experienceYears),
    biography: doctor.biography ?? '',
  }),
  dataOf: (form) => ({
    fullName: trimmed(form, 'fullName'),
    experienceYears: wholeNumber(form, 'experienceYears'),
    biography: trimmed(form, 'biography') || null,
  }),
};

const services: ContentForm<'services'> = {
  title: 'Услуги',
  addLabel: 'Добавить услугу',
  createFields: ['name', 'price', 'currency', 'durationMinutes'],
  fields: [
    { name: 'name', label: 'Название', required: true, attrs: { maxlength: 200 } },
    {
      name: 'price',
      label: 'Цена',
      required: true,
      hint: 'В рублях (или выбранной валюте), копейки через запятую: 1500 или 1500,50.',
      attrs: { inputmode: 'decimal' },
    },
    { name: 'currency', label: 'Валюта', type: 'select', required: true, options: CURRENCIES },
    {
      name: 'durationMinutes',
      label: 'Длительность, минут',
      type: 'number',
      attrs: { min: 5, max: 1440 },
    },
  ],
  nameOf: (service: CabinetService) => service.name,
  detailOf: (service: CabinetService) => formatPrice(service.price, service.currency),
  valuesOf: (service: CabinetService) => ({
    name: service.name,
    price: roublesOf(service.price),
    currency: service.currency,
    durationMinutes: service.durationMinutes === null ? '' : String(service.durationMinutes),
  }),
  dataOf: (form) => ({
    name: trimmed(form, 'name'),
    price: kopecksOf(trimmed(form, 'price')),
    currency: trimmed(form, 'currency') || 'RUB',
    durationMinutes: wholeNumber(form, 'durationMinutes'),
  }),
};

const CONTENT_FORMS: { [K in ContentKind]: ContentForm<K> } = { pages, doctors, services };

/**
 * The form of a kind known only at run time (from the URL). Its methods take that kind's
 * documents, which are the ones the cabinet API lists for it.
 */
export const contentFormOf = (kind: ContentKind): ContentForm<ContentKind> => CONTENT_FORMS[kind];

/** The kind named in the URL, or null for anything else (a 404). */
export const contentKindOf = (value: string | undefined): ContentKind | null =>
  value !== undefined && Object.hasOwn(CONTENT_FORMS, value) ? (value as ContentKind) : null;
