// Reads a Dockerfile and replays it outside a container: no engine runs on our machines or in CI,
// so this is how a test proves that what an image copies is enough to build and start it. Each
// stage gets a folder standing for its file system (`/app` is `<stage folder>/app`); COPY copies
// exactly what it names (from the build context, minus .dockerignore, or from an earlier stage's
// folder), RUN runs in the mapped WORKDIR with the stage's ENV, and CMD and HEALTHCHECK are
// returned to be run the same way. What only makes sense in a container is skipped: apt-get
// (the machine has the packages), chown and USER.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{ keyword: string, args: string }} Instruction
 * @typedef {{ name: string, image: string, instructions: Instruction[] }} Stage
 * @typedef {{ from?: string, sources: string[], destination: string }} Copy
 */

/**
 * The stages of a Dockerfile, each with its instructions: continuation lines joined, comments
 * and parser directives dropped, keywords upper-cased, arguments kept as written.
 * @param {string} text
 * @returns {Stage[]}
 */
export const parseDockerfile = (text) => {
  const lines = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n')
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  /** @type {Stage[]} */
  const stages = [];
  for (const line of lines) {
    const [, keyword, args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' ') };
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args.split(' ');
      const stageName = as?.toUpperCase() === 'AS' ? name : String(stages.length);
      stages.push({ name: stageName, image, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG') throw new Error(`${keyword} before FROM`);
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
};

/**
 * A COPY or ADD instruction's stage (`--from`), sources and destination.
 * @param {string} args
 * @returns {Copy}
 */
export const parseCopy = (args) => {
  const words = args.split(' ');
  const flags = words.filter((word) => word.startsWith('--'));
  const paths = words.filter((word) => !word.startsWith('--'));
  if (paths.length < 2) throw new Error(`COPY needs a source and a destination: ${args}`);
  const from = flags.find((flag) => flag.startsWith('--from='))?.slice('--from='.length);
  return { from, sources: paths.slice(0, -1), destination: /** @type {string} */ (paths.at(-1)) };
};

/**
 * The exec form (a JSON array) of CMD, ENTRYPOINT or HEALTHCHECK's CMD; shell forms run in `sh -c`.
 * @param {string} args
 * @returns {string[]}
 */
export const parseCommand = (args) =>
  args.startsWith('[') ? JSON.parse(args) : ['/bin/sh', '-c', args];

/**
 * HEALTHCHECK's options (`--interval=30s`…) and command; null for `HEALTHCHECK NONE`.
 * @param {string} args
 */
export const parseHealthcheck = (args) => {
  if (args.trim() === 'NONE') return null;
  const match = /^((?:--\S+\s+)*)CMD\s+(.*)$/.exec(args);
  if (!match) throw new Error(`HEALTHCHECK without CMD: ${args}`);
  /** @type {Record<string, string>} */
  const options = Object.fromEntries(
    match[1]
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((option) => /** @type {[string, string]} */ (option.slice(2).split('=')))
  );
  return { options, command: parseCommand(match[2]) };
};

/**
 * ENV's `KEY=value KEY2="value 2"` (or the old `KEY value`) as a record.
 * @param {string} args
 * @returns {Record<string, string>}
 */
export const parseEnvInstruction = (args) => {
  if (!args.includes('=') || /^\S+\s/.test(args.split('=')[0])) {
    const [key, ...value] = args.split(' ');
    return { [key]: value.join(' ') };
  }
  /** @type {Record<string, string>} */
  const env = {};
  for (const match of args.matchAll(/([A-Za-z_]\w*)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    env[match[1]] = match[2].startsWith('"') ? JSON.parse(match[2]) : match[2];
  }
  return env;
};

/**
 * A predicate telling whether a path of the build context (relative, `/`-separated) is left out by
 * .dockerignore: its patterns (`*`, `**`, `?`) match the path or any folder above it; `!` re-includes.
 * @param {string} text the .dockerignore file
 * @returns {(relative: string) => boolean}
 */
export const dockerignoreMatcher = (text) => {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = path.posix.normalize((negated ? line.slice(1) : line).replace(/^\/+/, ''));
      const source = pattern
        .split(/(\*\*\/|\*\*|\*|\?)/)
        .map((part) => {
          if (part === '**/') return '(?:.*/)?';
          if (part === '**') return '.*';
          if (part === '*') return '[^/]*';
          if (part === '?') return '[^/]';
          return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return { negated, regex: new RegExp(`^${source}$`) };
    });
  return (relative) => {
    const parts = relative.split('/');
    const candidates = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
    let ignored = false;
    for (const { negated, regex } of rules) {
      if (candidates.some((candidate) => regex.test(candidate))) ignored = !negated;
    }
    return ignored;
  };
};

/** RUN steps that only make sense inside a container: the machine has the packages already. */
const CONTAINER_ONLY = /^(?:apt-get|apt|rm -rf \/var\/lib\/apt|chown|useradd|groupadd)\b/;

/**
 * A RUN command as it is replayed here: container-only steps dropped; `npm ci` offline, from the
 * npm cache the machine's own install filled. Null when nothing is left to run.
 * @param {string} command
 * @returns {string | null}
 */
export const replayedRun = (command) => {
  const steps = command
    .split(/\s+&&\s+/)
    .map((step) => step.trim())
    .filter((step) => !CONTAINER_ONLY.test(step))
    .map((step) => step.replace(/^npm ci\b/, 'npm ci --offline'));
  return steps.length > 0 ? steps.join(' && ') : null;
};

/**
 * Runs `command` in `sh -c`; rejects with the end of its output when it fails.
 * @param {string} command
 * @param {{ cwd: string, env: Record<string, string> }} options
 * @returns {Promise<void>}
 */
const runShell = (command, { cwd, env }) =>
  new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (/** @type {Buffer} */ chunk) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`RUN ${command} failed (${code ?? signal}):\n${output}`));
    });
  });

/**
 * Replays a Dockerfile into `outDir`: one folder per stage (`outDir/<stage name>`), every COPY,
 * WORKDIR, ENV and (unless `copiesOnly`) RUN of every stage in order. Returns the last stage's
 * folder, working directory and environment with its CMD and HEALTHCHECK, to be run by the caller.
 * In `copiesOnly` mode a `--from` source an unreplayed RUN would have made is skipped. RUN steps
 * get `env` (nothing of ours: the image's build has none of it), the ARG defaults and the ENV.
 * @param {{ dockerfile: string, context: string, outDir: string, copiesOnly?: boolean,
 *   env?: Record<string, string>, log?: (line: string) => void }} options
 */
export const replayDockerfile = async ({
  dockerfile,
  context,
  outDir,
  copiesOnly = false,
  env: baseEnv = {},
  log = () => {},
}) => {
  const stages = parseDockerfile(readFileSync(dockerfile, 'utf8'));
  const ignorePath = path.join(context, '.dockerignore');
  const ignored = existsSync(ignorePath)
    ? dockerignoreMatcher(readFileSync(ignorePath, 'utf8'))
    : () => false;
  /** @type {Map<string, string>} stage name → its folder */
  const roots = new Map();
  /** @type {{ root: string, workdir: string, env: Record<string, string>, cmd?: string[],
   *   healthcheck?: ReturnType<typeof parseHealthcheck>, exposed: number[] } | undefined} */
  let result;

  for (const [index, stage] of stages.entries()) {
    const root = path.join(outDir, stage.name === String(index) ? `stage-${index}` : stage.name);
    mkdirSync(root, { recursive: true });
    roots.set(stage.name, root);
    roots.set(String(index), root);
    /** @param {string} containerPath */
    const inStage = (containerPath) => path.join(root, containerPath);
    let workdir = '/';
    /** @type {Record<string, string>} */
    const env = {};
    /** @type {Record<string, string>} */
    const buildArgs = {};
    /** @type {string[] | undefined} */
    let cmd;
    /** @type {ReturnType<typeof parseHealthcheck> | undefined} */
    let healthcheck;
    /** @type {number[]} */
    const exposed = [];

    for (const { keyword, args } of stage.instructions) {
      if (keyword === 'WORKDIR') {
        workdir = path.posix.resolve(workdir, args);
        mkdirSync(inStage(workdir), { recursive: true });
      } else if (keyword === 'ENV') {
        Object.assign(env, parseEnvInstruction(args));
      } else if (keyword === 'ARG') {
        // A build argument's default is in the environment of the RUN steps after it.
        const [name, ...value] = args.split('=');
        if (value.length > 0) buildArgs[name] = value.join('=');
      } else if (keyword === 'COPY' || keyword === 'ADD') {
        const copy = parseCopy(args);
        const sourceRoot = copy.from ? roots.get(copy.from) : context;
        if (!sourceRoot) throw new Error(`COPY --from=${copy.from}: no such stage`);
        const destination = path.posix.resolve(workdir, copy.destination);
        const intoFolder = copy.destination.endsWith('/') || copy.sources.length > 1;
        for (const source of copy.sources) {
          const from = copy.from
            ? path.join(sourceRoot, path.posix.resolve('/', source))
            : path.resolve(context, source);
          if (!existsSync(from)) {
            if (copy.from && copiesOnly) continue;
            throw new Error(`COPY ${source}: not found at ${from}`);
          }
          const isFolder = statSync(from).isDirectory();
          const to = inStage(
            intoFolder && !isFolder
              ? path.posix.join(destination, path.basename(source))
              : destination
          );
          log(`COPY ${copy.from ? `--from=${copy.from} ` : ''}${source} ${destination}`);
          mkdirSync(path.dirname(to), { recursive: true });
          if (copy.from && isFolder && !existsSync(to)) {
            // Moved rather than copied: node_modules is large, and an earlier stage is read only
            // by the COPY lines that name it (each path once in our Dockerfiles).
            renameSync(from, to);
          } else if (copy.from) {
            execFileSync('cp', ['-a', isFolder ? `${from}/.` : from, to]);
          } else {
            cpSync(from, to, {
              recursive: true,
              filter: (file) => {
                const relative = path.relative(context, file).split(path.sep).join('/');
                return relative === '' || !ignored(relative);
              },
            });
          }
        }
      } else if (keyword === 'RUN') {
        const command = replayedRun(args);
        if (!command || copiesOnly) continue;
        log(`RUN ${command}`);
        const started = Date.now();
        await runShell(command, {
          cwd: inStage(workdir),
          env: { ...baseEnv, ...buildArgs, ...env },
        });
        log(`  ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } else if (keyword === 'CMD') {
        cmd = parseCommand(args);
      } else if (keyword === 'HEALTHCHECK') {
        healthcheck = parseHealthcheck(args);
      } else if (keyword === 'EXPOSE') {
        exposed.push(...args.split(' ').map((port) => Number(port.split('/')[0])));
      }
      // USER, ARG, LABEL, ENTRYPOINT-less images: nothing to replay outside a container.
    }
    result = { root, workdir: inStage(workdir), env, cmd, healthcheck, exposed };
  }
  if (!result) throw new Error(`${dockerfile}: no FROM`);
  return result;
};
