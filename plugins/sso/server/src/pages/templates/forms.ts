import { html, type SafeHtml } from './html';
import { layout } from './layout';
import type { PageContext } from './page';

export interface Field {
  name: string;
  label: string;
  type: 'email' | 'password' | 'text' | 'tel' | 'hidden';
  autocomplete?: string;
  value?: string;
  /** Shown under the field and linked to it for screen readers. */
  error?: string | null;
}

const fieldMarkup = (field: Field) => {
  if (field.type === 'hidden') {
    return html`<input type="hidden" name="${field.name}" value="${field.value ?? ''}" />`;
  }
  const errorId = `${field.name}-error`;
  return html` <label for="${field.name}">${field.label}</label>
    <input
      id="${field.name}"
      name="${field.name}"
      type="${field.type}"
      required
      autocomplete="${field.autocomplete ?? 'off'}"
      value="${field.type === 'password' ? '' : (field.value ?? '')}"
      ${field.error ? html`aria-invalid="true" aria-describedby="${errorId}"` : ''}
    />
    ${field.error ? html`<p class="error" id="${errorId}">${field.error}</p>` : ''}`;
};

/** A page with one form: a title, an optional lead, its fields and a submit button. */
export const formPage = (
  page: PageContext,
  options: {
    title: string;
    lead?: string;
    action: string;
    fields: Field[];
    submit: string;
    footer?: SafeHtml;
  }
) =>
  layout({
    locale: page.locale,
    nonce: page.nonce,
    title: options.title,
    body: html` <h1>${options.title}</h1>
      ${options.lead ? html`<p class="lead">${options.lead}</p>` : ''}
      <form method="post" action="${options.action}" novalidate>
        <input type="hidden" name="csrf" value="${page.csrfToken}" />
        ${options.fields.map(fieldMarkup)}
        <button type="submit">${options.submit}</button>
      </form>
      ${options.footer ?? ''}`,
  });

/** A page that only tells something. */
export const messagePage = (
  page: Omit<PageContext, 'csrfToken'>,
  options: {
    title: string;
    text: string;
    role?: 'status' | 'alert';
    /** Where to go from here, when somewhere else than the site. */
    link?: { href: string; text: string };
  }
) =>
  layout({
    locale: page.locale,
    nonce: page.nonce,
    title: options.title,
    body: html`<h1>${options.title}</h1>
      <p role="${options.role ?? 'status'}">${options.text}</p>
      ${options.link ? html`<p><a href="${options.link.href}">${options.link.text}</a></p>` : ''}`,
  });
