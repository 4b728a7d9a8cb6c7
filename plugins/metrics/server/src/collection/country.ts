import { readFileSync } from 'node:fs';

import { Reader, type Response } from 'mmdb-lib';

/**
 * The country of an IP address from `@ip-location-db/geo-whois-asn-country-mmdb` (CC0, bundled,
 * offline: no address leaves the server). '' when unknown (loopback, private ranges).
 */
export const createCountryLookup = () => {
  const file =
    require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb');
  const reader = new Reader<Response>(readFileSync(file));
  return (ip: string): string => {
    try {
      // This database's records are `{ country_code }`, not MaxMind's shape the types describe.
      const record = reader.get(ip) as { country_code?: string } | null;
      const code = record?.country_code ?? '';
      return /^[A-Z]{2}$/.test(code) ? code : '';
    } catch {
      // Not an address the database reads (a malformed proxy header): unknown.
      return '';
    }
  };
};
