// A clinic's address, in one place for the CMS, the sites, the exporter and the deploy server:
// which subdomains a clinic may take, which clinic a Host names, where its site is published.
// Plain ESM with JSDoc types, so that Node scripts load it without a build (sites/README.md).
export { checkSubdomain, isDnsLabel, RESERVED_SUBDOMAINS } from './subdomain.mjs';
export { clinicHostOf } from './clinic-host.mjs';
export { clinicSiteOrigin, clinicSitesFromEnv } from './site-origin.mjs';

/** @typedef {import('./clinic-host.mjs').ClinicHost} ClinicHost */
/** @typedef {import('./site-origin.mjs').ClinicAddress} ClinicAddress */
/** @typedef {import('./site-origin.mjs').ClinicSitesConfig} ClinicSitesConfig */
/** @typedef {import('./subdomain.mjs').SubdomainCheck} SubdomainCheck */
