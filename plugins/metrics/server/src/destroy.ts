import type { Core } from '@strapi/strapi';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {};

export default destroy;
