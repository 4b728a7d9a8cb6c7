import { pagesOf } from './clinic-pages';
import { cms, timeout } from './cms';
import { currentClinic, staticClinicSlug } from './clinics';

/**
 * The pages a static build renders for its clinic (`getStaticPaths` of the dynamic routes);
 * nothing when serving, where every path is rendered on request.
 */
const staticClinic = async () =>
  staticClinicSlug() ? currentClinic(new Request('http://static.build/')) : null;

export const staticPagePaths = async () => {
  const clinic = await staticClinic();
  if (!clinic) return [];
  return (await pagesOf(clinic.documentId!)).map((page) => ({ params: { slug: page.slug } }));
};

export const staticDoctorPaths = async () => {
  const clinic = await staticClinic();
  if (!clinic) return [];
  const { data } = await cms().get('/doctors', {
    query: {
      filters: { clinics: { documentId: { $eq: clinic.documentId } } },
      fields: ['slug'],
      pagination: { pageSize: 100 },
    },
    signal: timeout(),
  });
  return (data ?? []).map((doctor) => ({ params: { slug: doctor.slug } }));
};
