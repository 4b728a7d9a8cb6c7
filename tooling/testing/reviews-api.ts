import type { TestCms } from './strapi-harness';

/** A file sent with a review: its name, bytes and, if not binary, its type. */
export interface Upload {
  name: string;
  content: Buffer;
  type?: string;
}

const GOOD_TEXT = 'Врач внимательно выслушал и подробно объяснил, что делать дальше.';

/**
 * A valid review of `target`, with `overrides`.
 * @example
 * ```ts
 * reviewData({ targetType: 'clinic', clinic: clinic.documentId }, { rating: 4 });
 * ```
 */
export const reviewData = (
  target: { targetType: string; clinic?: string; doctor?: string },
  overrides: Record<string, unknown> = {}
) => ({ ...target, rating: 5, title: 'Хороший приём', text: GOOD_TEXT, ...overrides });

/**
 * POST /api/reviews as the Content API expects it: JSON, or multipart with files.
 * @example
 * ```ts
 * const created = await postReview(cms, person.token, reviewData({ targetType: 'platform' }));
 * ```
 */
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

/**
 * A moderator's decision through the admin API.
 * @example
 * ```ts
 * await decide(cms, (await createModerator(cms)).token, 'approve', [review.documentId]);
 * ```
 */
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
