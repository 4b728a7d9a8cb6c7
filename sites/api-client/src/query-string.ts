/** A Content API query: `filters`, `sort`, `pagination`, `populate`, `fields`, nested at will. */
export type QueryValue = string | number | boolean | null | undefined | QueryObject | QueryValue[];
export interface QueryObject {
  [key: string]: QueryValue;
}

/**
 * The bracket notation Strapi reads (`qs`): `{ filters: { city: { $eq: 'Москва' } } }` becomes
 * `filters[city][$eq]=Москва`, arrays `sort[0]=name`. `undefined` and `null` are left out.
 */
export const toQueryString = (query: QueryObject): string => {
  const pairs: string[] = [];
  const add = (key: string, value: QueryValue) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => add(`${key}[${index}]`, item));
    } else if (typeof value === 'object') {
      for (const [child, nested] of Object.entries(value)) add(`${key}[${child}]`, nested);
    } else {
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  };
  for (const [key, value] of Object.entries(query)) add(key, value);
  return pairs.join('&');
};
