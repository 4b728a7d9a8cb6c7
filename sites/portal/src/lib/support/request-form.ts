import { requireUser, signInAgain, type AuthContext } from '../auth';
import { supportApi } from './api';
import { clinicContext, type ClinicContext } from './clinic-context';
import { noFeedback, readMessageForm, type SupportFormFeedback } from './message-form';
import { supportRefusalOf } from './messages';
import { requestPath } from './paths';

/** "Связаться с поддержкой" as shown: empty, or again with what was typed and refused. */
export interface RequestFormState extends SupportFormFeedback {
  values: { subject: string; body: string };
  /** The clinic the request is about (`?clinic=`), kept in a hidden field. */
  clinic: ClinicContext | null;
}

const FIELDS = ['subject', 'body', 'clinic'] as const;

/**
 * The page `/support`: sign-in required (a visitor is sent to sign in and back, `?clinic=`
 * included); a POST files the request with the person's access token
 * (`POST /api/support/tickets`, multipart when files are attached) and redirects to its thread
 * (`?sent=1`), so that reloading does not send it twice.
 *
 * @example
 * ```astro
 * ---
 * const form = await requestFormPage(Astro);
 * if (form instanceof Response) return form;
 * ---
 * ```
 */
export const requestFormPage = async (
  context: AuthContext & { request: Request }
): Promise<RequestFormState | Response> => {
  const auth = await requireUser(context);
  if (auth instanceof Response) return auth;
  if (context.request.method !== 'POST') {
    return {
      ...noFeedback(),
      values: { subject: '', body: '' },
      clinic: await clinicContext(context.url.searchParams.get('clinic')),
    };
  }
  const input = await readMessageForm(context.request, FIELDS);
  const { subject, body, clinic: clinicId } = input.fields;
  const clinic = await clinicContext(clinicId);
  const fields = { subject, body, ...(clinic ? { clinic: clinic.documentId } : {}) };
  try {
    const { number } = await supportApi(auth.accessToken).create({ fields, files: input.files });
    return context.redirect(`${requestPath(number)}?sent=1`, 303);
  } catch (error) {
    const refusal = supportRefusalOf(
      error,
      input.files.map((file) => file.name)
    );
    if (refusal === 'signed-out') return signInAgain(context);
    return { ...refusal, reattach: input.files.length > 0, values: { subject, body }, clinic };
  }
};
