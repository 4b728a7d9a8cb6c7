import type { Core } from '@strapi/strapi';

import { UPLOAD_FILE } from '../content-types/uids';
import type { CheckedFile } from './attachment-kinds';
import { PRIVATE_UPLOAD_PATH } from './private-upload-provider';

interface StoredFile {
  id: number;
}

const uploads = (strapi: Core.Strapi) => strapi.plugin('upload').service('upload');

/**
 * Stores checked files with Strapi's upload plugin (on disk, never in the database) under the
 * names and types the checks established: in `public/uploads`, or with `private` in the private
 * folder, which nothing serves. When one fails, those already stored are removed: a failed review
 * leaves no file behind.
 */
export const storeFiles = async (
  strapi: Core.Strapi,
  files: CheckedFile[],
  { private: isPrivate = false }: { private?: boolean } = {}
): Promise<StoredFile[]> => {
  const stored: StoredFile[] = [];
  try {
    for (const file of files) {
      const [entry] = await uploads(strapi).upload({
        data: {
          fileInfo: { name: file.name, alternativeText: null, caption: null },
          ...(isPrivate ? { path: PRIVATE_UPLOAD_PATH } : {}),
        },
        files: {
          filepath: file.filepath,
          originalFilename: file.name,
          mimetype: file.mime,
          size: file.size,
        },
      });
      stored.push(entry);
    }
    return stored;
  } catch (error) {
    await removeFiles(strapi, stored);
    throw error;
  }
};

/** Removes stored files, from disk (either folder) and from the media library. */
export const removeFiles = async (strapi: Core.Strapi, files: { id: number }[]) => {
  for (const file of files) {
    const entry = await strapi.db.query(UPLOAD_FILE).findOne({ where: { id: file.id } });
    if (entry) await uploads(strapi).remove(entry);
  }
};
