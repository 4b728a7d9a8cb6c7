import type { Core } from '@strapi/strapi';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
const register = ({ strapi }: { strapi: Core.Strapi }) => {};

export default register;
