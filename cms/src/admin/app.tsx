import type { StrapiApp } from '@strapi/strapi/admin';
import { Shield } from '@strapi/icons';

/** The admin panel's own additions: the moderation queue, for moderators only. */
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
  },
};
