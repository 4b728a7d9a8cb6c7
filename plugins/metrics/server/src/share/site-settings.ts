import { randomBytes } from 'node:crypto';

import type { Knex } from 'knex';

import type { ShareLink } from '../../../shared/contracts';
import { TABLES } from '../storage/tables';

export interface SiteSettings {
  /** The site's own retention in days, or null: the platform's default. */
  retentionDays: number | null;
  defaultRetentionDays: number;
  share: ShareLink | null;
}

interface SettingsRow {
  site: string;
  retention_days: number | null;
  share_token: string | null;
  share_created_at: number | string | null;
}

const shareOf = (row: SettingsRow | undefined): ShareLink | null =>
  row?.share_token
    ? {
        token: row.share_token,
        createdAt: new Date(Number(row.share_created_at)).toISOString(),
      }
    : null;

/** A site's retention and public link (`metrics_site_settings`, one row per site at most). */
export const siteSettings = (db: Knex, defaultRetentionDays: number) => {
  const rowOf = async (site: string) =>
    (await db(TABLES.settings).where({ site }).first()) as SettingsRow | undefined;

  const upsert = async (site: string, changes: Partial<Omit<SettingsRow, 'site'>>) => {
    await db(TABLES.settings)
      .insert({ site, ...changes })
      .onConflict('site')
      .merge(Object.keys(changes));
  };

  const read = async (site: string): Promise<SiteSettings> => {
    const row = await rowOf(site);
    return {
      retentionDays: row?.retention_days ?? null,
      defaultRetentionDays,
      share: shareOf(row),
    };
  };

  return {
    read,
    async setRetention(site: string, retentionDays: number | null) {
      await upsert(site, { retention_days: retentionDays });
      return read(site);
    },
    /** A new token (the old link stops working at once). 192 random bits, URL-safe. */
    async createShare(site: string, now: Date): Promise<ShareLink> {
      const token = randomBytes(24).toString('base64url');
      await upsert(site, { share_token: token, share_created_at: now.getTime() });
      return { token, createdAt: now.toISOString() };
    },
    async revokeShare(site: string) {
      await upsert(site, { share_token: null, share_created_at: null });
    },
    /** The site a public link shows, or null when the token is not (or no longer) one. */
    async siteOfShare(token: string) {
      const row = (await db(TABLES.settings).where({ share_token: token }).first('site')) as
        { site: string } | undefined;
      return row?.site ?? null;
    },
  };
};
