import { html, SafeHtml } from './html';
import { layout } from './layout';
import { t, type PageContext } from './page';

const errorBox = (message: string | null | undefined) =>
  message ? html`<p class="error" id="form-error" role="alert">${message}</p>` : '';

/** Where a second-factor page sits: inside a sign-in (narrow) or on "my account" (wide). */
export interface Frame {
  account: boolean;
}

const frame = (page: PageContext, where: Frame, title: string, body: SafeHtml) =>
  layout({
    locale: page.locale,
    nonce: page.nonce,
    title,
    ...(where.account ? { account: { skipLabel: t(page, 'account.skip') } } : {}),
    body,
  });

const codeInput = (
  page: PageContext,
  options: { id: string; label: string; error?: string | null }
) =>
  html`<label for="${options.id}">${options.label}</label>
    <input
      id="${options.id}"
      name="code"
      type="text"
      inputmode="text"
      autocomplete="one-time-code"
      autocapitalize="off"
      spellcheck="false"
      maxlength="32"
      required
      autofocus
      ${options.error ? html`aria-describedby="form-error" aria-invalid="true"` : ''}
    />`;

/** The second step of a sign-in: a code from the app or a recovery code. */
export const secondStepPage = (
  page: PageContext,
  options: { action: string; abortAction: string; error?: string | null }
) =>
  frame(
    page,
    { account: false },
    t(page, 'second-factor.title'),
    html`<h1>${t(page, 'second-factor.title')}</h1>
      <p class="lead">${t(page, 'second-factor.step.lead')}</p>
      ${errorBox(options.error)}
      <form method="post" action="${options.action}" novalidate>
        <input type="hidden" name="csrf" value="${page.csrfToken}" />
        <p class="hint" id="code-hint">${t(page, 'second-factor.code.hint')}</p>
        ${codeInput(page, { id: 'code', label: t(page, 'second-factor.code'), error: options.error })}
        <label class="check"
          ><input type="checkbox" name="remember" value="yes" />
          ${t(page, 'second-factor.remember')}</label
        >
        <button type="submit">${t(page, 'second-factor.submit')}</button>
      </form>
      <form method="post" action="${options.abortAction}">
        <input type="hidden" name="csrf" value="${page.csrfToken}" />
        <button type="submit" class="secondary">${t(page, 'sign-in.cancel')}</button>
      </form>`
  );

/** What an authenticator app needs: the QR code (inline SVG), the key and the link. */
export interface Enrolment {
  secret: string;
  uri: string;
  /** `qrcode`'s SVG of `uri`: markup we generated, not user text. */
  qrSvg: string;
}

/** The key in groups of four, as apps show and people type it. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** Setting up the app: scan, then confirm with a code. `lead` says why (required for staff). */
export const enrolmentPage = (
  page: PageContext,
  where: Frame,
  options: {
    action: string;
    enrolment: Enrolment;
    lead?: string;
    error?: string | null;
    back?: string;
  }
) =>
  frame(
    page,
    where,
    t(page, 'second-factor.enrol.title'),
    html`<h1>${t(page, 'second-factor.enrol.title')}</h1>
      ${options.lead ? html`<p class="lead">${options.lead}</p>` : ''}
      <p>${t(page, 'second-factor.enrol.scan')}</p>
      <div class="qr" role="img" aria-label="${t(page, 'second-factor.enrol.qr')}">
        ${new SafeHtml(options.enrolment.qrSvg)}
      </div>
      <details>
        <summary>${t(page, 'second-factor.enrol.manual')}</summary>
        <p>
          ${t(page, 'second-factor.enrol.key')}:
          <span class="key" id="totp-key">${grouped(options.enrolment.secret)}</span>
        </p>
        <p>
          ${t(page, 'second-factor.enrol.uri')}:
          <a class="key" href="${options.enrolment.uri}">${options.enrolment.uri}</a>
        </p>
      </details>
      ${errorBox(options.error)}
      <form method="post" action="${options.action}" novalidate>
        <input type="hidden" name="csrf" value="${page.csrfToken}" />
        ${codeInput(page, { id: 'code', label: t(page, 'second-factor.account.remove.code'), error: options.error })}
        <button type="submit">${t(page, 'second-factor.enrol.confirm')}</button>
      </form>
      ${options.back ? html`<p><a href="${options.back}">${t(page, 'second-factor.account.back')}</a></p>` : ''}`
  );

/** The recovery codes, shown once; `next` is a form (sign-in) or a link (account page). */
export const recoveryCodesPage = (
  page: PageContext,
  where: Frame,
  options: { codes: string[]; next: { action: string } | { href: string } }
) =>
  frame(
    page,
    where,
    t(page, 'second-factor.codes.title'),
    html`<h1>${t(page, 'second-factor.codes.title')}</h1>
      <p class="notice" role="status">${t(page, 'second-factor.notice.enabled')}</p>
      <p class="lead">${t(page, 'second-factor.codes.lead')}</p>
      <ol class="codes" id="recovery-codes">
        ${options.codes.map((code) => html`<li><code>${code}</code></li>`)}
      </ol>
      ${
        'action' in options.next
          ? html`<form method="post" action="${options.next.action}">
              <input type="hidden" name="csrf" value="${page.csrfToken}" />
              <button type="submit">${t(page, 'second-factor.codes.continue')}</button>
            </form>`
          : html`<p>
              <a href="${options.next.href}">${t(page, 'second-factor.codes.continue')}</a>
            </p>`
      }`
  );

const MARK = '\u0000';
/** A translated sentence with markup (a `<time>`) where `MARK` was: the text stays escaped. */
const around = (sentence: string, inner: SafeHtml | string) => {
  const [before, after = ''] = sentence.split(MARK);
  return html`${before}${inner}${after}`;
};

/** "My account" → two-step sign-in: its state, and the forms to turn it on or off. */
export const twoStepAccountPage = (
  page: PageContext,
  options: {
    enrolledAt: SafeHtml | string | null;
    recoveryLeft: number;
    startAction: string;
    removeAction: string;
    back: string;
    notice?: string | null;
    errors?: { password?: string; code?: string };
  }
) => {
  const errors = options.errors ?? {};
  const invalid = Object.values(errors).filter(Boolean);
  return frame(
    page,
    { account: true },
    t(page, 'second-factor.title'),
    html`<h1>${t(page, 'second-factor.title')}</h1>
      ${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
      ${
        options.enrolledAt
          ? html`<p id="two-step-state">
                ${around(t(page, 'second-factor.account.on', { date: MARK }), options.enrolledAt)}
              </p>
              <p>
                ${t(page, 'second-factor.account.recovery-left', { count: options.recoveryLeft })}
              </p>
              <h2>${t(page, 'second-factor.account.remove.title')}</h2>
              <p>${t(page, 'second-factor.account.remove.lead')}</p>
              ${
                invalid.length > 0
                  ? html`<div class="error" role="alert">
                      <ul>
                        ${invalid.map((message) => html`<li>${message}</li>`)}
                      </ul>
                    </div>`
                  : ''
              }
              <form method="post" action="${options.removeAction}" novalidate>
                <input type="hidden" name="csrf" value="${page.csrfToken}" />
                <label for="remove-password"
                  >${t(page, 'second-factor.account.remove.password')}</label
                >
                <input
                  id="remove-password"
                  name="password"
                  type="password"
                  autocomplete="current-password"
                  required
                  ${errors.password ? html`aria-invalid="true"` : ''}
                />
                <label for="remove-code">${t(page, 'second-factor.account.remove.code')}</label>
                <input
                  id="remove-code"
                  name="code"
                  type="text"
                  autocomplete="one-time-code"
                  maxlength="32"
                  required
                  ${errors.code ? html`aria-invalid="true"` : ''}
                />
                <button type="submit" class="danger">
                  ${t(page, 'second-factor.account.remove.submit')}
                </button>
              </form>`
          : html`<p id="two-step-state">${t(page, 'second-factor.account.off')}</p>
              <form method="post" action="${options.startAction}">
                <input type="hidden" name="csrf" value="${page.csrfToken}" />
                <button type="submit">${t(page, 'second-factor.account.start')}</button>
              </form>`
      }
      <p><a href="${options.back}">${t(page, 'second-factor.account.back')}</a></p>`
  );
};
