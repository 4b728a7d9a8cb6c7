import { withDeadline } from './deadline.mjs';

/**
 * @typedef {object} BrowserOptions
 * @property {Record<string, string>} [headers] sent with every request, e.g. the
 *   `X-Forwarded-For` a proxy in front of ID would add
 * @property {import('undici-types').Dispatcher} [dispatcher] how requests reach the server, e.g.
 *   an undici `Agent` connecting from another address
 * @property {number} [timeoutMs] how long one request may take; default unbounded
 */

/**
 * What a browser keeps of one answer.
 * @typedef {object} Page
 * @property {number} status
 * @property {string | null} location the redirect's absolute URL, if it is one
 * @property {string} text the body
 * @property {Headers} headers
 */

/**
 * A minimal browser for protocol tests and benchmark scenarios: follows nothing by itself, keeps
 * cookies by name (paths ignored, enough for one flow at a time), and reads forms from the HTML
 * it is served.
 */
export class Browser {
  /** @type {Map<string, string>} */
  #cookies = new Map();
  #acceptLanguage;
  #options;

  /**
   * @param {string} [acceptLanguage]
   * @param {BrowserOptions} [options]
   */
  constructor(acceptLanguage = 'en', options = {}) {
    this.#acceptLanguage = acceptLanguage;
    this.#options = options;
  }

  /**
   * @param {string} url
   * @param {{ method?: string, form?: Record<string, string> }} [init] posts `form`,
   *   URL-encoded, when given
   * @returns {Promise<Page>}
   */
  async request(url, init = {}) {
    /** @type {Record<string, string>} */
    const headers = { 'accept-language': this.#acceptLanguage, ...this.#options.headers };
    if (this.#cookies.size > 0) {
      headers.cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    /** @type {string | undefined} */
    let body;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const method = init.method ?? (body ? 'POST' : 'GET');
    const { timeoutMs } = this.#options;
    return timeoutMs === undefined
      ? this.#send(url, method, headers, body)
      : withDeadline(timeoutMs, (signal) => this.#send(url, method, headers, body, signal));
  }

  /**
   * @param {string} url
   * @param {string} method
   * @param {Record<string, string>} headers
   * @param {string | undefined} body
   * @param {AbortSignal} [signal] bounds the whole answer, its body included
   * @returns {Promise<Page>}
   */
  async #send(url, method, headers, body, signal) {
    const { dispatcher } = this.#options;
    const response = await fetch(
      url,
      /** @type {RequestInit} */ ({
        method,
        headers,
        body,
        redirect: 'manual',
        ...(signal ? { signal } : {}),
        ...(dispatcher ? { dispatcher } : {}),
      })
    );
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(cookie) || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    const location = response.headers.get('location');
    return {
      status: response.status,
      location: location ? new URL(location, url).href : null,
      text: await response.text(),
      headers: response.headers,
    };
  }

  /**
   * Follows redirects on our own server until a page is served or `stopAt` is reached.
   * @param {string} url
   * @param {(url: string) => boolean} stopAt
   * @returns {Promise<{ url: string, page: Page | null }>}
   */
  async follow(url, stopAt) {
    let current = url;
    for (let hops = 0; hops < 10; hops += 1) {
      if (stopAt(current)) return { url: current, page: null };
      const page = await this.request(current);
      if (!page.location) return { url: current, page };
      current = page.location;
    }
    throw new Error('Too many redirects');
  }
}

/**
 * The action and fields (hidden ones included) of the form posting to a path matching
 * `actionPattern`.
 * @param {string} html
 * @param {RegExp} actionPattern
 * @returns {{ action: string, fields: Record<string, string> }}
 */
export const readForm = (html, actionPattern) => {
  for (const match of html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)) {
    if (!actionPattern.test(match[1])) continue;
    /** @type {Record<string, string>} */
    const fields = {};
    for (const [input] of match[2].matchAll(/<input[^>]*>/g)) {
      const name = /\sname="([^"]*)"/.exec(input)?.[1];
      if (name) fields[name] = /\svalue="([^"]*)"/.exec(input)?.[1] ?? '';
    }
    return { action: match[1], fields };
  }
  throw new Error(`No form posting to ${actionPattern} in: ${html.slice(0, 200)}`);
};
