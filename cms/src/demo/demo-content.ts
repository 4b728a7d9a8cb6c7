import type { Modules } from '@strapi/strapi';

import type { PAGE } from '../content-types/uids';

/**
 * The demo network: clinics in Moscow and Saint Petersburg with doctors, priced services and
 * pages. Texts are Russian, as the clinics' patients read Russian. Every entry has a stable key
 * (slug or email), so seeding can tell what already exists.
 */

export interface DemoSpecialty {
  slug: string;
  name: string;
}

export interface DemoClinic {
  slug: string;
  name: string;
  subdomain: string;
  city: string;
  address: string;
  shortDescription: string;
  description: string;
  phones: { label: string; number: string }[];
  email: string;
  specialties: string[];
  ownedByDemoOwner: boolean;
  weekdays: [opens: string, closes: string];
  weekend: [opens: string, closes: string] | null;
}

export interface DemoDoctor {
  slug: string;
  fullName: string;
  specialty: string;
  experienceYears: number;
  biography: string;
  clinics: string[];
}

export interface DemoService {
  name: string;
  description: string;
  /** Kopecks. */
  price: number;
  durationMinutes: number;
  specialty: string;
  clinic: string;
}

export const DEMO_SPECIALTIES: DemoSpecialty[] = [
  { slug: 'therapy', name: 'Терапия' },
  { slug: 'cardiology', name: 'Кардиология' },
  { slug: 'neurology', name: 'Неврология' },
  { slug: 'pediatrics', name: 'Педиатрия' },
  { slug: 'dermatology', name: 'Дерматология' },
  { slug: 'dentistry', name: 'Стоматология' },
  { slug: 'ophthalmology', name: 'Офтальмология' },
];

export const DEMO_CLINICS: DemoClinic[] = [
  {
    slug: 'lisya-tropa',
    name: 'Клиника «Лисья тропа»',
    subdomain: 'lisya-tropa',
    city: 'Москва',
    address: 'ул. Тверская, д. 12, стр. 1',
    shortDescription: 'Многопрофильная клиника для взрослых в центре Москвы.',
    description:
      'Клиника «Лисья тропа» принимает взрослых пациентов с 2012 года.\n\nТерапевты, кардиологи и неврологи работают одной командой: от первичного приёма до плана лечения — в одном месте.',
    phones: [{ label: 'Регистратура', number: '+74951234567' }],
    email: 'info@lisya-tropa.example',
    specialties: ['therapy', 'cardiology', 'neurology'],
    ownedByDemoOwner: true,
    weekdays: ['08:00', '21:00'],
    weekend: ['09:00', '18:00'],
  },
  {
    slug: 'ryzhiy-khvost',
    name: 'Семейный центр «Рыжий хвост»',
    subdomain: 'ryzhiy-khvost',
    city: 'Москва',
    address: 'Ленинский проспект, д. 45',
    shortDescription: 'Семейная клиника: педиатры, терапевты и дерматологи.',
    description:
      'Семейный центр «Рыжий хвост» лечит детей и взрослых.\n\nПедиатры принимают с рождения, есть отдельная детская зона ожидания.',
    phones: [
      { label: 'Регистратура', number: '+74957654321' },
      { label: 'Вызов врача на дом', number: '+74957654322' },
    ],
    email: 'hello@ryzhiy-khvost.example',
    specialties: ['pediatrics', 'therapy', 'dermatology'],
    ownedByDemoOwner: true,
    weekdays: ['09:00', '20:00'],
    weekend: null,
  },
  {
    slug: 'belyy-klyk',
    name: 'Стоматология «Белый клык»',
    subdomain: 'belyy-klyk',
    city: 'Санкт-Петербург',
    address: 'Невский проспект, д. 88',
    shortDescription: 'Лечение, гигиена и протезирование зубов на Невском.',
    description:
      'Стоматология «Белый клык» — лечение кариеса, профессиональная гигиена и протезирование.\n\nПервичная консультация и план лечения с ценами — до начала лечения.',
    phones: [{ label: 'Запись', number: '+78121234567' }],
    email: 'zapis@belyy-klyk.example',
    specialties: ['dentistry'],
    ownedByDemoOwner: false,
    weekdays: ['10:00', '21:00'],
    weekend: ['10:00', '16:00'],
  },
  {
    slug: 'zorkiy-vzglyad',
    name: 'Глазной центр «Зоркий взгляд»',
    subdomain: 'zorkiy-vzglyad',
    city: 'Санкт-Петербург',
    address: 'Лиговский проспект, д. 50',
    shortDescription: 'Проверка зрения, подбор очков и лечение глазных болезней.',
    description:
      'Глазной центр «Зоркий взгляд» проводит диагностику зрения на современном оборудовании.\n\nПодбор очков и контактных линз — в день обращения.',
    phones: [{ label: 'Регистратура', number: '+78127654321' }],
    email: 'info@zorkiy-vzglyad.example',
    specialties: ['ophthalmology', 'neurology'],
    ownedByDemoOwner: false,
    weekdays: ['09:00', '19:00'],
    weekend: ['10:00', '15:00'],
  },
];

export const DEMO_DOCTORS: DemoDoctor[] = [
  {
    slug: 'ivanova-anna-sergeevna',
    fullName: 'Иванова Анна Сергеевна',
    specialty: 'therapy',
    experienceYears: 15,
    biography: 'Врач-терапевт высшей категории. Ведёт пациентов с хроническими заболеваниями.',
    clinics: ['lisya-tropa', 'ryzhiy-khvost'],
  },
  {
    slug: 'petrov-mikhail-andreevich',
    fullName: 'Петров Михаил Андреевич',
    specialty: 'cardiology',
    experienceYears: 22,
    biography: 'Кардиолог, кандидат медицинских наук. Специализируется на гипертонии и аритмиях.',
    clinics: ['lisya-tropa'],
  },
  {
    slug: 'smirnova-elena-viktorovna',
    fullName: 'Смирнова Елена Викторовна',
    specialty: 'neurology',
    experienceYears: 11,
    biography: 'Невролог. Помогает при головных болях, болях в спине и нарушениях сна.',
    clinics: ['lisya-tropa', 'zorkiy-vzglyad'],
  },
  {
    slug: 'kuznetsov-dmitriy-olegovich',
    fullName: 'Кузнецов Дмитрий Олегович',
    specialty: 'therapy',
    experienceYears: 7,
    biography: 'Терапевт. Проводит профилактические осмотры и диспансеризацию.',
    clinics: ['lisya-tropa'],
  },
  {
    slug: 'volkova-olga-igorevna',
    fullName: 'Волкова Ольга Игоревна',
    specialty: 'pediatrics',
    experienceYears: 18,
    biography: 'Педиатр. Наблюдает детей с рождения, составляет графики прививок.',
    clinics: ['ryzhiy-khvost'],
  },
  {
    slug: 'sokolov-artyom-pavlovich',
    fullName: 'Соколов Артём Павлович',
    specialty: 'dermatology',
    experienceYears: 9,
    biography: 'Дерматолог. Лечит акне, экзему и проводит осмотр родинок.',
    clinics: ['ryzhiy-khvost'],
  },
  {
    slug: 'lebedeva-mariya-nikolaevna',
    fullName: 'Лебедева Мария Николаевна',
    specialty: 'pediatrics',
    experienceYears: 5,
    biography: 'Педиатр. Принимает детей от года, ведёт приём на дому.',
    clinics: ['ryzhiy-khvost'],
  },
  {
    slug: 'morozov-sergey-vladimirovich',
    fullName: 'Морозов Сергей Владимирович',
    specialty: 'dentistry',
    experienceYears: 20,
    biography: 'Стоматолог-ортопед. Протезирование на имплантах и коронки.',
    clinics: ['belyy-klyk'],
  },
  {
    slug: 'novikova-tatyana-alekseevna',
    fullName: 'Новикова Татьяна Алексеевна',
    specialty: 'dentistry',
    experienceYears: 12,
    biography: 'Стоматолог-терапевт. Лечение кариеса и профессиональная гигиена.',
    clinics: ['belyy-klyk'],
  },
  {
    slug: 'fedorov-ilya-romanovich',
    fullName: 'Фёдоров Илья Романович',
    specialty: 'ophthalmology',
    experienceYears: 14,
    biography: 'Офтальмолог. Диагностика глаукомы и катаракты, подбор очков.',
    clinics: ['zorkiy-vzglyad'],
  },
];

export const DEMO_SERVICES: DemoService[] = [
  {
    clinic: 'lisya-tropa',
    specialty: 'therapy',
    name: 'Приём терапевта, первичный',
    description: 'Осмотр, сбор анамнеза, план обследования.',
    price: 250000,
    durationMinutes: 30,
  },
  {
    clinic: 'lisya-tropa',
    specialty: 'cardiology',
    name: 'Приём кардиолога с ЭКГ',
    description: 'Консультация кардиолога и электрокардиограмма.',
    price: 420000,
    durationMinutes: 45,
  },
  {
    clinic: 'lisya-tropa',
    specialty: 'neurology',
    name: 'Приём невролога',
    description: 'Консультация невролога.',
    price: 350000,
    durationMinutes: 30,
  },
  {
    clinic: 'ryzhiy-khvost',
    specialty: 'pediatrics',
    name: 'Приём педиатра',
    description: 'Осмотр ребёнка, рекомендации по уходу и питанию.',
    price: 280000,
    durationMinutes: 30,
  },
  {
    clinic: 'ryzhiy-khvost',
    specialty: 'pediatrics',
    name: 'Вызов педиатра на дом',
    description: 'В пределах МКАД.',
    price: 650000,
    durationMinutes: 60,
  },
  {
    clinic: 'ryzhiy-khvost',
    specialty: 'dermatology',
    name: 'Осмотр родинок (дерматоскопия)',
    description: 'Осмотр всех новообразований кожи.',
    price: 300000,
    durationMinutes: 30,
  },
  {
    clinic: 'belyy-klyk',
    specialty: 'dentistry',
    name: 'Профессиональная гигиена полости рта',
    description: 'Ультразвуковая чистка, Air Flow, полировка.',
    price: 550000,
    durationMinutes: 60,
  },
  {
    clinic: 'belyy-klyk',
    specialty: 'dentistry',
    name: 'Лечение кариеса',
    description: 'Одна поверхность зуба, световая пломба.',
    price: 600000,
    durationMinutes: 60,
  },
  {
    clinic: 'belyy-klyk',
    specialty: 'dentistry',
    name: 'Консультация стоматолога',
    description: 'Осмотр и план лечения с ценами.',
    price: 0,
    durationMinutes: 20,
  },
  {
    clinic: 'zorkiy-vzglyad',
    specialty: 'ophthalmology',
    name: 'Проверка зрения',
    description: 'Визометрия, авторефрактометрия, осмотр глазного дна.',
    price: 240000,
    durationMinutes: 40,
  },
  {
    clinic: 'zorkiy-vzglyad',
    specialty: 'ophthalmology',
    name: 'Подбор очков',
    description: 'Подбор и выписка рецепта.',
    price: 180000,
    durationMinutes: 30,
  },
];

/** The pages every demo clinic has: an about page, a doctors page and a FAQ page. */
export const demoPages = (
  clinic: DemoClinic,
  doctorDocumentIds: string[]
): Modules.Documents.Params.Data.Input<typeof PAGE>[] => [
  {
    slug: 'o-klinike',
    title: 'О клинике',
    position: 0,
    body: [
      { __component: 'blocks.rich-text', body: clinic.description },
      {
        __component: 'blocks.call-to-action',
        title: 'Запишитесь на приём',
        text: 'Администратор перезвонит и подберёт удобное время.',
        buttonLabel: 'Позвонить',
        buttonUrl: `tel:${clinic.phones[0].number}`,
      },
    ],
    seo: { metaTitle: `${clinic.name} — ${clinic.city}`, metaDescription: clinic.shortDescription },
  },
  {
    slug: 'vrachi',
    title: 'Наши врачи',
    position: 1,
    body: [
      { __component: 'blocks.doctors-list', title: 'Врачи клиники', doctors: doctorDocumentIds },
    ],
    seo: { metaTitle: `Врачи — ${clinic.name}` },
  },
  {
    slug: 'voprosy',
    title: 'Вопросы и ответы',
    position: 2,
    body: [
      {
        __component: 'blocks.faq',
        title: 'Частые вопросы',
        items: [
          {
            question: 'Нужно ли записываться заранее?',
            answer:
              'Да, запись по телефону или на сайте. Срочных пациентов примем в день обращения.',
          },
          {
            question: 'Какие документы взять с собой?',
            answer: 'Паспорт и, если есть, результаты прошлых обследований.',
          },
        ],
      },
    ],
    seo: { metaTitle: `Вопросы и ответы — ${clinic.name}` },
  },
];
