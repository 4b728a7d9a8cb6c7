import { cmsPublicUrl } from './env';

/** An image as the CMS's upload plugin describes it. */
export interface MediaFile {
  url: string;
  alternativeText?: string | null;
  width?: number | null;
  height?: number | null;
  /** The upload plugin's renditions (a JSON field): see {@link displayUrl}. */
  formats?: unknown;
}

/** What the sites read of an image's renditions: each one's path. */
type Renditions = Partial<Record<'small' | 'medium' | 'large', { url: string }>> | null;

/**
 * Where a browser loads an uploaded file: the CMS's public address (`PUBLIC_URL`) in front of
 * the upload plugin's `/uploads/…` path; files on a CDN come with an absolute URL already. The
 * same address serves the served and the static sites.
 */
export const mediaUrl = (url: string) =>
  /^https?:\/\//.test(url) ? url : `${cmsPublicUrl()}${url}`;

/** The version of an image fit for a page column: the medium rendition when there is one. */
export const displayUrl = (file: MediaFile) =>
  mediaUrl((file.formats as Renditions | undefined)?.medium?.url ?? file.url);
