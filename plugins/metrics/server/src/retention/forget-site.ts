import type { Knex } from 'knex';

import { TABLES } from '../storage/tables';

/** Everything the metrics hold of a site, in one transaction: for a clinic that is deleted. */
export const forgetSite = async (db: Knex, site: string) =>
  db.transaction(async (trx) => {
    for (const table of [
      TABLES.pending,
      TABLES.events,
      TABLES.daily,
      TABLES.monthly,
      TABLES.hourly,
      TABLES.settings,
    ]) {
      await trx(table).where({ site }).del();
    }
  });
