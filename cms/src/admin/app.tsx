import type { StrapiApp } from '@strapi/strapi/admin';
import { Rocket, Shield } from '@strapi/icons';

/**
 * The admin panel's own additions: the moderation queue (moderators) and the clinic sites'
 * deploys (staff with the permission).
 */
export default {
  config: { locales: ['ru'] },
  register(app: StrapiApp) {
    app.addMenuLink({
      to: 'review-moderation',
      icon: Shield,
      intlLabel: { id: 'review-moderation.menu', defaultMessage: 'Moderation' },
      permissions: [{ action: 'api::reviews.moderate', subject: null }],
      Component: () => import('./moderation/ModerationQueuePage'),
    });
    app.addMenuLink({
      to: 'site-deploys',
      icon: Rocket,
      intlLabel: { id: 'site-deploys.menu', defaultMessage: 'Deploys' },
      permissions: [{ action: 'api::site-deploys.read', subject: null }],
      Component: () => import('./deploys/DeploysPage'),
    });
  },
};
