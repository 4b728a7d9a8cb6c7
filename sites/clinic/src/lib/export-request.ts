import { EXPORT_ID_HEADER, SITE_URL_HEADER } from './export-headers.mjs';
import { isInternalCaller } from './internal-caller';

/** What a request of the static exporter says about the export it belongs to. */
export interface ExportRequest {
  /** One per export: the CMS reads cached under it are shared by that export's pages alone. */
  id: string;
  /** The origin the files will be published at, without a trailing slash. */
  siteUrl: string;
}

/**
 * The export a request belongs to, or null: for any request without the internal token too, so
 * that a visitor cannot choose the origin of absolute links or bypass the cache.
 */
export const exportOf = (request: Request): ExportRequest | null => {
  const id = request.headers.get(EXPORT_ID_HEADER);
  const siteUrl = request.headers.get(SITE_URL_HEADER);
  if (!id || !siteUrl || !isInternalCaller(request)) return null;
  return { id, siteUrl: siteUrl.replace(/\/$/, '') };
};
