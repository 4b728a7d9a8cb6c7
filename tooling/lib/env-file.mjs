import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import { ENV_EXAMPLE_FILE, ENV_FILE } from './paths.mjs';
import { SECRET_GENERATORS } from './secrets.mjs';

const ASSIGNMENT = /^([A-Z][A-Z0-9_]*)=(.*)$/;

/**
 * Reads `KEY=value` lines, ignoring comments and blank lines; quotes around a value are dropped.
 * @param {string} text
 * @returns {Map<string, string>}
 */
export const parseEnv = (text) => {
  const entries = new Map();
  for (const line of text.split(/\r?\n/)) {
    const match = ASSIGNMENT.exec(line.trim());
    if (match) entries.set(match[1], match[2].replace(/^(['"])(.*)\1$/, '$2'));
  }
  return entries;
};

/**
 * Fills each secret that `text` leaves empty or lacks, among those `template` lists.
 * @param {string} text
 * @param {string} template
 * @param {string[]} generated receives the names filled
 */
const fillSecrets = (text, template, generated) => {
  const wanted = [...parseEnv(template).keys()].filter((name) => SECRET_GENERATORS[name]);
  const present = parseEnv(text);
  const lines = text.split('\n').map((line) => {
    const match = ASSIGNMENT.exec(line.trim());
    if (!match || match[2] !== '' || !wanted.includes(match[1])) return line;
    generated.push(match[1]);
    return `${match[1]}=${SECRET_GENERATORS[match[1]]()}`;
  });
  const absent = wanted.filter((name) => !present.has(name));
  for (const name of absent) {
    generated.push(name);
    lines.push(`${name}=${SECRET_GENERATORS[name]()}`);
  }
  return lines.join('\n');
};

/**
 * Makes sure `.env` exists and holds every secret: on first start it is copied from
 * `.env.example`; then every secret left empty, or introduced by a newer `.env.example`, gets a
 * fresh random value. Values already set are never changed.
 * @param {{ envFile?: string, exampleFile?: string }} [files]
 * @returns {{ created: boolean, generated: string[] }}
 */
export const ensureEnvFile = ({ envFile = ENV_FILE, exampleFile = ENV_EXAMPLE_FILE } = {}) => {
  const created = !existsSync(envFile);
  const template = readFileSync(exampleFile, 'utf8');
  /** @type {string[]} */
  const generated = [];
  const filled = fillSecrets(
    created ? template : readFileSync(envFile, 'utf8'),
    template,
    generated
  );
  if (created || generated.length > 0) writeFileSync(envFile, filled, { mode: 0o600 });
  return { created, generated };
};

/**
 * Loads `.env` into `process.env`; variables already set in the environment win.
 */
export const loadEnvFile = () => {
  for (const [name, value] of parseEnv(readFileSync(ENV_FILE, 'utf8'))) {
    if (process.env[name] === undefined) process.env[name] = value;
  }
};
