import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::doc-page.doc-page');
