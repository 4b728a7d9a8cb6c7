import path from 'node:path';

import type { Core } from '@strapi/strapi';

import type { DownloadedRecording } from './download-recording';

/** Support's private files: stored by the CMS's private upload provider, never served by URL. */
interface PrivateUploads {
  privateUploadPath: string;
  privateUploadsDir: string;
}

const privateUploads = (strapi: Core.Strapi) =>
  strapi.config.get('plugin::support') as PrivateUploads;

/** Recordings are kept with Support's private files: only our route hands them to agents. */
export const storeRecordingFile = async (
  strapi: Core.Strapi,
  file: DownloadedRecording,
  name: string
): Promise<{ id: number }> => {
  const [entry] = (await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: {
        fileInfo: { name: `${name}${file.ext}`, alternativeText: null, caption: null },
        path: privateUploads(strapi).privateUploadPath,
      },
      files: {
        filepath: file.filepath,
        originalFilename: `${name}${file.ext}`,
        mimetype: file.mime,
        size: file.size,
      },
    })) as { id: number }[];
  return entry!;
};

export const removeRecordingFile = async (strapi: Core.Strapi, id: number) => {
  const upload = strapi.plugin('upload').service('upload');
  const file = await upload.findOne(id);
  if (file) await upload.remove(file);
};

/** Where a stored recording's bytes are on disk. */
export const pathOfRecording = (strapi: Core.Strapi, file: { hash: string; ext: string }) =>
  path.join(privateUploads(strapi).privateUploadsDir, `${file.hash}${file.ext}`);

/** The largest recording kept: 50 MB, or less when the upload plugin allows less. */
export const maxRecordingBytes = (strapi: Core.Strapi) => {
  const { sizeLimit } = strapi.config.get('plugin::upload') as { sizeLimit?: number };
  return Math.min(50 * 1024 * 1024, sizeLimit ?? Infinity);
};
