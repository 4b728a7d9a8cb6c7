// `npm run backup`: one encrypted backup of the platform as configured in `.env` (its database,
// the uploads, the static deploys) into BACKUP_DIR (backups/ by default), then the rotation.
// The library is the CMS's (`@vixenhealth/cms/backup`), which also runs the daily scheduler in
// production (cms/backup/daily.mjs).
import path from 'node:path';

import {
  BackupError,
  backupSettings,
  createBackup,
  describeTarget,
  parseBackupKey,
  rotateBackups,
} from '@vixenhealth/cms/backup';

import { ensureEnvFile, loadEnvFile } from '../lib/env-file.mjs';
import { ROOT_DIR } from '../lib/paths.mjs';

const { generated } = ensureEnvFile();
if (generated.includes('BACKUP_ENCRYPTION_KEY')) {
  console.log(
    'Added BACKUP_ENCRYPTION_KEY to .env. Keep a copy of it away from this machine: without it no backup can be read.'
  );
}
loadEnvFile();
// Where `npm start` keeps the static deploys when .env names no folder.
process.env.SITE_DEPLOYS_DIR ||= path.join(ROOT_DIR, 'var', 'site-deploys');

try {
  const settings = backupSettings(process.env);
  const key = parseBackupKey(process.env.BACKUP_ENCRYPTION_KEY);
  console.log(`Backing up ${describeTarget(settings.database)} and the files...`);
  const started = Date.now();
  const { file, bytes } = await createBackup({ settings, key });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Wrote ${path.relative(process.cwd(), file)} (${bytes} bytes) in ${seconds} s.`);
  const { keep, remove } = await rotateBackups(settings);
  console.log(
    `Rotation (${settings.keep.daily} daily, ${settings.keep.weekly} weekly, ${settings.keep.monthly} monthly): kept ${keep.length}, deleted ${remove.length}${remove.length ? `: ${remove.join(', ')}` : ''}.`
  );
} catch (error) {
  if (!(error instanceof BackupError || error instanceof TypeError)) throw error;
  console.error(`Backup failed: ${error.message}`);
  process.exitCode = 1;
}
