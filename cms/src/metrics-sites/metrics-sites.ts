import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PORTAL_SITE, type MetricsSite, type MetricsSites } from '@vixenhealth/metrics/contracts';

import { clinicAccess } from '../cabinet/clinic-access';
import { clinicHostOf, clinicSitesFromEnv } from '../clinic-address/index.mjs';
import { CLINIC } from '../content-types/uids';

const portalHost = () =>
  new URL(process.env.PORTAL_URL || 'http://localhost:4321').hostname.toLowerCase();

const PORTAL: MetricsSite = { id: PORTAL_SITE, name: 'VixenHealth' };

/**
 * The sites the metrics count, from the CMS's clinics: a published clinic is served at its
 * subdomain and, once proved, at its own domain (never at a domain only named); the portal is
 * the platform's own site. Readers are the clinic's owners and administrators.
 */
export const metricsSites = (strapi: Core.Strapi): MetricsSites => {
  const publishedClinic = async (where: Record<string, unknown>) => {
    const clinic = (await strapi.db.query(CLINIC).findOne({
      where: { ...where, publishedAt: { $notNull: true } },
      select: ['documentId', 'name'],
    })) as { documentId: string; name: string } | null;
    return clinic && { id: clinic.documentId, name: clinic.name };
  };

  return {
    async siteAt(host) {
      if (host.toLowerCase() === portalHost()) return PORTAL;
      const address = clinicHostOf(host, clinicSitesFromEnv().baseDomain);
      if (!address) return null;
      return 'subdomain' in address
        ? publishedClinic({ subdomain: address.subdomain })
        : publishedClinic({ verifiedDomain: address.customDomain });
    },

    async readableBy(userId, id) {
      try {
        const { clinic } = await clinicAccess(strapi, userId, id);
        return { id: clinic.documentId, name: clinic.name };
      } catch (error) {
        if (error instanceof errors.NotFoundError) return null;
        throw error;
      }
    },

    async manageableBy(userId, id) {
      try {
        const { clinic, role } = await clinicAccess(strapi, userId, id);
        return role === 'owner' ? { id: clinic.documentId, name: clinic.name } : null;
      } catch (error) {
        if (error instanceof errors.NotFoundError) return null;
        throw error;
      }
    },

    async find(id) {
      if (id === PORTAL_SITE) return PORTAL;
      const clinic = (await strapi.db.query(CLINIC).findOne({
        where: { documentId: id, publishedAt: null },
        select: ['documentId', 'name'],
      })) as { documentId: string; name: string } | null;
      return clinic && { id: clinic.documentId, name: clinic.name };
    },
  };
};
