import { readdir } from 'node:fs/promises';

import type { Core } from '@strapi/strapi';

import { uploadFolders } from '../../upload-locations';

// Writing and moderating reviews is shared with other workspaces' tests (the docs' examples).
export {
  decide,
  postReview,
  reviewData,
  type Upload,
} from '@vixenhealth/tooling/testing/reviews-api';

/** Bytes that pass for each kind of attachment (their magic numbers), padded to `size`. */
export const sample = {
  png: (size = 256) =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(size),
    ]),
  jpeg: (size = 256) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size)]),
  log: (text = '2026-11-23 10:00:01 ERROR booking failed: timeout\n') => Buffer.from(text),
  /** A Windows executable's header: "MZ", then binary. */
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00])]),
};

/** How many files the upload folders hold, the public and the private one together. */
export const filesOnDisk = async (strapi: Core.Strapi) => {
  const counts = await Promise.all(
    Object.values(uploadFolders(strapi)).map(
      async (folder) => (await readdir(folder).catch(() => [])).length
    )
  );
  return counts.reduce((sum, count) => sum + count, 0);
};
