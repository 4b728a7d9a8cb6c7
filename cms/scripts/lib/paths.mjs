import path from 'node:path';

export const ROOT_DIR = path.resolve(import.meta.dirname, '..', '..', '..');
export const CMS_DIR = path.join(ROOT_DIR, 'cms');
export const ENV_FILE = path.join(ROOT_DIR, '.env');
export const ENV_EXAMPLE_FILE = path.join(ROOT_DIR, '.env.example');
export const CLINIC_SITE_DIR = path.join(ROOT_DIR, 'sites', 'clinic');
export const PORTAL_SITE_DIR = path.join(ROOT_DIR, 'sites', 'portal');
