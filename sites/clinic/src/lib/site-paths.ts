import type { Clinic } from './clinics';

/**
 * Every page of a clinic's site: the sitemap lists them, and the exporter renders what the
 * sitemap lists, so a new page needs adding here alone.
 */
export const sitePaths = (clinic: Clinic): string[] => [
  '/',
  '/doctors',
  '/services',
  '/reviews',
  '/contacts',
  ...(clinic.doctors ?? []).map((doctor) => `/doctors/${doctor.slug}`),
  ...(clinic.pages ?? []).map((page) => `/${page.slug}`),
];
