import type { Core } from '@strapi/strapi';

import { checkSubdomain } from '../clinic-address/index.mjs';
import { CLINIC } from '../content-types/uids';
import { CABINET_LIMITS, type CabinetClinicSummary, type ClinicAccess } from '../contracts';
import { fieldError, limitReached } from '../errors';
import { clinicAccess, requireOwner, roleIn } from './clinic-access';
import { checkPhotoReferences } from './clinic-photos';
import { editableData, OWNER_ONLY_FIELDS, requireFields } from './editable-fields';
import { publicationStates } from './publication-state';

/** How many clinics one person may have opened and not yet published (against spam). */
const MAX_DRAFT_CLINICS = CABINET_LIMITS.draftClinics;

const SUMMARY_FIELDS = ['documentId', 'name', 'slug', 'subdomain', 'city', 'accountStatus'];

interface SummaryRow extends Omit<CabinetClinicSummary, 'state' | 'role'> {
  owners: { id: number }[];
  administrators: { id: number }[];
}

/** The clinics the person owns or helps run, with their role and publication state. */
export const listMyClinics = async (
  strapi: Core.Strapi,
  userId: number
): Promise<CabinetClinicSummary[]> => {
  const rows = (await strapi.db.query(CLINIC).findMany({
    where: {
      publishedAt: null,
      $or: [{ owners: { id: userId } }, { administrators: { id: userId } }],
    },
    select: SUMMARY_FIELDS,
    populate: { owners: { select: ['id'] }, administrators: { select: ['id'] } },
    orderBy: { name: 'asc' },
  })) as SummaryRow[];
  const states = await publicationStates(
    strapi,
    CLINIC,
    rows.map((row) => row.documentId)
  );
  return rows.map(({ owners, administrators, ...clinic }) => ({
    ...clinic,
    state: states.get(clinic.documentId) ?? 'draft',
    role: roleIn({ owners, administrators }, userId) ?? 'administrator',
  }));
};

/** Whether a clinic could take `subdomain`, and if not, why (for the "open a clinic" form). */
export const subdomainAvailability = async (strapi: Core.Strapi, subdomain: unknown) => {
  const check = checkSubdomain(typeof subdomain === 'string' ? subdomain : '');
  const value = check.subdomain;
  if (!check.ok) return { subdomain: value, available: false, reason: check.problem };
  const taken = await strapi.db
    .query(CLINIC)
    .findOne({ where: { subdomain: value }, select: ['id'] });
  return taken
    ? { subdomain: value, available: false, reason: 'is already taken by another clinic' }
    : { subdomain: value, available: true, reason: null };
};

/**
 * Opens a new clinic as a draft owned by the person: nothing of it is public until they
 * publish it. Its slug follows the subdomain, so both name the clinic the same way.
 */
export const openClinic = async (strapi: Core.Strapi, userId: number, input: unknown) => {
  const data = editableData('clinic', input);
  requireFields(strapi.contentType(CLINIC).attributes, data, ['name', 'city', 'address']);
  const availability = await subdomainAvailability(strapi, data.subdomain);
  if (!availability.available) {
    throw fieldError('subdomain', availability.reason ?? 'is not available', data.subdomain);
  }
  const drafts = (await listMyClinics(strapi, userId)).filter(
    (clinic) => clinic.role === 'owner' && clinic.state === 'draft'
  );
  if (drafts.length >= MAX_DRAFT_CLINICS) {
    throw limitReached(
      'draft-clinics',
      `Publish or finish one of your ${drafts.length} draft clinics first`,
      { limit: MAX_DRAFT_CLINICS }
    );
  }
  if (data.logo !== undefined) throw fieldError('logo', 'upload photos once the clinic is open');
  const created = await strapi.documents(CLINIC).create({
    data: {
      ...data,
      subdomain: availability.subdomain,
      slug: availability.subdomain,
      owners: [userId],
      accountStatus: 'active',
    },
  });
  return readClinic(strapi, await clinicAccess(strapi, userId, created.documentId));
};

/** The clinic's draft as the cabinet edits it, with the person's role and its state. */
export const readClinic = async (strapi: Core.Strapi, access: ClinicAccess) => {
  const clinic = (await strapi.documents(CLINIC).findOne({
    documentId: access.clinic.documentId,
    status: 'draft',
    populate: {
      phones: true,
      openingHours: true,
      specialties: { fields: ['documentId', 'name'] },
      logo: { fields: ['id', 'url', 'name'] },
      photos: { fields: ['id', 'url', 'name', 'width', 'height'] },
    },
  })) as Record<string, unknown>;
  const states = await publicationStates(strapi, CLINIC, [access.clinic.documentId]);
  return { ...clinic, role: access.role, state: states.get(access.clinic.documentId) ?? 'draft' };
};

/** Edits the clinic's profile (a draft change, live once published). */
export const updateClinicProfile = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  input: unknown
) => {
  const data = editableData('clinic', input);
  const ownerField = Object.keys(data).find((field) => OWNER_ONLY_FIELDS.has(field));
  if (ownerField) requireOwner(access, `change the clinic's ${ownerField}`);
  await checkPhotoReferences(strapi, access, data);
  await strapi.documents(CLINIC).update({ documentId: access.clinic.documentId, data });
  return readClinic(strapi, access);
};

/**
 * Puts the clinic's profile on the platform (its site, the directory) or takes the whole clinic
 * off it. Only owners take a clinic offline; administrators may publish their edits.
 */
export const setClinicPublished = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  published: boolean
) => {
  const documentId = access.clinic.documentId;
  if (published) {
    await strapi.documents(CLINIC).publish({ documentId });
  } else {
    requireOwner(access, 'take the clinic offline');
    await strapi.documents(CLINIC).unpublish({ documentId });
  }
  return readClinic(strapi, access);
};
