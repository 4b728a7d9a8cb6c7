import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { Core } from '@strapi/strapi';

import { pathIn, preparePrivateFolder, urlIn, type StoredPart } from './upload-locations';

/**
 * The `path` to give the upload service for files that must never be public: the plugin hands it
 * on to its provider with the original and with every format it derives.
 */
export const PRIVATE_UPLOAD_PATH = 'private';

interface ProviderFile extends StoredPart {
  path?: string | null;
  stream?: Readable;
}

type ProviderAction = (file: ProviderFile, options?: unknown) => Promise<unknown>;

interface UploadProvider {
  uploadStream: ProviderAction;
  delete: ProviderAction;
  extend(methods: Partial<Record<'uploadStream' | 'delete', ProviderAction>>): void;
}

/**
 * Teaches the local upload provider the private folder: files uploaded with
 * {@link PRIVATE_UPLOAD_PATH} are written there, never to `public/uploads`, and a deleted file is
 * deleted from both folders. Everything else goes to the local provider as before.
 * @throws TypeError for another provider: the folders are the local provider's.
 */
export const registerPrivateUploads = (strapi: Core.Strapi) => {
  const provider = strapi.config.get('plugin::upload.provider', 'local');
  if (provider !== 'local') {
    throw new TypeError(
      `Review attachments are kept by the local upload provider; "${provider}" is configured`
    );
  }
  preparePrivateFolder(strapi);
  const local = strapi.plugin('upload').provider as UploadProvider;
  const { uploadStream, delete: remove } = local;
  local.extend({
    async uploadStream(file, options) {
      if (file.path !== PRIVATE_UPLOAD_PATH) return uploadStream(file, options);
      if (!file.stream) throw new Error('Missing file stream');
      await pipeline(file.stream, createWriteStream(pathIn(strapi, 'private', file)));
      file.url = urlIn('private', file);
      return undefined;
    },
    // Wherever the bytes are: an interrupted move may have left them in either folder.
    async delete(file, options) {
      await rm(pathIn(strapi, 'private', file), { force: true });
      return remove(file, options);
    },
  });
};
