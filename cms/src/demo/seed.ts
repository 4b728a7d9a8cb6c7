import type { Core, Modules, UID } from '@strapi/strapi';

import { CLINIC, DOC_PAGE, DOCTOR, PAGE, SERVICE, SPECIALTY, USER } from '../content-types/uids';
import {
  DEMO_CLINICS,
  DEMO_DOCTORS,
  DEMO_SERVICES,
  DEMO_SPECIALTIES,
  demoPages,
  type DemoClinic,
} from './demo-content';
import { DEMO_DOC_PAGES } from './demo-docs';
import { ensureDemoReviews } from './demo-reviews';
import { DEMO_OWNER_EMAIL, DEMO_PATIENT_EMAIL, ensureDemoUsers } from './demo-users';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const WEEKEND = ['saturday', 'sunday'] as const;

export interface SeedReport {
  created: number;
}

/**
 * Creates each demo entry that is missing, found by its stable key; existing entries are never
 * changed, so running the seed again changes nothing.
 */
export const seedDemoData = async (strapi: Core.Strapi): Promise<SeedReport> => {
  let created = 0;

  /** The document id of the entry with `key`, creating it (published) when it is missing. */
  const ensure = async <TUID extends UID.ContentType>(
    uid: TUID,
    filters: NoInfer<Modules.Documents.Params.Filters.Any<TUID>>,
    data: () => NoInfer<Modules.Documents.Params.Data.Input<TUID>>
  ): Promise<string> => {
    const documents = strapi.documents(uid);
    const existing = await documents.findFirst({
      filters,
      status: 'draft',
      fields: ['documentId'],
    });
    if (existing) return existing.documentId;
    const entry = await documents.create({ data: data(), status: 'published' });
    created += 1;
    return entry.documentId;
  };

  const users = await ensureDemoUsers(strapi);
  const owner = users.get(DEMO_OWNER_EMAIL);

  const specialties = new Map<string, string>();
  for (const specialty of DEMO_SPECIALTIES) {
    specialties.set(
      specialty.slug,
      await ensure(SPECIALTY, { slug: specialty.slug }, () => ({ ...specialty }))
    );
  }
  const specialtyIds = (slugs: string[]) => slugs.map((slug) => specialties.get(slug)!);

  const clinics = new Map<string, string>();
  for (const clinic of DEMO_CLINICS) {
    clinics.set(
      clinic.slug,
      await ensure(CLINIC, { slug: clinic.slug }, () => ({
        name: clinic.name,
        slug: clinic.slug,
        subdomain: clinic.subdomain,
        city: clinic.city,
        address: clinic.address,
        shortDescription: clinic.shortDescription,
        description: clinic.description,
        phones: clinic.phones,
        email: clinic.email,
        openingHours: openingHours(clinic),
        specialties: specialtyIds(clinic.specialties),
        owners: clinic.ownedByDemoOwner && owner ? [owner] : [],
        accountStatus: 'active' as const,
      }))
    );
  }

  const doctorsByClinic = new Map<string, string[]>();
  const doctors = new Map<string, string>();
  for (const doctor of DEMO_DOCTORS) {
    const documentId = await ensure(DOCTOR, { slug: doctor.slug }, () => ({
      fullName: doctor.fullName,
      slug: doctor.slug,
      specialty: specialties.get(doctor.specialty),
      experienceYears: doctor.experienceYears,
      biography: doctor.biography,
      clinics: doctor.clinics.map((slug) => clinics.get(slug)!),
    }));
    doctors.set(doctor.slug, documentId);
    for (const clinic of doctor.clinics) {
      doctorsByClinic.set(clinic, [...(doctorsByClinic.get(clinic) ?? []), documentId]);
    }
  }

  for (const service of DEMO_SERVICES) {
    const clinic = clinics.get(service.clinic)!;
    await ensure(SERVICE, { name: service.name, clinic: { documentId: clinic } }, () => ({
      name: service.name,
      description: service.description,
      price: service.price,
      currency: 'RUB' as const,
      durationMinutes: service.durationMinutes,
      specialty: specialties.get(service.specialty),
      clinic,
    }));
  }

  for (const clinic of DEMO_CLINICS) {
    const clinicId = clinics.get(clinic.slug)!;
    for (const page of demoPages(clinic, doctorsByClinic.get(clinic.slug) ?? [])) {
      await ensure(PAGE, { slug: page.slug, clinic: { documentId: clinicId } }, () => ({
        ...page,
        clinic: clinicId,
      }));
    }
  }

  for (const { clinic, roles, ...page } of DEMO_DOC_PAGES) {
    await ensure(DOC_PAGE, { slug: page.slug }, () => ({
      ...page,
      roles: roles ?? null,
      clinicDocumentId: clinic ? clinics.get(clinic)! : undefined,
    }));
  }

  const userId = async (email: string) =>
    (await strapi.db.query(USER).findOne({ where: { email }, select: ['id'] }))?.id ?? null;
  const patient = await userId(DEMO_PATIENT_EMAIL);
  if (patient) {
    created += await ensureDemoReviews(
      strapi,
      { patient, owner: await userId(DEMO_OWNER_EMAIL) },
      { clinics, doctors }
    );
  }

  return { created };
};

const openingHours = (clinic: DemoClinic) => [
  ...WEEKDAYS.map((day) => ({
    day,
    closed: false,
    opens: `${clinic.weekdays[0]}:00`,
    closes: `${clinic.weekdays[1]}:00`,
  })),
  ...WEEKEND.map((day) =>
    clinic.weekend
      ? { day, closed: false, opens: `${clinic.weekend[0]}:00`, closes: `${clinic.weekend[1]}:00` }
      : { day, closed: true }
  ),
];

/** True when the platform has no clinic at all, i.e. a fresh database. */
export const isEmptyDatabase = async (strapi: Core.Strapi) =>
  (await strapi.db.query(CLINIC).count()) === 0;
