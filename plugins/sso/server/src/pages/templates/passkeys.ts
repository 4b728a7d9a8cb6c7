import { LABEL_MAX_LENGTH, type PasskeySummary } from '../../second-factor/passkeys';
import type { AccountPaths } from '../handlers/account/paths';
import { time } from './account-form';
import { html } from './html';
import { layout } from './layout';
import { t, type PageContext } from './page';
import { scriptData } from './passkey-script-data';

export interface PasskeysView {
  paths: AccountPaths;
  passkeys: PasskeySummary[];
  notice: string | null;
  /** What the last rename or removal was refused for, and which passkey it concerned. */
  error: { passkeyId: number | null; message: string } | null;
  scriptUrl: string;
}

const passkeyItem = (page: PageContext, view: PasskeysView, passkey: PasskeySummary) => {
  const id = `passkey-${passkey.id}`;
  const failed = view.error?.passkeyId === passkey.id;
  return html`<article id="${id}" aria-labelledby="${id}-label">
    <h3 id="${id}-label">${passkey.label}</h3>
    <p class="hint">
      ${t(page, passkey.backedUp || passkey.deviceType === 'multiDevice' ? 'passkeys.kind.synced' : 'passkeys.kind.device')}.
      ${t(page, 'passkeys.created')}: ${time(page.locale, passkey.createdAt)}.
      ${t(page, 'passkeys.last-used')}:
      ${passkey.lastUsedAt ? time(page.locale, passkey.lastUsedAt) : t(page, 'passkeys.never')}.
    </p>
    ${failed ? html`<p class="field-error" role="alert" id="${id}-error">${view.error!.message}</p>` : ''}
    <form method="post" action="${view.paths.passkeys}/rename" novalidate>
      <input type="hidden" name="csrf" value="${page.csrfToken}" />
      <input type="hidden" name="id" value="${passkey.id}" />
      <label for="${id}-new-label"
        >${t(page, 'passkeys.rename.label', { label: passkey.label })}</label
      >
      <input
        id="${id}-new-label"
        name="label"
        type="text"
        maxlength="${LABEL_MAX_LENGTH}"
        autocomplete="off"
        required
        value="${passkey.label}"
      />
      <button type="submit" class="secondary">${t(page, 'passkeys.rename.submit')}</button>
    </form>
    <form method="post" action="${view.paths.passkeys}/remove" novalidate>
      <input type="hidden" name="csrf" value="${page.csrfToken}" />
      <input type="hidden" name="id" value="${passkey.id}" />
      <label for="${id}-password"
        >${t(page, 'passkeys.remove.password', { label: passkey.label })}</label
      >
      <input
        id="${id}-password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
      />
      <button type="submit" class="danger">${t(page, 'passkeys.remove.submit')}</button>
    </form>
  </article>`;
};

/**
 * "Passkeys": the account's passkeys, each renamed or removed by a plain form; adding one
 * needs the browser's WebAuthn API, so that form appears only when the script finds it.
 */
export const passkeysPage = (page: PageContext, view: PasskeysView) =>
  layout({
    locale: page.locale,
    nonce: page.nonce,
    title: t(page, 'passkeys.title'),
    scripts: [view.scriptUrl],
    account: {
      skipLabel: t(page, 'account.skip'),
      nav: html`<nav aria-label="${t(page, 'account.nav')}">
        <ul>
          <li><a href="${view.paths.overview}">${t(page, 'passkeys.back')}</a></li>
        </ul>
      </nav>`,
    },
    body: html`<h1>${t(page, 'passkeys.title')}</h1>
      <p class="lead">${t(page, 'passkeys.lead')}</p>
      ${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
      ${
        view.error && view.error.passkeyId === null
          ? html`<p class="error" role="alert">${view.error.message}</p>`
          : ''
      }
      <section id="passkey-list" aria-label="${t(page, 'passkeys.title')}">
        ${
          view.passkeys.length === 0
            ? html`<p>${t(page, 'passkeys.empty')}</p>`
            : view.passkeys.map((passkey) => passkeyItem(page, view, passkey))
        }
      </section>
      <section
        id="add-passkey"
        aria-labelledby="add-passkey-title"
        ${scriptData(page, { options: `${view.paths.passkeys}/options`, verify: `${view.paths.passkeys}/verify` })}
      >
        <h2 id="add-passkey-title">${t(page, 'passkeys.add.title')}</h2>
        <p class="hint" id="passkey-needs-script">${t(page, 'passkeys.add.needs-script')}</p>
        <form id="add-passkey-form" hidden novalidate>
          <p class="lead">${t(page, 'passkeys.add.lead')}</p>
          <p class="error" role="alert" id="passkey-error" hidden></p>
          <label for="passkey-label">${t(page, 'passkeys.add.label')}</label>
          <p class="hint" id="passkey-label-hint">${t(page, 'passkeys.add.label.hint')}</p>
          <input
            id="passkey-label"
            name="label"
            type="text"
            maxlength="${LABEL_MAX_LENGTH}"
            autocomplete="off"
            required
            aria-describedby="passkey-label-hint"
            value="${t(page, 'passkeys.add.label.default')}"
          />
          <label for="passkey-password">${t(page, 'passkeys.add.password')}</label>
          <input
            id="passkey-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
          <button type="submit">${t(page, 'passkeys.add.submit')}</button>
        </form>
      </section>`,
  });
