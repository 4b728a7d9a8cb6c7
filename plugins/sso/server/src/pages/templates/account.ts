import type { LiveSession } from '../../services/account-sessions';
import type { AccountPaths } from '../handlers/account/paths';
import { hasMessage, translate } from '../i18n/messages';
import { form, time } from './account-form';
import { layout } from './layout';
import { html, type SafeHtml } from './html';
import { t, type PageContext } from './page';
import { describeUserAgent } from './user-agent';

/** Messages already in the reader's language, by form field name. */
export type FieldErrors<Name extends string> = Partial<Record<Name, string>>;

export type ProfileField = 'fullName' | 'phone' | 'email';
export type PasswordField = 'currentPassword' | 'newPassword' | 'newPasswordAgain';
export type DeleteField = 'password';

export interface HistoryEntry {
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  occurredAt: string | Date;
}

export interface AccountOverview {
  paths: AccountPaths;
  /** The address the account signs in with now. */
  email: string;
  confirmed: boolean;
  /** What the last form did, in the reader's language. */
  notice: string | null;
  profile: { values: Record<ProfileField, string>; errors: FieldErrors<ProfileField> };
  password: { errors: FieldErrors<PasswordField> };
  remove: { errors: FieldErrors<DeleteField> };
  sessions: LiveSession[];
  history: HistoryEntry[];
  /** The impersonation banner, while staff act as this person. */
  banner?: SafeHtml;
}

const section = (id: string, title: string, body: SafeHtml) =>
  html`<section id="${id}" aria-labelledby="${id}-title">
    <h2 id="${id}-title">${title}</h2>
    ${body}
  </section>`;

const profileSection = (page: PageContext, view: AccountOverview) => {
  const { values, errors } = view.profile;
  return form(page, {
    action: view.paths.profile,
    fields: [
      {
        id: 'profile-name',
        name: 'fullName',
        label: t(page, 'account.profile.name'),
        type: 'text',
        autocomplete: 'name',
        value: values.fullName,
        error: errors.fullName,
      },
      {
        id: 'profile-phone',
        name: 'phone',
        label: t(page, 'account.profile.phone'),
        type: 'tel',
        autocomplete: 'tel',
        value: values.phone,
        hint: t(page, 'account.profile.phone.hint'),
        error: errors.phone,
      },
      {
        id: 'profile-email',
        name: 'email',
        label: t(page, 'account.profile.email'),
        type: 'email',
        autocomplete: 'email',
        value: values.email,
        hint: [
          view.confirmed ? '' : t(page, 'account.profile.email.unconfirmed'),
          t(page, 'account.profile.email.hint'),
        ]
          .filter(Boolean)
          .join(' '),
        error: errors.email,
        required: true,
      },
    ],
    submit: t(page, 'account.profile.submit'),
  });
};

const passwordSection = (page: PageContext, view: AccountOverview) => {
  const { errors } = view.password;
  return html`<p class="lead">${t(page, 'account.password.lead')}</p>
    ${form(page, {
      action: view.paths.password,
      fields: [
        {
          id: 'password-current',
          name: 'currentPassword',
          label: t(page, 'account.password.current'),
          type: 'password',
          autocomplete: 'current-password',
          error: errors.currentPassword,
          required: true,
        },
        {
          id: 'password-new',
          name: 'newPassword',
          label: t(page, 'account.password.new'),
          type: 'password',
          autocomplete: 'new-password',
          hint: t(page, 'account.password.new.hint'),
          error: errors.newPassword,
          required: true,
        },
        {
          id: 'password-again',
          name: 'newPasswordAgain',
          label: t(page, 'account.password.again'),
          type: 'password',
          autocomplete: 'new-password',
          error: errors.newPasswordAgain,
          required: true,
        },
      ],
      submit: t(page, 'account.password.submit'),
    })}`;
};

const sessionsSection = (page: PageContext, view: AccountOverview) =>
  html`<p class="lead">${t(page, 'account.sessions.lead')}</p>
    <div class="table">
      <table id="sessions-table">
        <thead>
          <tr>
            <th scope="col">${t(page, 'account.sessions.session')}</th>
            <th scope="col">${t(page, 'account.sessions.started')}</th>
            <th scope="col">${t(page, 'account.sessions.expires')}</th>
          </tr>
        </thead>
        <tbody>
          ${view.sessions.map(
            (session) =>
              html`<tr>
                <th scope="row">
                  ${
                    session.current
                      ? html`<strong>${t(page, 'account.sessions.current')}</strong>`
                      : t(page, 'account.sessions.other')
                  }
                </th>
                <td>${time(page.locale, session.startedAt)}</td>
                <td>${time(page.locale, session.expiresAt)}</td>
              </tr>`
          )}
        </tbody>
      </table>
    </div>
    <p>${t(page, 'account.sessions.end-all')}</p>
    ${form(page, {
      action: view.paths.signOutEverywhere,
      fields: [],
      submit: t(page, 'account.sessions.end-all.submit'),
    })}`;

const outcomeLabel = (page: PageContext, outcome: string) => {
  const key = `account.history.outcome.${outcome}`;
  return hasMessage(key) ? t(page, key) : outcome;
};

const historySection = (page: PageContext, view: AccountOverview) =>
  view.history.length === 0
    ? html`<p>${t(page, 'account.history.empty')}</p>`
    : html`<p class="lead">${t(page, 'account.history.lead')}</p>
        <div class="table">
          <table id="history-table">
            <thead>
              <tr>
                <th scope="col">${t(page, 'account.history.when')}</th>
                <th scope="col">${t(page, 'account.history.outcome')}</th>
                <th scope="col">${t(page, 'account.history.ip')}</th>
                <th scope="col">${t(page, 'account.history.browser')}</th>
              </tr>
            </thead>
            <tbody>
              ${view.history.map(
                (entry) =>
                  html`<tr>
                    <td>${time(page.locale, entry.occurredAt)}</td>
                    <td>${outcomeLabel(page, entry.outcome)}</td>
                    <td>${entry.ip || '—'}</td>
                    <td class="agent" title="${entry.userAgent ?? ''}">
                      ${
                        describeUserAgent(entry.userAgent) ??
                        t(page, 'account.history.unknown-browser')
                      }
                    </td>
                  </tr>`
              )}
            </tbody>
          </table>
        </div>`;

const deleteSection = (page: PageContext, view: AccountOverview) =>
  html`<p>${t(page, 'account.delete.lead')}</p>
    ${form(page, {
      action: view.paths.remove,
      fields: [
        {
          id: 'delete-password',
          name: 'password',
          label: t(page, 'account.delete.password'),
          type: 'password',
          autocomplete: 'current-password',
          error: view.remove.errors.password,
          required: true,
        },
      ],
      submit: t(page, 'account.delete.submit'),
      danger: true,
    })}`;

const linkedSection = (page: PageContext, view: AccountOverview) =>
  html`<p>
    <a id="linked-accounts" href="${view.paths.linked}">${t(page, 'account.linked.open')}</a>
  </p>`;

const twoStepSection = (page: PageContext, view: AccountOverview) =>
  html`<p>${t(page, 'second-factor.account.lead')}</p>
    <p>
      <a href="${view.paths.twoStep}" id="two-step-link">${t(page, 'second-factor.title')}</a>
    </p>`;

const SECTIONS = [
  ['profile', 'account.profile.title', profileSection],
  ['password', 'account.password.title', passwordSection],
  ['linked', 'account.linked.title', linkedSection],
  ['two-step', 'second-factor.title', twoStepSection],
  ['sessions', 'account.sessions.title', sessionsSection],
  ['history', 'account.history.title', historySection],
  ['delete', 'account.delete.title', deleteSection],
] as const;

/** "My account": every form and list on one page, each section reachable from the nav. */
export const accountPage = (page: PageContext, view: AccountOverview) =>
  layout({
    locale: page.locale,
    nonce: page.nonce,
    title: t(page, 'account.title'),
    banner: view.banner,
    account: {
      skipLabel: t(page, 'account.skip'),
      nav: html`<nav aria-label="${t(page, 'account.nav')}">
        <ul>
          ${SECTIONS.map(([id, title]) => html`<li><a href="#${id}">${t(page, title)}</a></li>`)}
          <li><a href="${view.paths.passkeys}">${t(page, 'passkeys.title')}</a></li>
        </ul>
      </nav>`,
    },
    body: html`<h1>${t(page, 'account.title')}</h1>
      <p class="lead">${t(page, 'account.signed-in-as', { email: view.email })}</p>
      ${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
      ${SECTIONS.map(([id, title, render]) => section(id, t(page, title), render(page, view)))}`,
  });

/** A page that says how something ended (signed out, deleted, sign-in failed), with a way on. */
export const accountMessagePage = (
  page: Omit<PageContext, 'csrfToken'>,
  options: {
    title: string;
    text: string;
    role?: 'status' | 'alert';
    links: { href: string; label: string }[];
  }
) =>
  layout({
    locale: page.locale,
    nonce: page.nonce,
    title: options.title,
    account: { skipLabel: translate(page.locale, 'account.skip') },
    body: html`<h1>${options.title}</h1>
      <p role="${options.role ?? 'status'}">${options.text}</p>
      <ul>
        ${options.links.map((link) => html`<li><a href="${link.href}">${link.label}</a></li>`)}
      </ul>`,
  });
