import { requireUser, signInAgain, type AuthContext } from './auth';
import { cms, timeout } from './cms';
import { readForm } from './bounded-form';
import { filesOf, textOf } from './form-data';
import type { ReviewTarget } from './public-reviews';
import { adviceReasons, refusalOf } from './review-messages';

/** The form's fields, as typed (kept when the form is shown again). */
export interface ReviewFormValues {
  rating: string;
  title: string;
  text: string;
  visitMonth: string;
  visibility: 'public' | 'private';
}

export type ReviewField = keyof ReviewFormValues | 'files';

/** The form to fill in, or shown again with what the CMS said. */
export interface ReviewFormEditing {
  status: 'editing';
  values: ReviewFormValues;
  /** Russian messages next to the fields the CMS refused. */
  errors: Partial<Record<ReviewField, string>>;
  /** A problem with the whole review (a limit, the CMS unreachable), shown above the form. */
  notice: string | null;
  /** Why this had better be a private review, when the CMS advises so. */
  advice: string[] | null;
  /** Files were chosen, but a browser does not keep them when a form is shown again. */
  reattach: boolean;
}

export type ReviewFormState =
  | ReviewFormEditing
  | { status: 'sent'; visibility: 'public' | 'private' }
  /** The CMS refused the access token: the person must sign in again. */
  | { status: 'signed-out' };

/** `POST /api/reviews/advice`'s answer (`PrivacyAdvice` in `cms/src/reviews/contracts.ts`). */
interface AdviceAnswer {
  data: { advice: { code: 'PREFER_PRIVATE'; reasons: string[] } | null };
}

const emptyReviewForm = (): ReviewFormEditing => ({
  status: 'editing',
  values: { rating: '', title: '', text: '', visitMonth: '', visibility: 'public' },
  errors: {},
  notice: null,
  advice: null,
  reattach: false,
});

const readValues = (form: FormData): ReviewFormValues => {
  const text = (name: string) => textOf(form, name);
  // "Send as a private review" on the advice is the same as choosing private.
  const privately = text('choice') === 'private' || text('visibility') === 'private';
  return {
    rating: text('rating'),
    title: text('title'),
    text: text('text'),
    visitMonth: text('visitMonth'),
    visibility: privately ? 'private' : 'public',
  };
};

/** Advice of the CMS for a public draft, or null (none, or the CMS could not say: it checks again). */
const askAdvice = async (values: ReviewFormValues, files: File[]) => {
  try {
    const { data } = await cms().post<AdviceAnswer>('/reviews/advice', {
      body: {
        data: {
          title: values.title,
          text: values.text,
          visibility: values.visibility,
          files: files.map((file) => file.name),
        },
      },
      signal: timeout(),
    });
    return data.advice ? adviceReasons(data.advice.reasons) : null;
  } catch {
    return null;
  }
};

/**
 * Handles the review form's POST for `target` on behalf of the signed-in person. A public
 * review first goes past the CMS's advice (`POST /api/reviews/advice`): when it reads like a
 * bug report or carries logs, the form comes back with the advice and a one-click switch to a
 * private review, unless the person already chose to publish it. Then `POST /api/reviews` with
 * the person's access token: JSON, or multipart with the files.
 *
 * @example
 * ```ts
 * const form = await handleReviewForm(Astro.request, { type: 'clinic', documentId }, accessToken);
 * ```
 */
const handleReviewForm = async (
  request: Request,
  target: ReviewTarget,
  accessToken: string
): Promise<ReviewFormState> => {
  const form = await readForm(request);
  const values = readValues(form);
  const files = filesOf(form, 'attachments');
  const editing = { ...emptyReviewForm(), values, reattach: files.length > 0 };

  if (values.visibility === 'public' && form.get('choice') !== 'public') {
    const advice = await askAdvice(values, files);
    if (advice) return { ...editing, advice };
  }

  const data = {
    targetType: target.type,
    [target.type]: target.documentId,
    rating: values.rating === '' ? undefined : Number(values.rating),
    title: values.title,
    text: values.text,
    visitMonth: values.visitMonth || undefined,
    visibility: values.visibility,
  };
  let body: Record<string, unknown> | FormData = { data };
  if (files.length > 0) {
    body = new FormData();
    body.append('data', JSON.stringify(data));
    for (const file of files) body.append('files.attachments', file, file.name);
  }
  try {
    await cms().post('/reviews', { body, token: accessToken, signal: timeout(60_000) });
    return { status: 'sent', visibility: values.visibility };
  } catch (error) {
    const refused = refusalOf(error, target);
    return refused === 'signed-out' ? { status: 'signed-out' } : { ...editing, ...refused };
  }
};

/**
 * The review form page of `target`: sign-in required (a visitor is sent to sign in and back);
 * a POST is handled by {@link handleReviewForm}, and a sent review redirects to the page's
 * thanks (`?sent=public|private`), so that reloading does not send it twice.
 *
 * @example
 * ```astro
 * ---
 * const form = await reviewFormPage(Astro, { type: 'clinic', documentId: clinic.documentId });
 * if (form instanceof Response) return form;
 * ---
 * ```
 */
export const reviewFormPage = async (
  context: AuthContext & { request: Request },
  target: ReviewTarget
): Promise<ReviewFormState | Response> => {
  const auth = await requireUser(context);
  if (auth instanceof Response) return auth;
  const sent = context.url.searchParams.get('sent');
  if (context.request.method !== 'POST') {
    return sent === 'public' || sent === 'private'
      ? { status: 'sent', visibility: sent }
      : emptyReviewForm();
  }
  const state = await handleReviewForm(context.request, target, auth.accessToken);
  if (state.status === 'signed-out') return signInAgain(context);
  if (state.status === 'sent') {
    return context.redirect(`${context.url.pathname}?sent=${state.visibility}`, 303);
  }
  return state;
};
