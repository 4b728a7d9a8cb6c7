import knex, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { setUpSqliteConnection } from '../sqlite-connection';

// The CMS's SQLite settings on a real knex pool, as Strapi builds it: queries answer exactly
// what they would without the kept statements and the written limits.
describe('the SQLite connection of the CMS', () => {
  let db: Knex;

  beforeAll(async () => {
    db = knex({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
      pool: { afterCreate: setUpSqliteConnection },
    });
    await db.schema.createTable('notes', (table) => {
      table.increments('id');
      table.string('owner').notNullable();
      table.string('text').notNullable();
    });
    await db('notes').insert(
      Array.from({ length: 30 }, (_, i) => ({ owner: i % 2 ? 'odd' : 'even', text: `note ${i}` }))
    );
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('answers each limit with that many rows, whatever limit the same query ran with before', async () => {
    for (const limit of [1, 5, 3, 1, 15, 2]) {
      const rows = await db('notes').where('owner', 'odd').orderBy('id').limit(limit);
      expect(rows).toHaveLength(limit);
      expect(rows.every((row) => row.owner === 'odd')).toBe(true);
    }
    expect(await db('notes').where('owner', 'even').first()).toMatchObject({ text: 'note 0' });
    expect(await db('notes').where('owner', 'nobody').first()).toBeUndefined();
  });

  it('binds a limit that is not a whole number as it was given, never into the text', async () => {
    // Read as a whole, SQLite's own rule for a LIMIT that is not an integer: an error.
    await expect(db.raw('select * from notes limit ?', ['1; drop table notes'])).rejects.toThrow();
    expect(await db('notes').count({ count: '*' })).toEqual([{ count: 30 }]);
  });

  it('sees rows written after a statement was first kept, and a column added since', async () => {
    const before = await db('notes').where('owner', 'late').first();
    expect(before).toBeUndefined();
    await db('notes').insert({ owner: 'late', text: 'added' });
    await db.schema.alterTable('notes', (table) => table.string('tag'));
    expect(await db('notes').where('owner', 'late').first()).toMatchObject({
      text: 'added',
      tag: null,
    });
  });

  it('keeps the write-ahead log on', async () => {
    const connection = await db.client.acquireConnection();
    try {
      const sqlite = connection as { pragma(name: string, options: { simple: true }): unknown };
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
    } finally {
      await db.client.releaseConnection(connection);
    }
  });
});
