import { factories } from '@strapi/strapi';

// Read-only for now: writes go through the admin panel until owner-scoped routes exist.
export default factories.createCoreRouter('api::specialty.specialty', {
  only: ['find', 'findOne'],
});
