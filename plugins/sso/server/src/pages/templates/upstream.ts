import { time } from './account-form';
import { html } from './html';
import { layout } from './layout';
import { t, type PageContext } from './page';

/**
 * "Is this account yours?": before an upstream identity is linked to the existing account with
 * its email, the account's password — or a link mailed to its address.
 */
export const upstreamConfirmPage = (
  page: PageContext,
  options: {
    provider: string;
    email: string;
    passwordAction: string;
    mailAction: string;
    error: string | null;
  }
) =>
  layout({
    locale: page.locale,
    nonce: page.nonce,
    title: t(page, 'upstream.confirm.title', { provider: options.provider }),
    body: html`<h1>${t(page, 'upstream.confirm.title', { provider: options.provider })}</h1>
      <p class="lead">
        ${t(page, 'upstream.confirm.lead', { provider: options.provider, email: options.email })}
      </p>
      ${options.error ? html`<p class="error" id="form-error" role="alert">${options.error}</p>` : ''}
      <form method="post" action="${options.passwordAction}" novalidate>
        <input type="hidden" name="csrf" value="${page.csrfToken}" />
        <label for="password">${t(page, 'upstream.confirm.password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          ${options.error ? html`aria-describedby="form-error" aria-invalid="true"` : ''}
          autofocus
        />
        <button type="submit">${t(page, 'upstream.confirm.submit')}</button>
      </form>
      <form method="post" action="${options.mailAction}">
        <input type="hidden" name="csrf" value="${page.csrfToken}" />
        <p>${t(page, 'upstream.confirm.or-mail', { email: options.email })}</p>
        <button type="submit" class="secondary">${t(page, 'upstream.confirm.mail-submit')}</button>
      </form>`,
  });

export interface LinkedIdentityView {
  id: number;
  label: string;
  email: string | null;
  linkedAt: string;
}

/** "Linked accounts": each linked provider with an unlink button, then buttons to link others. */
export const linkedAccountsPage = (
  page: PageContext,
  view: {
    identities: LinkedIdentityView[];
    available: { id: string; label: string }[];
    notice: string | null;
    error: string | null;
    linkAction: string;
    unlinkAction: string;
    back: string;
  }
) =>
  layout({
    locale: page.locale,
    nonce: page.nonce,
    title: t(page, 'account.linked.title'),
    account: { skipLabel: t(page, 'account.skip') },
    body: html`<h1>${t(page, 'account.linked.title')}</h1>
      <p class="lead">${t(page, 'account.linked.lead')}</p>
      ${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
      ${view.error ? html`<p class="error" role="alert">${view.error}</p>` : ''}
      ${
        view.identities.length === 0
          ? html`<p>${t(page, 'account.linked.none')}</p>`
          : html`<ul id="linked-list">
              ${view.identities.map(
                (identity) =>
                  html`<li>
                    <strong>${identity.label}</strong
                    >${identity.email ? html` · ${identity.email}` : ''} ·
                    ${t(page, 'account.linked.since', { date: '' })}${time(page.locale, identity.linkedAt)}
                    <form method="post" action="${view.unlinkAction}">
                      <input type="hidden" name="csrf" value="${page.csrfToken}" />
                      <input type="hidden" name="identity" value="${identity.id}" />
                      <button type="submit" class="secondary">
                        ${t(page, 'account.linked.unlink')}
                      </button>
                    </form>
                  </li>`
              )}
            </ul>`
      }
      ${
        view.available.length === 0
          ? ''
          : html`<h2>${t(page, 'account.linked.add')}</h2>
              ${view.available.map(
                (upstream) =>
                  html`<form method="post" action="${view.linkAction}">
                    <input type="hidden" name="csrf" value="${page.csrfToken}" />
                    <input type="hidden" name="provider" value="${upstream.id}" />
                    <button type="submit" id="link-${upstream.id}">
                      ${t(page, 'account.linked.link', { provider: upstream.label })}
                    </button>
                  </form>`
              )}`
      }
      <p><a href="${view.back}">${t(page, 'account.linked.back')}</a></p>`,
  });
