import { fieldError } from '../errors';

const TAG = /^[\p{L}\p{N}][\p{L}\p{N}:_-]{0,39}$/u;

/** Tags as stored: trimmed, lower-case, unique, at most 20; a bad one is refused by name. */
export const normaliseTags = (tags: string[]) => {
  const clean = [...new Set(tags.map((tag) => tag.trim().toLowerCase()))];
  const bad = clean.find((tag) => !TAG.test(tag));
  if (bad !== undefined) throw fieldError('tags', `"${bad.slice(0, 40)}" is not a valid tag`);
  if (clean.length > 20) throw fieldError('tags', 'at most 20 tags');
  return clean;
};

/** The column tag filters match: `,tag1,tag2,`, so `,tag,` finds one tag exactly. */
export const tagListOf = (tags: string[]) => (tags.length ? `,${tags.join(',')},` : null);
