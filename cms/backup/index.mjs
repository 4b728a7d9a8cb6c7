// Backups of the platform and their restore (README, "Backups"): plain ESM, so that the
// scheduler runs in the CMS's production image and `npm run backup` / `restore` from the repo.
export { FOLDER_NAMES } from './archive.mjs';
export { createBackup, rotateBackups } from './backup.mjs';
export { assertEmpty, countRows, describeTarget, listTables } from './database.mjs';
export { BackupError } from './errors.mjs';
export { generateBackupKey, parseBackupKey } from './key.mjs';
export { restoreBackup, verifyBackup } from './restore.mjs';
export { backupFileName, backupTime, planRotation } from './rotation.mjs';
export { nextRunAt, parseBackupTime } from './schedule.mjs';
export { backupSettings, CMS_DIR } from './settings.mjs';
