import type { CallerDirectory } from '../../../shared/contracts';

/**
 * Holds the clinics' directory the CMS lends in its register phase. Without one (a desk with
 * no CMS clinics), no caller is a clinic and no cabinet sees calls.
 */
export const createCallerDirectoryRegistry = () => {
  let directory: CallerDirectory | null = null;
  return {
    register(lent: CallerDirectory) {
      directory = lent;
    },
    get: () => directory,
  };
};
