import { readForm } from '../bounded-form';
import { filesOf, textOf } from '../form-data';
import type { SupportMessageInput } from './api';
import type { SupportField } from './messages';

/** A support form shown again: what was typed, and what the desk said about it. */
export interface SupportFormFeedback {
  /** Russian messages next to the fields the desk refused. */
  errors: Partial<Record<SupportField, string>>;
  /** A problem with the whole form (the desk unreachable), shown above it. */
  notice: string | null;
  /** Files were chosen, but a browser does not keep them when a form is shown again. */
  reattach: boolean;
}

export const noFeedback = (): SupportFormFeedback => ({
  errors: {},
  notice: null,
  reattach: false,
});

/**
 * The posted support form's text fields `names`, as typed (the desk judges them), and
 * its chosen files (the `files` input).
 *
 * @example
 * ```ts
 * const input = await readMessageForm(Astro.request, ['subject', 'body', 'clinic']);
 * ```
 */
export const readMessageForm = async <N extends string>(
  request: Request,
  names: readonly N[]
): Promise<SupportMessageInput & { fields: Record<N, string> }> => {
  const form = await readForm(request);
  const fields = Object.fromEntries(names.map((name) => [name, textOf(form, name)])) as Record<
    N,
    string
  >;
  return { fields, files: filesOf(form, 'files') };
};
