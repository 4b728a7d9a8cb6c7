const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/reviews/:id` as the request paths it answers: `/api/reviews/<anything but a slash>`. */
export const contentApiPathPattern = (path: string) =>
  new RegExp(
    `^/api${path
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : escapeRegExp(segment)))
      .join('/')}/?$`
  );
