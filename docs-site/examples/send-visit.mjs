// Sends visits to VixenHealth Metrics from a server: one page view and one custom event, as a
// clinic's own backend does for pages it renders itself. Node 20, fetch, no dependencies.
//
//   CMS_URL=http://localhost:1337 DOMAIN=lisya-tropa.localhost node docs-site/examples/send-visit.mjs
//
// DOMAIN is the clinic site's host as Metrics knows it: <subdomain>.vixenhealth.ru (locally
// <subdomain>.localhost), or the clinic's own domain once verified. VISITOR_USER_AGENT stands in
// for the User-Agent of the visitor's request (an empty or crawler agent is counted as a bot).
const endpoint = new URL('/api/metrics/event', process.env.CMS_URL || 'http://localhost:1337');
const domain = process.env.DOMAIN || 'lisya-tropa.localhost';
const MAX_ATTEMPTS = 3;

/**
 * The headers of the visitor's own request that Metrics needs: their browser, and their wish not
 * to be tracked (the CMS then answers 202 and counts nothing). In a real server, pass
 * `request.headers`; the visitor's address cannot be passed on (see the guide).
 * @param {Record<string, string | string[] | undefined>} incoming
 */
const visitorHeaders = (incoming) => {
  /** @type {Record<string, string>} */
  const headers = { 'content-type': 'application/json' };
  for (const name of ['user-agent', 'dnt', 'sec-gpc']) {
    const value = incoming[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
};

/** @typedef {{ name: string, url: string, domain: string, referrer?: string, props?: object }} MetricsEvent */

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs one event (or an array of up to 30) and says what came of it: 202 is accepted; 429 and
 * 503 are retried after `Retry-After`; any other answer is a mistake in the event, which the CMS
 * explains in Strapi's error shape, naming the field in `error.details.errors[0].path`.
 * @param {MetricsEvent | MetricsEvent[]} event
 * @param {Record<string, string | string[] | undefined>} visitor
 * @returns {Promise<boolean>} whether the CMS accepted it
 */
const sendEvent = async (event, visitor) => {
  const label = Array.isArray(event) ? `${event.length} events` : event.name;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: visitorHeaders(visitor),
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(5_000),
    });
    if (response.status === 202) {
      console.log(`${label}: 202 accepted`);
      return true;
    }
    if ((response.status === 429 || response.status === 503) && attempt < MAX_ATTEMPTS) {
      const seconds = Math.min(Number(response.headers.get('retry-after')) || 1, 60);
      console.log(`${label}: ${response.status}, retrying in ${seconds} s`);
      await sleep(seconds * 1000);
      continue;
    }
    const { error } = await response.json().catch(() => ({ error: null }));
    const field = error?.details?.errors?.[0]?.path;
    console.error(
      `${label}: ${response.status} ${error?.name ?? response.statusText}: ${error?.message ?? ''}` +
        (field ? ` (field: ${field.join('.')})` : '')
    );
    return false;
  }
  return false;
};

// What a server knows of the visitor: in a real app, the incoming request's headers.
const visitor = {
  'user-agent':
    process.env.VISITOR_USER_AGENT ??
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
};

const pageview = await sendEvent(
  {
    name: 'pageview',
    url: `https://${domain}/doctors?utm_source=newsletter&utm_campaign=december`,
    domain,
    referrer: 'https://ya.ru/',
  },
  visitor
);
// Custom events have any name (at most 120 characters); props are checked, not stored.
const booking = await sendEvent(
  {
    name: 'Запись отправлена',
    url: `https://${domain}/booking`,
    domain,
    props: { specialty: 'терапевт' },
  },
  visitor
);
process.exitCode = pageview && booking ? 0 : 1;
