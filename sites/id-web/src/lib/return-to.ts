/** Control characters: browsers drop tabs and newlines from URLs, which turns `/\t/x` into `//x`. */
const hasControl = (text: string) =>
  [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

/** Encoded forms are decoded this many times at most, enough for double and triple encoding. */
const DECODINGS = 3;

/** `value` percent-decoded until it stops changing (bounded); null when it does not decode. */
const decoded = (value: string): string | null => {
  let current = value;
  for (let round = 0; round < DECODINGS; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) break;
    current = next;
  }
  return current;
};

/**
 * Whether a normalised path is one the app could serve: no backslash, control character,
 * empty segment (`//`) or dot segment, not even percent-encoded, since a browser or a proxy
 * further on may decode it and read `//host` or `/\host` as another site.
 */
const isPlainPath = (pathname: string) => {
  const path = decoded(pathname);
  return (
    path !== null &&
    !path.includes('\\') &&
    !hasControl(path) &&
    path
      .slice(1)
      .split('/')
      .every((segment, index, all) =>
        segment === '' ? index === all.length - 1 : segment !== '.' && segment !== '..'
      )
  );
};

/**
 * A path on the app at `origin` to go back to after signing in: a path of the app, normalised
 * as a browser resolves it against the app's origin (`/clinics?city=…`); anything else — another
 * site, `//host`, `/\host`, `/..//host`, their percent-encoded forms, tabs or newlines, a
 * scheme — becomes `/`, so that the sign-in flow never sends anyone off-site. Applied where a
 * return path comes in and again where it is used.
 *
 * @example
 * ```ts
 * safeReturnTo('/clinics/lisya-tropa/review', 'http://localhost:4321'); // → '/clinics/lisya-tropa/review'
 * safeReturnTo('/..//evil.example/phish', 'http://localhost:4321');     // → '/'
 * ```
 */
export const safeReturnTo = (value: string | null | undefined, origin: string): string => {
  if (!value || !/^\/(?![/\\])/.test(value) || value.includes('\\') || hasControl(value)) {
    return '/';
  }
  const url = new URL(value, origin);
  if (url.origin !== origin || !isPlainPath(url.pathname)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
};
