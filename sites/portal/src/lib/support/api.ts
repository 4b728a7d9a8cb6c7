import { CmsApiError, cmsBaseUrl } from '@vixenhealth/api-client';
import type {
  CreateTicketResponse,
  RequesterTicket,
  RequesterTicketThread,
} from '@vixenhealth/support/contracts';

import { timeout } from '../cms';

/** `POST /api/support/tickets/:number/messages`'s answer: another number when a closed one was followed up. */
export interface ReplyResponse {
  number: string;
  followUpOf: string | null;
}

/** A request's text, and its files when there are any (then sent as multipart). */
export interface SupportMessageInput {
  fields: Record<string, string>;
  files: File[];
}

/** Sending files may take a while on a slow line; reading is quick. */
const UPLOAD_MS = 120_000;

const bodyOf = ({ fields, files }: SupportMessageInput): RequestInit => {
  if (files.length === 0) {
    return { body: JSON.stringify(fields), headers: { 'content-type': 'application/json' } };
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('files', file, file.name);
  return { body: form };
};

/**
 * The Support desk's requester API (`/api/support/...`, a plugin's routes the generated client
 * does not describe) on behalf of one signed-in person: every call carries their access token,
 * and someone else's request is a 404. Refusals throw `CmsApiError`, as the content API's do.
 *
 * @example
 * ```ts
 * const { number } = await supportApi(accessToken).create({ fields: { subject, body }, files: [] });
 * ```
 */
export const supportApi = (token: string) => {
  const call = async (path: string, init: RequestInit = {}, ms = 15_000) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    const response = await fetch(`${cmsBaseUrl()}/api/support${path}`, {
      ...init,
      headers,
      signal: timeout(ms),
    });
    if (!response.ok) {
      const answer = (await response.json().catch(() => null)) as {
        error?: CmsApiError['error'];
      } | null;
      throw new CmsApiError(response.status, answer?.error ?? null);
    }
    return response;
  };
  const json = async <T>(path: string, init?: RequestInit, ms?: number) =>
    (await (await call(path, init, ms)).json()) as T;
  const ticketPath = (number: string) => `/tickets/${encodeURIComponent(number)}`;

  return {
    create: (input: SupportMessageInput) =>
      json<CreateTicketResponse>('/tickets', { method: 'POST', ...bodyOf(input) }, UPLOAD_MS),

    list: async () => (await json<{ data: RequesterTicket[] }>('/tickets')).data,

    thread: async (number: string) =>
      (await json<{ data: RequesterTicketThread }>(ticketPath(number))).data,

    reply: (number: string, input: SupportMessageInput) =>
      json<ReplyResponse>(
        `${ticketPath(number)}/messages`,
        { method: 'POST', ...bodyOf(input) },
        UPLOAD_MS
      ),

    /** The CMS's answer with the file, to stream on as it is. */
    file: (number: string, fileId: string) =>
      call(`${ticketPath(number)}/files/${encodeURIComponent(fileId)}`, {}, UPLOAD_MS),
  };
};
