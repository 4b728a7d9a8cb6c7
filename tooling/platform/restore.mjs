// `npm run restore -- <file>`: restores a backup made by `npm run backup` (or the production
// scheduler) into the database configured in `.env`, which must be empty, and puts the uploads
// and static deploys back. `npm run restore -- --check <file>` only verifies the file.
// The key is BACKUP_ENCRYPTION_KEY: the one the backup was made with, never a new one.
import { existsSync } from 'node:fs';
import path from 'node:path';

import {
  BackupError,
  backupSettings,
  describeTarget,
  parseBackupKey,
  restoreBackup,
  verifyBackup,
} from '@vixenhealth/cms/backup';

import { loadEnvFile } from '../lib/env-file.mjs';
import { ENV_FILE, ROOT_DIR } from '../lib/paths.mjs';

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const [given] = args.filter((arg) => arg !== '--check');
if (!given) {
  console.error('Usage: npm run restore -- [--check] <backup file>');
  process.exit(2);
}
// npm runs scripts at the root; the file is named from where the command was typed.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), given);

if (existsSync(ENV_FILE)) loadEnvFile();
process.env.SITE_DEPLOYS_DIR ||= path.join(ROOT_DIR, 'var', 'site-deploys');

try {
  if (!existsSync(file)) throw new TypeError(`No file at ${file}.`);
  const key = parseBackupKey(process.env.BACKUP_ENCRYPTION_KEY);
  if (checkOnly) {
    const { meta, files, bytes } = await verifyBackup({ file, key });
    console.log(
      `The backup is whole and opens with this key: a ${meta.database} database and ${files} files, ${bytes} bytes in all, made ${meta.createdAt}.`
    );
  } else {
    const settings = backupSettings(process.env);
    console.log(`Restoring ${path.basename(file)} into ${describeTarget(settings.database)}...`);
    const { meta, files } = await restoreBackup({ file, key, settings });
    console.log(
      `Restored the ${meta.database} database and ${files} files from the backup made ${meta.createdAt}. Start the platform: npm start.`
    );
  }
} catch (error) {
  if (!(error instanceof BackupError || error instanceof TypeError)) throw error;
  console.error(`Restore failed: ${error.message}`);
  process.exitCode = 1;
}
