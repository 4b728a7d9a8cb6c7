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
 * Purges the answers that depend on `uid`, now or, inside a transaction, once it commits. For
 * code that writes a content type's table without Strapi's query engine (a compare-and-set
 * moderation decision): its lifecycles never run.
 */
export type PurgeAfterCommit = (uid: string) => Promise<void>;

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
): PurgeAfterCommit => {
  const purge = (uid: string) => {
    store.bump([uid]).catch((error: unknown) => {
      strapi.log.error(`Public cache: could not purge ${uid}: ${(error as Error).message}`);
    });
  };

  const purgeAfterCommit = async (uid: string) => {
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

  const onWrite = (event: { model: { uid: string } }) => purgeAfterCommit(event.model.uid);
  strapi.db.lifecycles.subscribe(Object.fromEntries(WRITES.map((name) => [name, onWrite])));
  return purgeAfterCommit;
};
