import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Core } from '@strapi/strapi';

/**
 * Where a stored file lives: `public` is the upload plugin's folder, which anyone may read under
 * /uploads; `private` is a folder outside `public/`, which nothing serves by URL.
 */
export type UploadLocation = 'public' | 'private';

/** One stored file of a media-library entry: the original or one of its image formats. */
export interface StoredPart {
  hash: string;
  ext: string;
  url: string;
}

/** The URL path each location's files are recorded under; only `/uploads/` is served. */
const URL_PREFIX: Record<UploadLocation, string> = {
  public: '/uploads/',
  private: '/private-uploads/',
};

export const otherLocation = (location: UploadLocation): UploadLocation =>
  location === 'public' ? 'private' : 'public';

/** Where a file row's URL says its bytes are; null for anything else (a CDN, say). */
export const locationOf = (url: string): UploadLocation | null =>
  (Object.keys(URL_PREFIX) as UploadLocation[]).find((location) =>
    url.startsWith(URL_PREFIX[location])
  ) ?? null;

/** The name the upload plugin stores a part under, in either folder. */
export const storedName = (part: Pick<StoredPart, 'hash' | 'ext'>) => `${part.hash}${part.ext}`;

export const urlIn = (location: UploadLocation, part: Pick<StoredPart, 'hash' | 'ext'>) =>
  `${URL_PREFIX[location]}${storedName(part)}`;

/**
 * The two folders. The private one is `PRIVATE_UPLOADS_DIR` (relative to `cms/` unless absolute),
 * `cms/private-uploads` by default.
 */
export const uploadFolders = (strapi: Core.Strapi): Record<UploadLocation, string> => ({
  public: path.join(strapi.dirs.static.public, 'uploads'),
  private: path.resolve(strapi.dirs.app.root, process.env.PRIVATE_UPLOADS_DIR || 'private-uploads'),
});

/** The file a part's bytes are in, in `location`. */
export const pathIn = (strapi: Core.Strapi, location: UploadLocation, part: StoredPart) =>
  path.join(uploadFolders(strapi)[location], storedName(part));

/**
 * Creates the private folder, refusing one that the public folder's static server would serve.
 * @throws TypeError when `PRIVATE_UPLOADS_DIR` lies inside `public/`.
 */
export const preparePrivateFolder = (strapi: Core.Strapi) => {
  const folders = uploadFolders(strapi);
  const fromPublic = path.relative(strapi.dirs.static.public, folders.private);
  if (!fromPublic.startsWith('..') && !path.isAbsolute(fromPublic)) {
    throw new TypeError(
      `PRIVATE_UPLOADS_DIR (${folders.private}) must lie outside ${strapi.dirs.static.public}, which is served to anyone`
    );
  }
  mkdirSync(folders.private, { recursive: true });
};
