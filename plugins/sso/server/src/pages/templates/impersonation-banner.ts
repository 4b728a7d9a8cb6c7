import type { ActiveImpersonation } from '../../impersonation/impersonations';
import type { Locale } from '../i18n/messages';
import { html } from './html';
import { t } from './page';

/** HH:MM in Moscow time, where the platform's people and support are. */
export const clockTime = (locale: Locale, date: Date) =>
  new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Moscow',
  }).format(date);

/**
 * The banner every page of an impersonated session shows, so nobody forgets whose account
 * this is: "You are acting as <name> — <actor>, until HH:MM · End" (a CSRF-protected form).
 */
export const impersonationBanner = (
  page: { locale: Locale; csrfToken: string },
  impersonation: ActiveImpersonation,
  endPath: string
) =>
  html`<div class="impersonation" role="status" data-impersonation>
    <span
      >${t(page, 'impersonation.banner', {
        name: impersonation.targetName,
        actor: impersonation.act.email,
        until: clockTime(page.locale, impersonation.expiresAt),
      })}</span
    >
    ·
    <form method="post" action="${endPath}">
      <input type="hidden" name="csrf" value="${page.csrfToken}" />
      <button type="submit">${t(page, 'impersonation.banner.end')}</button>
    </form>
  </div>`;
