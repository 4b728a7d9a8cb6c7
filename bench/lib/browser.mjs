/** How long one request of a scenario may take: every wait of an iteration is bounded. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * What a browser keeps of one answer.
 * @typedef {object} Page
 * @property {number} status
 * @property {string | null} location the redirect's absolute URL, if it is one
 * @property {string} text the body
 */

/**
 * A browser for one sign-in, with fetch: follows no redirect by itself, and keeps cookies by name
 * (paths ignored: enough for one flow), like plugins/sso/testing/browser.ts.
 */
export class Browser {
  /** @type {Map<string, string>} */
  #cookies = new Map();

  /**
   * @param {string} url
   * @param {{ form?: Record<string, string> }} [init] posts `form`, URL-encoded, when given
   * @returns {Promise<Page>}
   */
  async request(url, { form } = {}) {
    /** @type {Record<string, string>} */
    const headers = { 'accept-language': 'en' };
    if (this.#cookies.size > 0) {
      headers.cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair.indexOf('=');
      const value = pair.slice(index + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) {
        this.#cookies.delete(pair.slice(0, index));
      } else {
        this.#cookies.set(pair.slice(0, index), value);
      }
    }
    const location = response.headers.get('location');
    return {
      status: response.status,
      location: location ? new URL(location, url).href : null,
      text: await response.text(),
    };
  }
}

/**
 * The action and fields (hidden ones included) of the form posting to a path matching `action`.
 * @param {string} html
 * @param {RegExp} action
 * @returns {{ action: string, fields: Record<string, string> }}
 */
export const readForm = (html, action) => {
  for (const form of html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)) {
    if (!action.test(form[1])) continue;
    /** @type {Record<string, string>} */
    const fields = {};
    for (const [input] of form[2].matchAll(/<input[^>]*>/g)) {
      const name = /\sname="([^"]*)"/.exec(input)?.[1];
      if (name) fields[name] = /\svalue="([^"]*)"/.exec(input)?.[1] ?? '';
    }
    return { action: form[1], fields };
  }
  throw new Error(`no form posting to ${action} in: ${html.slice(0, 200)}`);
};
