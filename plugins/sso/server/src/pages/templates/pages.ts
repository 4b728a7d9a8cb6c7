import { hasMessage, translate } from '../i18n/messages';
import { html } from './html';
import { passkeySignIn } from './passkey-sign-in';
import { layout } from './layout';
import { t, type PageContext } from './page';

/** The secondary button that turns down the whole request (cancel sign-in, deny consent). */
const abortForm = (page: PageContext, action: string, label: string) =>
  html`<form method="post" action="${action}">
    <input type="hidden" name="csrf" value="${page.csrfToken}" />
    <button type="submit" class="secondary">${label}</button>
  </form>`;

const errorBox = (message: string | null) =>
  message ? html`<p class="error" id="form-error" role="alert">${message}</p>` : '';

/** The sign-in form of an interaction; `error` is shown above it and linked to its fields. */
export const signInPage = (
  page: PageContext,
  options: {
    action: string;
    abortAction: string;
    clientName: string;
    email: string;
    error: string | null;
    signUpUrl: string;
    forgotUrl: string;
    /** One button per configured upstream provider (Google, Yandex ID, VK ID, …). */
    upstreams?: { id: string; label: string; href: string }[];
    /** "Sign in with a passkey", shown by its script when the browser can. */
    passkey?: { scriptUrl: string; optionsUrl: string; verifyUrl: string };
  }
) =>
  layout({
    locale: page.locale,
    nonce: page.nonce,
    title: t(page, 'sign-in.title'),
    scripts: options.passkey ? [options.passkey.scriptUrl] : [],
    body: html` <h1>${t(page, 'sign-in.title')}</h1>
      <p class="lead">${t(page, 'sign-in.continue-to', { client: options.clientName })}</p>
      ${errorBox(options.error)}
      <form method="post" action="${options.action}" novalidate>
        <input type="hidden" name="csrf" value="${page.csrfToken}" />
        <label for="email">${t(page, 'sign-in.email')}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value="${options.email}"
          ${options.error ? html`aria-describedby="form-error" aria-invalid="true"` : ''}
          autofocus
        />
        <label for="password">${t(page, 'sign-in.password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          ${options.error ? html`aria-describedby="form-error" aria-invalid="true"` : ''}
        />
        <button type="submit">${t(page, 'sign-in.submit')}</button>
      </form>
      ${
        options.upstreams?.length
          ? html`<section aria-labelledby="upstreams-title" class="upstreams">
              <h2 id="upstreams-title">${t(page, 'upstream.sign-in.or')}</h2>
              <ul>
                ${options.upstreams.map(
                  (upstream) =>
                    html`<li>
                      <a class="button" id="upstream-${upstream.id}" href="${upstream.href}"
                        >${t(page, 'upstream.sign-in.with', { provider: upstream.label })}</a
                      >
                    </li>`
                )}
              </ul>
            </section>`
          : ''
      }
      ${options.passkey ? passkeySignIn(page, options.passkey) : ''}
      ${abortForm(page, options.abortAction, t(page, 'sign-in.cancel'))}
      <nav aria-label="${t(page, 'sign-in.title')}">
        <p><a href="${options.signUpUrl}">${t(page, 'sign-in.sign-up')}</a></p>
        <p><a href="${options.forgotUrl}">${t(page, 'sign-in.forgot')}</a></p>
      </nav>`,
  });

/** Asks the user to let a third-party application use their account. */
export const consentPage = (
  page: PageContext,
  options: { action: string; abortAction: string; clientName: string; scopes: string[] }
) =>
  layout({
    locale: page.locale,
    nonce: page.nonce,
    title: t(page, 'consent.title'),
    body: html` <h1>${t(page, 'consent.title')}</h1>
      <p class="lead">${t(page, 'consent.lead', { client: options.clientName })}</p>
      <ul>
        ${options.scopes.map((scope) => html`<li>${scopeLabel(page, scope)}</li>`)}
      </ul>
      <form method="post" action="${options.action}">
        <input type="hidden" name="csrf" value="${page.csrfToken}" />
        <button type="submit">${t(page, 'consent.allow')}</button>
      </form>
      ${abortForm(page, options.abortAction, t(page, 'consent.deny'))}`,
  });

const scopeLabel = (page: PageContext, scope: string) => {
  const key = `scope.${scope}`;
  return hasMessage(key) ? translate(page.locale, key) : scope;
};

/** A dead end explained, with a way back. */
export const errorPage = (page: Omit<PageContext, 'csrfToken'>, message: string) =>
  layout({
    locale: page.locale,
    nonce: page.nonce,
    title: translate(page.locale, 'error.title'),
    body: html` <h1>${translate(page.locale, 'error.title')}</h1>
      <p class="error" role="alert">${message}</p>
      <p><a href="/">${translate(page.locale, 'error.back')}</a></p>`,
  });
