export type DirectorySyncErrorCode =
  | 'ERR_DIRECTORY_NOT_CONFIGURED'
  | 'ERR_DIRECTORY_UNREACHABLE'
  | 'ERR_DIRECTORY_BIND'
  | 'ERR_DIRECTORY_SEARCH'
  | 'ERR_DIRECTORY_EMPTY'
  | 'ERR_DIRECTORY_SYNC_RUNNING';

/**
 * A sync that could not run; its message is meant for the admin who started it (it never
 * holds the bind password). Nothing was written when it is thrown.
 */
export class DirectorySyncError extends Error {
  readonly code: DirectorySyncErrorCode;

  constructor(code: DirectorySyncErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DirectorySyncError';
    this.code = code;
  }
}
