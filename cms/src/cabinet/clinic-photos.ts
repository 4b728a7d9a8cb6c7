import type { Core } from '@strapi/strapi';

import { CLINIC } from '../content-types/uids';
import {
  CLINIC_PHOTOS,
  CLINIC_SITE_CHANGED,
  type ClinicAccess,
  type ClinicPhoto,
} from '../contracts';
import { fieldError, notFound } from '../errors';
import { checkFile, type CheckedFile } from '../reviews/attachment-kinds';
import { removeFiles, storeFiles } from '../reviews/attachment-store';
import type { IncomingFile } from '../reviews/incoming-files';

const MAX_CLINIC_PHOTOS = CLINIC_PHOTOS.perClinic;
const MAX_PHOTOS_PER_UPLOAD = CLINIC_PHOTOS.perUpload;
const IMAGE_KINDS = new Set(['jpeg', 'png', 'webp']);

/** The clinic's photo library: the photos of its draft, which logos, doctors and galleries use. */
export const listPhotos = async (strapi: Core.Strapi, access: ClinicAccess) => {
  const clinic = (await strapi.db.query(CLINIC).findOne({
    where: { id: access.clinic.id },
    populate: { photos: { select: ['id', 'name', 'url', 'width', 'height'] } },
  })) as { photos: ClinicPhoto[] } | null;
  return clinic?.photos ?? [];
};

const checkImage = async (file: IncomingFile): Promise<CheckedFile> => {
  const checked = await checkFile(file);
  if (!IMAGE_KINDS.has(checked.kind)) {
    throw fieldError(['files', file.originalFilename], 'Photos are jpeg, png or webp images');
  }
  return checked;
};

/**
 * Adds photos to the clinic's library. Each is checked by its content; if one fails, none is
 * kept. The live site shows them once the clinic is published again.
 */
export const addPhotos = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  files: IncomingFile[]
): Promise<ClinicPhoto[]> => {
  if (files.length === 0) throw fieldError('files', 'Choose at least one photo');
  if (files.length > MAX_PHOTOS_PER_UPLOAD) {
    throw fieldError('files', `Upload at most ${MAX_PHOTOS_PER_UPLOAD} photos at a time`);
  }
  const library = await listPhotos(strapi, access);
  if (library.length + files.length > MAX_CLINIC_PHOTOS) {
    throw fieldError('files', `A clinic keeps at most ${MAX_CLINIC_PHOTOS} photos`);
  }
  const checked: CheckedFile[] = [];
  for (const file of files) checked.push(await checkImage(file));
  const stored = await storeFiles(strapi, checked);
  try {
    await strapi.documents(CLINIC).update({
      documentId: access.clinic.documentId,
      data: { photos: [...library, ...stored].map((photo) => photo.id) },
    });
  } catch (error) {
    await removeFiles(strapi, stored);
    throw error;
  }
  const added = new Set(stored.map((photo) => photo.id));
  return (await listPhotos(strapi, access)).filter((photo) => added.has(photo.id));
};

/**
 * Deletes a photo for good: from the library, the live site and the disk at once, as people
 * expect of a photo they uploaded by mistake.
 */
export const removePhoto = async (strapi: Core.Strapi, access: ClinicAccess, fileId: unknown) => {
  const library = await listPhotos(strapi, access);
  const photo = library.find((entry) => String(entry.id) === String(fileId));
  if (!photo) throw notFound('Photo');
  await removeFiles(strapi, [photo]);
  strapi.eventHub.emit(CLINIC_SITE_CHANGED, {
    clinicDocumentId: access.clinic.documentId,
    reason: 'photo deleted',
  });
};

const idOf = (value: unknown): number | null => {
  if (typeof value === 'number') return value;
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'number'
  ) {
    return (value as { id: number }).id;
  }
  return null;
};

/** Every photo a write points at, with the field it is in. */
const photoReferences = (data: Record<string, unknown>) => {
  const references: { path: string[]; value: unknown }[] = [];
  for (const field of ['logo', 'photo']) {
    if (data[field] !== undefined && data[field] !== null) {
      references.push({ path: [field], value: data[field] });
    }
  }
  if (Array.isArray(data.body)) {
    data.body.forEach((block: unknown, index) => {
      const images = (block as { images?: unknown })?.images;
      if (!Array.isArray(images)) return;
      images.forEach((image, at) =>
        references.push({ path: ['body', String(index), 'images', String(at)], value: image })
      );
    });
  }
  return references;
};

/**
 * A clinic's pages and profiles may only show photos from its own library: never another
 * clinic's, and never a file attached to a private review.
 * @throws ValidationError naming the field of the first photo that is not the clinic's.
 */
export const checkPhotoReferences = async (
  strapi: Core.Strapi,
  access: ClinicAccess,
  data: Record<string, unknown>
) => {
  const references = photoReferences(data);
  if (references.length === 0) return;
  const library = new Set((await listPhotos(strapi, access)).map((photo) => photo.id));
  for (const reference of references) {
    const id = idOf(reference.value);
    if (id === null || !library.has(id)) {
      throw fieldError(
        reference.path,
        "must be a photo from the clinic's library",
        reference.value
      );
    }
  }
};
