import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** This process among the platform's CMS nodes: host, process and a random part (pids repeat). */
export const NODE_NAME = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
