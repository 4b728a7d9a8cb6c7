import type { Core, Modules } from '@strapi/strapi';

import { CLINIC, DOCTOR, PAGE } from '../content-types/uids';
import {
  CLINIC_SITE_CHANGED,
  type CabinetDocument,
  type ClinicAccess,
  type ContentKind,
} from '../contracts';
import { fieldError, notAllowed, notFound } from '../errors';
import { relateAllVersions } from './all-versions';
import { checkPhotoReferences } from './clinic-photos';
import { CONTENT_KINDS, type ClinicContentUid, type ContentKindInfo } from './content-kinds';
import { editableData } from './editable-fields';
import { publicationStates } from './publication-state';

type Row = Record<string, unknown> & { documentId: string };

const documents = (strapi: Core.Strapi, info: ContentKindInfo) => strapi.documents(info.uid);

const ofClinic = (info: ContentKindInfo, access: ClinicAccess) => ({
  [info.clinicField]: { documentId: access.clinic.documentId },
});

const withStates = async (
  strapi: Core.Strapi,
  info: ContentKindInfo,
  rows: Row[]
): Promise<CabinetDocument[]> => {
  const states = await publicationStates(
    strapi,
    info.uid,
    rows.map((row) => row.documentId)
  );
  return rows.map((row) => ({ ...row, state: states.get(row.documentId) ?? 'draft' }));
};

/** The clinic's doctors, services or pages, drafts as the cabinet edits them. */
export const listContent = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  kind: ContentKind
): Promise<CabinetDocument[]> => {
  const info = CONTENT_KINDS[kind];
  const rows = (await documents(strapi, info).findMany({
    status: 'draft',
    filters: ofClinic(info, access),
    populate: info.populate,
    // Each kind sorts by its own fields; typed for the three kinds at once, Strapi would only
    // accept the fields all of them share.
    sort: info.sort as Modules.Documents.Params.Sort.StringNotation<ClinicContentUid>[],
    limit: 500,
  })) as Row[];
  return withStates(strapi, info, rows);
};

/** One column of the clinic's drafts of a kind, for the checks that need no more. */
const draftColumn = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  kind: ContentKind,
  column: string
): Promise<unknown[]> => {
  const info = CONTENT_KINDS[kind];
  const rows = (await strapi.db.query(info.uid).findMany({
    where: { publishedAt: null, ...ofClinic(info, access) },
    select: [column],
    limit: 500,
  })) as Record<string, unknown>[];
  return rows.map((row) => row[column]);
};

/** One of the clinic's documents, or 404 when it is not the clinic's. */
const ownDocument = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  info: ContentKindInfo,
  documentId: unknown
): Promise<Row> => {
  if (typeof documentId !== 'string' || documentId === '') throw notFound(info.label);
  const row = (await documents(strapi, info).findFirst({
    status: 'draft',
    filters: { documentId, ...ofClinic(info, access) },
    populate: info.populate,
  })) as Row | null;
  if (!row) throw notFound(info.label);
  return row;
};

/**
 * A doctor may also work at clinics this person does not run; their profile is then shared,
 * and no single clinic's staff may rewrite or delete it.
 */
const otherClinicsOf = async (strapi: Core.Strapi, access: ClinicAccess, documentId: string) => {
  const doctor = (await strapi.db.query(DOCTOR).findOne({
    where: { documentId, publishedAt: null },
    populate: { clinics: { select: ['documentId'] } },
  })) as { clinics: { documentId: string }[] } | null;
  return (doctor?.clinics ?? []).filter((clinic) => clinic.documentId !== access.clinic.documentId);
};

/** Doctors a page lists must be the clinic's own. */
const checkDoctorReferences = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  data: Record<string, unknown>
) => {
  if (!Array.isArray(data.body)) return;
  const own = new Set(await draftColumn(strapi, access, 'doctors', 'documentId'));
  data.body.forEach((block: unknown, index) => {
    const doctors = (block as { doctors?: unknown })?.doctors;
    if (!Array.isArray(doctors)) return;
    doctors.forEach((doctor: unknown, at) => {
      const documentId =
        typeof doctor === 'string' ? doctor : (doctor as { documentId?: string })?.documentId;
      if (!documentId || !own.has(documentId)) {
        throw fieldError(
          ['body', String(index), 'doctors', String(at)],
          "must be one of the clinic's doctors",
          doctor
        );
      }
    });
  });
};

const checkedData = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  kind: ContentKind,
  input: unknown
) => {
  const data = editableData(kind, input);
  await checkPhotoReferences(strapi, access, data);
  await checkDoctorReferences(strapi, access, data);
  return data;
};

const DOCTOR_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DOCTOR_SLUG_MAX = 80;

interface UidService {
  generateUIDField(options: {
    contentTypeUID: string;
    field: string;
    data: Record<string, unknown>;
    locale?: string;
  }): Promise<string>;
  findUniqueUID(options: { contentTypeUID: string; field: string; value: string }): Promise<string>;
}

/**
 * The address of a new doctor's page on the sites (`slug`, which publishing requires and the
 * cabinet does not let staff type), from their name as the admin panel makes it:
 * "Мария Иванова" → "mariya-ivanova", "mariya-ivanova-1" when taken.
 */
const doctorSlug = async (strapi: Core.Strapi, fullName: unknown) => {
  const uid = strapi.plugin('content-manager').service('uid') as UidService;
  const generated = await uid.generateUIDField({
    contentTypeUID: DOCTOR,
    field: 'slug',
    data: { fullName: typeof fullName === 'string' ? fullName : '' },
  });
  if (DOCTOR_SLUG.test(generated) && generated.length <= DOCTOR_SLUG_MAX) return generated;
  const value =
    generated
      .slice(0, DOCTOR_SLUG_MAX - 10)
      .replace(/[^a-z0-9-]/g, '')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '') || 'doctor';
  return uid.findUniqueUID({ contentTypeUID: DOCTOR, field: 'slug', value });
};

/** A new page goes to the end of the clinic's menu, unless it is given its place. */
const nextPagePosition = async (strapi: Core.Strapi, access: ClinicAccess) => {
  const positions = await draftColumn(strapi, access, 'pages', 'position');
  return positions.reduce<number>((next, position) => Math.max(next, Number(position ?? 0) + 1), 0);
};

/** What a new document gets on its own: a doctor's slug, a page's place in the menu. */
const createdDefaults = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  kind: ContentKind,
  data: Record<string, unknown>
): Promise<Record<string, unknown>> => {
  if (kind === 'doctors') return { slug: await doctorSlug(strapi, data.fullName) };
  if (kind === 'pages' && data.position === undefined) {
    return { position: await nextPagePosition(strapi, access) };
  }
  return {};
};

/** Adds a doctor, service or page to the clinic, as a draft. */
export const createContent = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  kind: ContentKind,
  input: unknown
): Promise<CabinetDocument> => {
  const info = CONTENT_KINDS[kind];
  const data = await checkedData(strapi, access, kind, input);
  const link =
    info.clinicField === 'clinics' ? [access.clinic.documentId] : access.clinic.documentId;
  const defaults = await createdDefaults(strapi, access, kind, data);
  const created = (await documents(strapi, info).create({
    data: { ...defaults, ...data, [info.clinicField]: link },
  })) as Row;
  return { ...(await ownDocument(strapi, access, info, created.documentId)), state: 'draft' };
};

const requireUnshared = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  kind: ContentKind,
  documentId: string,
  what: string
) => {
  if (kind !== 'doctors') return;
  if ((await otherClinicsOf(strapi, access, documentId)).length > 0) {
    throw notAllowed(
      'shared-doctor',
      `This doctor also works at another clinic, so their profile is shared: ask VixenHealth support to ${what} it`
    );
  }
};

/** Edits the draft of one of the clinic's documents; the site changes when it is published. */
export const updateContent = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  kind: ContentKind,
  documentId: unknown,
  input: unknown
): Promise<CabinetDocument> => {
  const info = CONTENT_KINDS[kind];
  const row = await ownDocument(strapi, access, info, documentId);
  await requireUnshared(strapi, access, kind, row.documentId, 'change');
  const data = await checkedData(strapi, access, kind, input);
  await documents(strapi, info).update({ documentId: row.documentId, data });
  const [updated] = await withStates(strapi, info, [
    await ownDocument(strapi, access, info, row.documentId),
  ]);
  return updated;
};

/**
 * Removes a document from the clinic and its site. A doctor who also works elsewhere only
 * leaves this clinic; anything else is deleted, draft and published versions alike.
 */
export const deleteContent = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  kind: ContentKind,
  documentId: unknown
) => {
  const info = CONTENT_KINDS[kind];
  const row = await ownDocument(strapi, access, info, documentId);
  if (kind === 'doctors' && (await otherClinicsOf(strapi, access, row.documentId)).length > 0) {
    // Both versions leave the clinic, so the live site drops the doctor at once.
    const clinicRows = (await strapi.db
      .query(CLINIC)
      .findMany({ where: { documentId: access.clinic.documentId }, select: ['id'] })) as {
      id: number;
    }[];
    await relateAllVersions(strapi, DOCTOR, row.documentId, {
      clinics: { disconnect: clinicRows.map((clinic) => clinic.id) },
    });
    strapi.eventHub.emit(CLINIC_SITE_CHANGED, {
      clinicDocumentId: access.clinic.documentId,
      reason: 'doctor left the clinic',
    });
    return;
  }
  await documents(strapi, info).delete({ documentId: row.documentId });
};

/** Publishing a clinic's content needs the clinic itself to be public first. */
const requirePublishedClinic = async (strapi: Core.Strapi, access: ClinicAccess) => {
  const published = await strapi.db.query(CLINIC).findOne({
    where: { documentId: access.clinic.documentId, publishedAt: { $notNull: true } },
    select: ['id'],
  });
  if (!published)
    throw notAllowed(
      'clinic-not-published',
      'Publish the clinic first: its site does not exist yet'
    );
};

/** Puts the draft of one of the clinic's documents on its site, or takes it off. */
export const setContentPublished = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  kind: ContentKind,
  documentId: unknown,
  published: boolean
): Promise<CabinetDocument> => {
  const info = CONTENT_KINDS[kind];
  const row = await ownDocument(strapi, access, info, documentId);
  await requireUnshared(strapi, access, kind, row.documentId, published ? 'publish' : 'unpublish');
  if (published) {
    await requirePublishedClinic(strapi, access);
    await documents(strapi, info).publish({ documentId: row.documentId });
  } else {
    await documents(strapi, info).unpublish({ documentId: row.documentId });
  }
  const [result] = await withStates(strapi, info, [row]);
  return result;
};

/**
 * Sets the order of the clinic's pages in its menu: `wanted` lists every page's document id
 * once. The new order is a draft change like any other, live once the pages are published.
 */
export const reorderPages = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  wanted: string[]
): Promise<CabinetDocument[]> => {
  const pages = await listContent(strapi, access, 'pages');
  const current = new Set(pages.map((page) => page.documentId));
  if (
    wanted.length !== current.size ||
    new Set(wanted).size !== wanted.length ||
    !wanted.every((documentId) => current.has(documentId))
  ) {
    throw fieldError('order', "must list each of the clinic's pages once", wanted);
  }
  for (const [position, documentId] of wanted.entries()) {
    const page = pages.find((entry) => entry.documentId === documentId);
    if (page?.position === position) continue;
    await strapi.documents(PAGE).update({ documentId, data: { position } });
  }
  return listContent(strapi, access, 'pages');
};
