import type { Reader as DocReader } from '@vixenhealth/cms/docs';

/** Who reads a private page: their ID access token (for the CMS) and what it says of them. */
export interface Reader extends DocReader {
  accessToken: string;
  name: string;
}
