import { CmsApiError } from '@vixenhealth/api-client';

import { requireUser, signInAgain, type AuthContext } from '../auth';
import { supportApi } from './api';

/** Headers of the desk's answer the person's browser needs: the file's type, size and name, and that it is a download. */
const PASSED_ON = [
  'content-type',
  'content-length',
  'content-disposition',
  'x-content-type-options',
  'cache-control',
];

const notFound = () =>
  new Response('Файл не найден.', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });

/**
 * A file attached to one of the signed-in person's requests, streamed from the desk
 * (`GET /api/support/tickets/:number/files/:id`) with their access token, as the download the
 * desk made of it; 404 for a file of someone else's request.
 *
 * @example
 * ```ts
 * export const GET: APIRoute = (context) => downloadAttachment(context, context.params);
 * ```
 */
export const downloadAttachment = async (
  context: AuthContext,
  { number, fileId }: { number?: string; fileId?: string }
): Promise<Response> => {
  const auth = await requireUser(context);
  if (auth instanceof Response) return auth;
  if (!number || !fileId || !/^\d{1,12}$/.test(fileId)) return notFound();
  try {
    const file = await supportApi(auth.accessToken).file(number, fileId);
    const headers = new Headers();
    for (const name of PASSED_ON) {
      const value = file.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(file.body, { headers });
  } catch (error) {
    if (!(error instanceof CmsApiError)) throw error;
    if (error.status === 401) return signInAgain(context);
    if (error.status === 404 || error.status === 400) return notFound();
    throw error;
  }
};
