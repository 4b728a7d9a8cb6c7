import { requireUser, signInAgain, type AuthContext } from '../auth';
import { readForm } from '../bounded-form';
import { textOf } from '../form-data';
import { cabinetApi, type CabinetApi, type ClinicApi } from './api';
import { DONE_MESSAGES } from './labels';
import { refusalOf } from './refusal';

/** One form of a page: what it does with the posted fields, and which of them it shows. */
export interface CabinetAction {
  /** The form's fields, where the CMS's refusal of one of them is shown next to it. */
  fields?: readonly string[];
  /**
   * Does it; answers where to go next (by default this page, with `?done=<action>`), or what to
   * show once instead of redirecting (a new secret, which is never shown again).
   */
  run(form: FormData): Promise<string | void | ShownOnce>;
}

/** A secret an action shows on its own answer only (not after a redirect, never in a URL). */
export interface ShownOnce {
  once: Record<string, string>;
}

/** A form shown again after the CMS refused it: what was typed, and why. */
export interface FormOutcome {
  action: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  notice: string | null;
}

export interface CabinetView<T> {
  found: true;
  data: T;
  /** The refused form, or null. */
  form: FormOutcome | null;
  /** The confirmation of the action just done (`?done=`), or null. */
  done: string | null;
  /** What the action just done shows once, or null. */
  once: ShownOnce['once'] | null;
}

/**
 * The `load` of a section of one clinic's cabinet: the clinic's profile, which the layout shows,
 * read beside what the section itself shows.
 *
 * @example
 * ```ts
 * cabinetPage(Astro, { load: withClinic(clinicId, async (clinic) => ({ team: await clinic.team() })) });
 * ```
 */
export const withClinic =
  <T extends object>(clinicId: string, section: (clinic: ClinicApi) => Promise<T>) =>
  async (api: CabinetApi) => {
    const clinic = api.clinic(clinicId);
    const [profile, shown] = await Promise.all([clinic.read(), section(clinic)]);
    return { clinic: profile, ...shown };
  };

const valuesOf = (form: FormData) => {
  const values: Record<string, string> = {};
  form.forEach((value, name) => {
    if (typeof value === 'string') values[name] = value;
  });
  return values;
};

/**
 * Runs a cabinet page: the person must be signed in; a POST runs the action its form names
 * (`action` field) and then redirects (so a reload does not post again), or comes back with the
 * form as typed and the CMS's refusal; then the page's data is loaded. The CMS decides everything:
 * its 404 (a clinic the person does not run) is the portal's 404 page, its 401 a new sign-in.
 *
 * @example
 * ```astro
 * ---
 * const view = await cabinetPage(Astro, {
 *   load: (api) => api.clinics(),
 *   actions: (api) => ({ open: { fields: ['name'], run: (form) => … } }),
 * });
 * if (view instanceof Response) return view;
 * ---
 * {view.found ? <Page data={view.data} /> : <NotFound />}
 * ```
 */
export const cabinetPage = async <T>(
  context: AuthContext & { request: Request },
  {
    load,
    actions,
  }: {
    load: (api: CabinetApi) => Promise<T>;
    actions?: (api: CabinetApi) => Record<string, CabinetAction>;
  }
): Promise<Response | { found: false } | CabinetView<T>> => {
  const auth = await requireUser(context);
  if (auth instanceof Response) return auth;
  const api = cabinetApi(auth.accessToken);

  let form: FormOutcome | null = null;
  let once: ShownOnce['once'] | null = null;
  if (context.request.method === 'POST' && actions) {
    const posted = await readForm(context.request);
    const name = textOf(posted, 'action');
    const action = actions(api)[name];
    if (!action) return new Response('Unknown action', { status: 400 });
    try {
      const to = await action.run(posted);
      if (typeof to === 'object') once = to.once;
      else
        return context.redirect(
          to ?? `${context.url.pathname}?done=${encodeURIComponent(name)}`,
          303
        );
    } catch (error) {
      form = { action: name, values: valuesOf(posted), errors: {}, notice: null };
      const refusal = refusalOf(error);
      if (refusal.kind === 'signed-out') return signInAgain(context);
      if (refusal.kind === 'not-found') return { found: false };
      if (refusal.kind === 'field' && action.fields?.includes(refusal.field)) {
        form.errors[refusal.field] = refusal.message;
      } else {
        form.notice = refusal.message;
      }
    }
  }

  try {
    const data = await load(api);
    const done = form ? null : context.url.searchParams.get('done');
    const message =
      done !== null && Object.hasOwn(DONE_MESSAGES, done) ? DONE_MESSAGES[done] : null;
    return { found: true, data, form, done: message, once };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal.kind === 'signed-out') return signInAgain(context);
    if (refusal.kind === 'not-found') return { found: false };
    throw error;
  }
};

/**
 * A form field's value to show: what the person typed, when this form came back refused; else
 * the stored value.
 */
export const shownValue = (
  form: FormOutcome | null,
  action: string,
  field: string,
  stored: string | number | null | undefined
) => (form?.action === action ? (form.values[field] ?? '') : String(stored ?? ''));

/** The refusal of `field` in the form of `action`, if that form came back. */
export const errorOf = (form: FormOutcome | null, action: string, field: string) =>
  form?.action === action ? form.errors[field] : undefined;

/** The refusal shown above the form of one of `actions`, if that form came back. */
export const noticeOf = (form: FormOutcome | null, ...actions: string[]) =>
  form && actions.includes(form.action) ? form.notice : null;
