import { doctorSlugsOf, pagesOf } from './clinic-pages';
import { currentClinic, staticClinicSlug } from './clinics';

/** The clinic a static build is for; null when serving. */
const staticClinic = async () =>
  staticClinicSlug() ? currentClinic(new Request('http://static.build/')) : null;

/**
 * The pages a static build renders for its clinic (`getStaticPaths` of the dynamic routes);
 * nothing when serving, where every path is rendered on request.
 */
export const staticPagePaths = async () => {
  const clinic = await staticClinic();
  if (!clinic) return [];
  return (await pagesOf(clinic.documentId!)).map((page) => ({ params: { slug: page.slug } }));
};

/** The doctor pages a static build renders, as {@link staticPagePaths}. */
export const staticDoctorPaths = async () => {
  const clinic = await staticClinic();
  if (!clinic) return [];
  return (await doctorSlugsOf(clinic.documentId!)).map((slug) => ({ params: { slug } }));
};
