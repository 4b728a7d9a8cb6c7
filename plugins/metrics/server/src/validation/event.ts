import { METRICS_LIMITS, type MetricsEventInput } from '../../../shared/contracts';
import { badField } from '../errors/http-answer';

/**
 * Checks a collection request's body (one event or a batch) by hand: this runs for every beacon,
 * so it is a few comparisons rather than a schema library. Unknown keys are ignored, not refused:
 * Plausible's tracker adds its own (`h`, `i`), and we accept its short names (`n`, `u`, `d`,
 * `r`, `p`) so it can be pointed at us.
 */
export const validateCollectEventInput = (raw: string): MetricsEventInput[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badField(['body'], 'is not JSON');
  }
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) throw badField(['body'], 'is an empty batch');
    if (parsed.length > METRICS_LIMITS.maxBatch) {
      throw badField(['body'], `holds more than ${METRICS_LIMITS.maxBatch} events`);
    }
    return parsed.map((event, index) => validateEvent(event, [index]));
  }
  return [validateEvent(parsed, [])];
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const pick = (event: Record<string, unknown>, name: string, short: string) =>
  event[name] !== undefined ? event[name] : event[short];

// A host name as visitors type it: letters, digits, hyphens, dots (IDN arrive punycoded).
const HOST =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

const validateEvent = (event: unknown, at: (string | number)[]): MetricsEventInput => {
  if (!isObject(event)) throw badField(at.length ? at : ['body'], 'is not an event object');
  const field = (name: string) => [...at, name];

  const name = pick(event, 'name', 'n');
  if (typeof name !== 'string' || name.trim() === '') {
    throw badField(field('name'), 'is required');
  }
  if (name.length > METRICS_LIMITS.maxNameLength) {
    throw badField(field('name'), `is longer than ${METRICS_LIMITS.maxNameLength} characters`);
  }

  const url = pick(event, 'url', 'u');
  if (typeof url !== 'string' || url === '') throw badField(field('url'), 'is required');
  if (url.length > METRICS_LIMITS.maxUrlLength) {
    throw badField(field('url'), `is longer than ${METRICS_LIMITS.maxUrlLength} characters`);
  }
  if (!isWebUrl(url)) throw badField(field('url'), 'is not an http(s) URL');

  const domain = pick(event, 'domain', 'd');
  if (typeof domain !== 'string' || domain === '') {
    throw badField(field('domain'), 'is required');
  }
  if (!HOST.test(domain.toLowerCase())) throw badField(field('domain'), 'is not a host name');

  const referrer = pick(event, 'referrer', 'r');
  if (referrer !== undefined && referrer !== null && referrer !== '') {
    if (typeof referrer !== 'string' || referrer.length > METRICS_LIMITS.maxUrlLength) {
      throw badField(field('referrer'), 'is not a URL');
    }
    if (!isWebUrl(referrer)) throw badField(field('referrer'), 'is not an http(s) URL');
  }

  const props = validateProps(pick(event, 'props', 'p'), field('props'));

  return {
    name: name.trim(),
    url,
    domain: domain.toLowerCase(),
    referrer: typeof referrer === 'string' && referrer !== '' ? referrer : null,
    props,
  };
};

const isWebUrl = (value: string) => {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
};

const validateProps = (value: unknown, path: (string | number)[]): MetricsEventInput['props'] => {
  if (value === undefined || value === null) return null;
  // Plausible's tracker sends props as a JSON string.
  let props = value;
  if (typeof props === 'string') {
    try {
      props = JSON.parse(props);
    } catch {
      throw badField(path, 'is not an object');
    }
  }
  if (!isObject(props)) throw badField(path, 'is not an object');
  const entries = Object.entries(props);
  if (entries.length > METRICS_LIMITS.maxProps) {
    throw badField(path, `has more than ${METRICS_LIMITS.maxProps} properties`);
  }
  for (const [key, item] of entries) {
    if (key.length > METRICS_LIMITS.maxPropLength) {
      throw badField(path, `has a key longer than ${METRICS_LIMITS.maxPropLength} characters`);
    }
    const ok =
      (typeof item === 'string' && item.length <= METRICS_LIMITS.maxPropLength) ||
      (typeof item === 'number' && Number.isFinite(item)) ||
      typeof item === 'boolean';
    if (!ok) {
      throw badField(
        [...path, key],
        `must be a string of at most ${METRICS_LIMITS.maxPropLength} characters, a number or a boolean`
      );
    }
  }
  return props as Record<string, string | number | boolean>;
};
