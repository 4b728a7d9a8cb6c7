// Clinics of the sites-static-build case, written into the CMS by its own process (see
// cms-server.mjs) through the Document Service, so that the content rules apply as for editors.

/** Pages each clinic's site has: home, doctors, services, reviews, contacts, 2 doctors, 3 pages. */
export const PAGES_PER_CLINIC = 10;
const DOCTORS = 2;
const PAGES = 3;
const SERVICES = 4;

/** @param {number} index */
export const benchClinicSlug = (index) => `bench-clinic-${index}`;

/**
 * Creates `count` published, active clinics, each with doctors, pages and services.
 * @param {import('@strapi/strapi').Core.Strapi} strapi
 * @param {number} count
 */
export const seedBenchClinics = async (strapi, count) => {
  /** @param {import('@strapi/strapi').UID.ContentType} uid @param {Record<string, unknown>} data */
  const create = async (uid, data) =>
    /** @type {{ documentId: string }} */ (
      await strapi.documents(uid).create({ data, status: 'published' })
    );
  for (let i = 0; i < count; i += 1) {
    const slug = benchClinicSlug(i);
    const clinic = await create('api::clinic.clinic', {
      name: `Клиника №${i}`,
      slug,
      subdomain: slug,
      city: 'Москва',
      address: `ул. Тестовая, д. ${i + 1}`,
      shortDescription: `Клиника №${i} для замеров`,
      accountStatus: 'active',
    });
    const clinics = [clinic.documentId];
    for (let d = 0; d < DOCTORS; d += 1) {
      const name = `Врач ${d} клиники ${i}`;
      await create('api::doctor.doctor', { fullName: name, slug: `${slug}-doctor-${d}`, clinics });
    }
    for (let p = 0; p < PAGES; p += 1) {
      const body = [
        { __component: 'blocks.rich-text', body: `Текст страницы ${p}.\n\nЕщё абзац.` },
      ];
      await create('api::page.page', {
        title: `Страница ${p}`,
        slug: `page-${p}`,
        position: p,
        body,
        clinic: clinic.documentId,
      });
    }
    for (let s = 0; s < SERVICES; s += 1) {
      await create('api::service.service', {
        name: `Услуга ${s}`,
        price: 150000 + s * 10000,
        currency: 'RUB',
        clinic: clinic.documentId,
      });
    }
  }
};
