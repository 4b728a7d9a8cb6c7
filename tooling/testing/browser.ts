import type { Dispatcher } from 'undici-types';

export interface BrowserOptions {
  /** Sent with every request, e.g. the `X-Forwarded-For` a proxy in front of ID would add. */
  headers?: Record<string, string>;
  /** How requests reach the server, e.g. an undici `Agent` connecting from another address. */
  dispatcher?: Dispatcher;
}

/**
 * A minimal browser for protocol tests: follows nothing by itself, keeps cookies by name (paths
 * ignored, enough for one flow at a time), and reads forms from the HTML it is served.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly acceptLanguage = 'en',
    private readonly options: BrowserOptions = {}
  ) {}

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const headers: Record<string, string> = {
      'accept-language': this.acceptLanguage,
      ...this.options.headers,
    };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(url, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
      ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
    } as RequestInit);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(cookie) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const location = response.headers.get('location');
    return {
      status: response.status,
      location: location ? new URL(location, url).href : null,
      text: await response.text(),
      headers: response.headers,
    };
  }

  /** Follows redirects on our own server until a page is served or `stopAt` is reached. */
  async follow(url: string, stopAt: (url: string) => boolean) {
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

/** The fields and action of the form posting to a path matching `actionPattern`. */
export const readForm = (html: string, actionPattern: RegExp) => {
  for (const match of html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)) {
    if (!actionPattern.test(match[1])) continue;
    const fields: Record<string, string> = {};
    for (const [input] of match[2].matchAll(/<input[^>]*>/g)) {
      const name = /\sname="([^"]*)"/.exec(input)?.[1];
      if (name) fields[name] = /\svalue="([^"]*)"/.exec(input)?.[1] ?? '';
    }
    return { action: match[1], fields };
  }
  throw new Error(`No form posting to ${actionPattern}`);
};
