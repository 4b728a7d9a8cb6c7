import { CmsApiError } from '@vixenhealth/api-client';
import type { RequesterTicketThread } from '@vixenhealth/support/contracts';

import { requireUser, signInAgain, type AuthContext } from '../auth';
import { supportApi } from './api';
import { noFeedback, readMessageForm, type SupportFormFeedback } from './message-form';
import { supportRefusalOf } from './messages';
import { requestPath } from './paths';

/** The reply form under a thread: empty, or again with what was typed and refused. */
export interface ReplyFormState extends SupportFormFeedback {
  values: { body: string };
}

/** What the person just did, confirmed above the thread after the redirect. */
export type ThreadNotice =
  | { kind: 'sent' }
  | { kind: 'replied' }
  /** The request was closed: the reply opened a new one. */
  | { kind: 'follow-up'; number: string };

export interface ThreadPage {
  thread: RequesterTicketThread;
  reply: ReplyFormState;
  notice: ThreadNotice | null;
}

/** The desk's ticket numbers (`VH-00042`); anything else in the address is not a request. */
const TICKET_NUMBER = /^[A-Z]{1,10}-\d{1,12}$/;

const noticeOf = (params: URLSearchParams): ThreadNotice | null => {
  const followUp = params.get('followUp');
  if (followUp && TICKET_NUMBER.test(followUp)) return { kind: 'follow-up', number: followUp };
  if (params.get('sent') === '1') return { kind: 'sent' };
  if (params.get('replied') === '1') return { kind: 'replied' };
  return null;
};

const emptyReply = (): ReplyFormState => ({ ...noFeedback(), values: { body: '' } });

/**
 * The page `/support/requests/<number>`: one of the signed-in person's own requests with its
 * public messages, and a reply form. Null when there is no such request of theirs (the page
 * answers 404, the same for someone else's). A reply is posted with their access token and
 * redirects back (`?replied=1`), or, when the request was closed and the desk opened a new one,
 * with `?followUp=<number>` to say so and link to it.
 *
 * @example
 * ```astro
 * ---
 * const page = await threadPage(Astro, Astro.params.number);
 * if (page instanceof Response) return page;
 * ---
 * ```
 */
export const threadPage = async (
  context: AuthContext & { request: Request },
  number: string | undefined
): Promise<ThreadPage | Response | null> => {
  const auth = await requireUser(context);
  if (auth instanceof Response) return auth;
  if (!number || !TICKET_NUMBER.test(number)) return null;
  const api = supportApi(auth.accessToken);

  let reply = emptyReply();
  if (context.request.method === 'POST') {
    const input = await readMessageForm(context.request, ['body'] as const);
    try {
      const posted = await api.reply(number, input);
      const after = posted.followUpOf
        ? `followUp=${encodeURIComponent(posted.number)}`
        : 'replied=1';
      return context.redirect(`${requestPath(number)}?${after}`, 303);
    } catch (error) {
      if (error instanceof CmsApiError && error.status === 404) return null;
      const refusal = supportRefusalOf(
        error,
        input.files.map((file) => file.name)
      );
      if (refusal === 'signed-out') return signInAgain(context);
      reply = { ...refusal, reattach: input.files.length > 0, values: input.fields };
    }
  }

  try {
    const thread = await api.thread(number);
    return { thread, reply, notice: noticeOf(context.url.searchParams) };
  } catch (error) {
    if (error instanceof CmsApiError && error.status === 404) return null;
    if (error instanceof CmsApiError && error.status === 401) return signInAgain(context);
    throw error;
  }
};
