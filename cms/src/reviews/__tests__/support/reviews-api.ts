import { readdir } from 'node:fs/promises';

import type { Core } from '@strapi/strapi';

import type { TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import { uploadFolders } from '../../upload-locations';

export interface Upload {
  name: string;
  content: Buffer;
  type?: string;
}

const GOOD_TEXT = 'Врач внимательно выслушал и подробно объяснил, что делать дальше.';

/** A valid review of `target`, with `overrides`. */
export const reviewData = (
  target: { targetType: string; clinic?: string; doctor?: string },
  overrides: Record<string, unknown> = {}
) => ({ ...target, rating: 5, title: 'Хороший приём', text: GOOD_TEXT, ...overrides });

/** POST /api/reviews as the Content API expects it: JSON, or multipart with files. */
export const postReview = async (
  cms: TestCms,
  token: string | undefined,
  data: unknown,
  files: Upload[] = []
) => {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let body: string | FormData;
  if (files.length === 0) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify({ data });
  } else {
    body = new FormData();
    body.set('data', JSON.stringify(data));
    for (const file of files) {
      body.append(
        'files.attachments',
        new Blob([new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }),
        file.name
      );
    }
  }
  const response = await fetch(`${cms.baseUrl}/api/reviews`, { method: 'POST', headers, body });
  return { status: response.status, body: await response.json() };
};

/** A moderator's decision through the admin API. */
export const decide = (
  cms: TestCms,
  token: string,
  decision: 'approve' | 'reject' | 'hide',
  documentIds: string[],
  extra: Record<string, unknown> = {}
) =>
  cms.request('/review-moderation/decisions', {
    method: 'POST',
    token,
    body: { decision, documentIds, ...extra },
  });

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
