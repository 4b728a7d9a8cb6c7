/**
 * Distinguished names, as far as sync compares them: split into RDNs at unescaped commas and
 * compared without case or spaces around separators (`OU=Support, DC=x` is `ou=support,dc=x`).
 * Multi-valued RDNs and hex-escaped values are compared as written.
 */

/** The RDNs of a DN, outermost last: `uid=a,ou=b` → `['uid=a', 'ou=b']`. */
export const rdnsOf = (dn: string): string[] => {
  const rdns: string[] = [];
  let current = '';
  for (let index = 0; index < dn.length; index += 1) {
    const char = dn[index];
    if (char === '\\' && index + 1 < dn.length) {
      current += char + dn[index + 1];
      index += 1;
    } else if (char === ',') {
      rdns.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) rdns.push(current.trim());
  return rdns;
};

const normaliseRdn = (rdn: string) => {
  const at = rdn.indexOf('=');
  return `${rdn.slice(0, at).trim().toLowerCase()}=${rdn
    .slice(at + 1)
    .trim()
    .toLowerCase()}`;
};

/** A DN in the form sync compares. */
export const normaliseDn = (dn: string) => rdnsOf(dn).map(normaliseRdn).join(',');

/** The value of an RDN, unescaped: `ou=R\2C D` → `R, D`. */
export const rdnValue = (rdn: string) =>
  rdn
    .slice(rdn.indexOf('=') + 1)
    .trim()
    .replace(/\\([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\(.)/g, '$1');

/** The parent of a DN (`uid=a,ou=b,dc=c` → `ou=b,dc=c`), normalised. */
export const parentDn = (dn: string) => rdnsOf(normaliseDn(dn)).slice(1).join(',');

/** Whether `dn` lies beneath `base` (not `base` itself); both normalised first. */
export const isBeneath = (dn: string, base: string) => {
  const child = normaliseDn(dn);
  const parent = normaliseDn(base);
  return child.length > parent.length && child.endsWith(`,${parent}`);
};
