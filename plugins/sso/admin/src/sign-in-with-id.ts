/**
 * "Sign in with VixenHealth ID" on the admin panel's login page.
 *
 * Strapi 5 Community Edition has no seam for this: its login page has no injection zone, and the
 * SSO buttons of the Enterprise Edition come from an EE-only component. So, as the least hacky
 * choice left, the plugin adds one link to that page's DOM: a plain `<a>` to the server route
 * that starts the sign-in (`GET /admin/auth/vixenhealth-id`), placed under the password form.
 * Nothing of React's tree is changed: the link sits after the form, and is added again whenever
 * React re-renders the page without it. If a Strapi upgrade renames the page, the link just
 * disappears (the route keeps working, and the admin-sign-in browser test fails).
 */

const LINK_ID = 'vixenhealth-id-sign-in';
const START_PATH = '/admin/auth/vixenhealth-id';

const LABELS = {
  ru: { sign_in: 'Войти через VixenHealth ID', or: 'или' },
  en: { sign_in: 'Sign in with VixenHealth ID', or: 'or' },
};

/** The panel's language (Russian unless switched to English). */
const labels = () => {
  const chosen =
    window.localStorage.getItem('strapi-admin-language') ?? document.documentElement.lang;
  return chosen?.startsWith('en') ? LABELS.en : LABELS.ru;
};

const isLoginPage = () => /\/auth\/login\/?$/.test(window.location.pathname);

const createLink = () => {
  const text = labels();
  const wrapper = document.createElement('div');
  wrapper.id = LINK_ID;
  wrapper.style.cssText = 'margin-top:24px;text-align:center;font-family:inherit';
  const or = document.createElement('p');
  or.textContent = text.or;
  or.style.cssText = 'margin:0 0 12px;color:#666687;font-size:12px;text-transform:uppercase';
  const link = document.createElement('a');
  link.href = START_PATH;
  link.textContent = text.sign_in;
  // Strapi's secondary button, by look: the design system is not reachable from plain DOM.
  link.style.cssText =
    'display:block;padding:10px 16px;border:1px solid #d9d8ff;border-radius:4px;background:#f0f0ff;' +
    'color:#4945ff;font-weight:600;font-size:14px;text-decoration:none';
  wrapper.append(or, link);
  return wrapper;
};

const place = () => {
  if (!isLoginPage()) return;
  const form = document.querySelector('form');
  if (!form || document.getElementById(LINK_ID)) return;
  form.after(createLink());
};

/** Watches the panel (a single-page app) and keeps the link on the login page. */
export const offerSignInWithId = () => {
  new MutationObserver(place).observe(document.body, { childList: true, subtree: true });
  place();
};
