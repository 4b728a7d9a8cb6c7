/** Checked in order: many browsers also call themselves Chrome or Safari. */
const BROWSERS: [RegExp, string][] = [
  [/YaBrowser\/(\d+)/, 'Yandex Browser'],
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/(?:Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[^]*Safari\//, 'Safari'],
];

/** iPads and iPhones also say "Mac OS X", Android also says "Linux". */
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Macintosh|Mac OS X/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/**
 * A user agent as people recognise it ("Firefox 128, Windows"); an unfamiliar one as sent, cut
 * short. Only for display: it is whatever the client claimed.
 */
export const describeUserAgent = (userAgent: string | null | undefined): string | null => {
  const agent = (userAgent ?? '').trim();
  if (!agent) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(agent));
  const system = SYSTEMS.find(([pattern]) => pattern.test(agent))?.[1];
  if (!browser) return agent.length > 80 ? `${agent.slice(0, 79)}…` : agent;
  const version = browser[0].exec(agent)?.[1];
  return [`${browser[1]} ${version}`, system].filter(Boolean).join(', ');
};
