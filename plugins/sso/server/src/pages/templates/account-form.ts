import type { Locale } from '../i18n/messages';
import { html } from './html';
import { t, type PageContext } from './page';

/** One input of an account form; `error` and `hint` are already in the reader's language. */
export interface InputField {
  id: string;
  name: string;
  label: string;
  type: 'text' | 'tel' | 'email' | 'password';
  autocomplete: string;
  value?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  autofocus?: boolean;
}

/**
 * ID cannot know the reader's time zone without script; times are shown in Moscow time, with
 * the zone named, and machine-readable in `datetime`.
 */
export const time = (locale: Locale, value: string | Date | null) => {
  if (!value) return '—';
  const date = new Date(value);
  const text = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Moscow',
    timeZoneName: 'short',
  }).format(date);
  return html`<time datetime="${date.toISOString()}">${text}</time>`;
};

/** A labelled input, its hint and error tied to it with `aria-describedby`. */
const input = (field: InputField) => {
  const hintId = `${field.id}-hint`;
  const errorId = `${field.id}-error`;
  const describedBy = [field.hint && hintId, field.error && errorId].filter(Boolean).join(' ');
  return html`<label for="${field.id}">${field.label}</label>
    ${field.hint ? html`<p class="hint" id="${hintId}">${field.hint}</p>` : ''}
    ${field.error ? html`<p class="field-error" id="${errorId}">${field.error}</p>` : ''}
    <input
      id="${field.id}"
      name="${field.name}"
      type="${field.type}"
      autocomplete="${field.autocomplete}"
      value="${field.type === 'password' ? '' : (field.value ?? '')}"
      ${field.required ? html`required` : ''}
      ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
      ${field.error ? html`aria-invalid="true"` : ''}
      ${field.autofocus ? html`autofocus` : ''}
    />`;
};

/** One form of the page; its errors listed first, each linking to its field. */
export const form = (
  page: PageContext,
  options: { action: string; fields: InputField[]; submit: string; danger?: boolean }
) => {
  const invalid = options.fields.filter((field) => field.error);
  // Without script, focus can only be given on load: to the first field to correct.
  const fields = options.fields.map((field) => ({ ...field, autofocus: field === invalid[0] }));
  return html`${
      invalid.length > 0
        ? html`<div class="error" role="alert">
            <p>${t(page, 'account.form.errors')}</p>
            <ul>
              ${invalid.map((field) => html`<li><a href="#${field.id}">${field.error}</a></li>`)}
            </ul>
          </div>`
        : ''
    }
    <form method="post" action="${options.action}" novalidate>
      <input type="hidden" name="csrf" value="${page.csrfToken}" />
      ${fields.map(input)}
      <button type="submit" ${options.danger ? html`class="danger"` : ''}>${options.submit}</button>
    </form>`;
};
