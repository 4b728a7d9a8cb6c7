import type { Core } from '@strapi/strapi';

import type { AnswerStore } from './answer-store';

const WRITES = [
  'afterCreate',
  'afterCreateMany',
  'afterUpdate',
  'afterUpdateMany',
  'afterDelete',
  'afterDeleteMany',
] as const;

/**
 * Purges the answers that depend on a content type whenever a row of it is written through
 * Strapi (publish, unpublish, delete, a moderation decision, a clinic's suspension all are).
 * Inside a transaction the purge waits for the commit: purged earlier, a reader could cache the
 * old rows again before they change.
 */
export const purgeOnWrite = (
  strapi: Core.Strapi,
  store: AnswerStore,
  watched: ReadonlySet<string>
) => {
  const purge = (uid: string) => {
    store.bump([uid]).catch((error: unknown) => {
      strapi.log.error(`Public cache: could not purge ${uid}: ${(error as Error).message}`);
    });
  };

  const onWrite = async (event: { model: { uid: string } }) => {
    const { uid } = event.model;
    if (!watched.has(uid)) return;
    if (!strapi.db.inTransaction()) {
      purge(uid);
      return;
    }
    // A nested call joins the running transaction; its onCommit runs when that one commits.
    await strapi.db.transaction(async ({ onCommit }) => {
      onCommit(() => purge(uid));
    });
  };

  strapi.db.lifecycles.subscribe(Object.fromEntries(WRITES.map((name) => [name, onWrite])));
};
