// @ts-expect-error better-sqlite3 ships no types; the part used here is typed below.
import BetterSqlite3 from 'better-sqlite3';

/**
 * The part of a better-sqlite3 statement this code uses.
 * @typedef {{
 *   pluck(): SqliteStatement,
 *   all(...values: unknown[]): unknown[],
 *   get(...values: unknown[]): unknown,
 *   run(...values: unknown[]): { changes: number },
 * }} SqliteStatement
 */

/**
 * The part of a better-sqlite3 connection this code uses.
 * @typedef {{
 *   prepare(sql: string): SqliteStatement,
 *   exec(sql: string): void,
 *   pragma(statement: string, options?: { simple?: boolean }): unknown,
 *   transaction<A extends unknown[]>(run: (...args: A) => void): (...args: A) => void,
 *   backup(file: string, options?: { progress?: (state: { totalPages: number, remainingPages: number }) => number | undefined }): Promise<unknown>,
 *   close(): void,
 * }} SqliteDatabase
 */

/**
 * Opens a SQLite file with the CMS's own better-sqlite3.
 * @param {string} file
 * @param {{ readonly?: boolean, fileMustExist?: boolean }} [options]
 * @returns {SqliteDatabase}
 */
export const openSqlite = (file, options) => new BetterSqlite3(file, options);
