import { createRequire } from 'node:module';
import path from 'node:path';

/** The CMS workspace, wherever the benchmark is started from. */
export const CMS_DIR = path.resolve(import.meta.dirname, '../../cms');
export const CMS_DIST_DIR = path.join(CMS_DIR, 'dist');

/**
 * The CMS's own copy of Strapi: resolved from cms/, as npm may install it there, not at the root.
 * @returns {typeof import('@strapi/strapi')}
 */
export const requireStrapi = () =>
  createRequire(path.join(CMS_DIR, 'package.json'))('@strapi/strapi');
