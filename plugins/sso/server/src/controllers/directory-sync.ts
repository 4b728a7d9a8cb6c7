import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { LastDirectorySync, RunDirectorySync } from '../../../shared/contracts/directory-sync';
import { DirectorySyncError, type DirectorySyncErrorCode } from '../directory-sync/errors';
import { getService } from '../utils';
import { validateRunDirectorySyncInput } from '../validation/directory-sync';

/** The directory's fault (502) or a state that forbids the run now (409). */
const STATUS: Record<DirectorySyncErrorCode, number> = {
  ERR_DIRECTORY_NOT_CONFIGURED: 409,
  ERR_DIRECTORY_SYNC_RUNNING: 409,
  ERR_DIRECTORY_EMPTY: 409,
  ERR_DIRECTORY_UNREACHABLE: 502,
  ERR_DIRECTORY_BIND: 502,
  ERR_DIRECTORY_SEARCH: 502,
};

/** Directory sync on demand, for staff with `plugin::sso.directory-sync.run`. */
const directorySync = ({ strapi }: { strapi: Core.Strapi }) => ({
  async run(ctx: Context) {
    const { dryRun } = await validateRunDirectorySyncInput(ctx.request.body);
    try {
      const report = await getService(strapi, 'directory-sync').run({ dryRun });
      ctx.body = { data: report } satisfies RunDirectorySync['response'];
    } catch (error) {
      if (!(error instanceof DirectorySyncError)) throw error;
      // Strapi's error shape, with the sync's own code for the admin page to show.
      ctx.status = STATUS[error.code];
      ctx.body = {
        data: null,
        error: {
          status: ctx.status,
          name: error.name,
          message: error.message,
          details: { code: error.code },
        },
      };
    }
  },

  async last(ctx: Context) {
    const report = await getService(strapi, 'directory-sync').lastReport();
    ctx.body = { data: report } satisfies LastDirectorySync['response'];
  },
});

export default directorySync;
