// `npm run build`: builds everything `npm start` serves.
import { buildCms } from '../lib/cms-build.mjs';
import { ensureEnvFile, loadEnvFile } from '../lib/env-file.mjs';

ensureEnvFile();
loadEnvFile();
await buildCms();
