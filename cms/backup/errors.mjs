/**
 * @typedef {'ERR_BACKUP_NO_KEY' | 'ERR_BACKUP_BAD_KEY' | 'ERR_BACKUP_WRONG_KEY'
 *   | 'ERR_BACKUP_NOT_A_BACKUP' | 'ERR_BACKUP_CORRUPT' | 'ERR_BACKUP_TARGET_NOT_EMPTY'
 *   | 'ERR_BACKUP_NO_FOLDER' | 'ERR_BACKUP_NO_DATABASE' | 'ERR_BACKUP_DUMP_FAILED'
 *   | 'ERR_BACKUP_RESTORE_FAILED' | 'ERR_BACKUP_CHANGED_WHILE_READ'} BackupErrorCode
 */

/** Every failure of a backup or a restore the operator can act on, with a stable `code`. */
export class BackupError extends Error {
  /**
   * @param {BackupErrorCode} code
   * @param {string} message
   * @param {{ cause?: unknown }} [options]
   */
  constructor(code, message, options) {
    super(message, options);
    this.name = 'BackupError';
    /** @type {BackupErrorCode} */
    this.code = code;
  }
}
