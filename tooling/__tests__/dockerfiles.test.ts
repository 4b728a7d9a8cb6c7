import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  dockerignoreMatcher,
  parseCopy,
  parseDockerfile,
  parseHealthcheck,
  replayDockerfile,
  replayedRun,
} from '../lib/dockerfile.mjs';
import { freeLoopbackPort } from '../lib/free-port.mjs';
import { isolatedCmsEnv } from '../lib/isolated-env.mjs';
import { ROOT_DIR } from '../lib/paths.mjs';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

/**
 * The proof that the images build and start, with no container engine (none runs on our machines
 * or in CI): each Dockerfile is replayed into an empty folder (tooling/lib/dockerfile.mjs), copying
 * exactly what its COPY lines name, and the CMS's is built and started there as the image would
 * be, on PostgreSQL, until its HEALTHCHECK passes. That full replay takes minutes (an offline
 * `npm ci` of the CMS's workspaces, the plugins, the admin panel), so it runs only in the
 * PostgreSQL pass.
 */

const CMS_DOCKERFILE = path.join(ROOT_DIR, 'cms', 'Dockerfile');
const SITES_DOCKERFILE = path.join(ROOT_DIR, 'sites', 'Dockerfile');
const onPostgres = /^postgres(ql)?:/.test(process.env.TEST_DATABASE_URL ?? '');

/** The plugins the CMS loads (cms/config/plugins.ts), as paths relative to cms/. */
const configuredPlugins = () =>
  [
    ...readFileSync(path.join(ROOT_DIR, 'cms/config/plugins.ts'), 'utf8').matchAll(
      /resolve: '([^']+)'/g
    ),
  ].map((match) => match[1]);

/** The plugins `app` (an image's /app) lacks what Strapi loads and tsc compiles them from. */
const pluginsMissingFrom = (app: string) =>
  configuredPlugins().filter((plugin) => {
    const dir = path.join(app, 'cms', plugin);
    return (
      !existsSync(path.join(dir, 'strapi-server.js')) ||
      !existsSync(path.join(dir, 'tsconfig.json'))
    );
  });

const temporaryFolders: string[] = [];
const temporaryFolder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vh-dockerfile-'));
  temporaryFolders.push(dir);
  return dir;
};
// A replayed image is some 100,000 files: removing them takes minutes on a busy machine.
afterAll(async () => {
  await Promise.all(temporaryFolders.map((dir) => rm(dir, { recursive: true, force: true })));
}, 10 * 60_000);

describe('reading a Dockerfile', () => {
  it('splits stages and joins continued lines, leaving comments out', () => {
    const stages = parseDockerfile(
      '# syntax=docker/dockerfile:1\nFROM node:20 AS build\nRUN a \\\n  && b\n# note\nFROM node:20\nCOPY --from=build /app/x x\n'
    );
    expect(stages.map(({ name }) => name)).toEqual(['build', '1']);
    expect(stages[0].instructions).toEqual([{ keyword: 'RUN', args: 'a && b' }]);
    expect(parseCopy(stages[1].instructions[0].args)).toEqual({
      from: 'build',
      sources: ['/app/x'],
      destination: 'x',
    });
  });

  it('reads HEALTHCHECK options and its exec-form command', () => {
    expect(parseHealthcheck('--interval=30s --timeout=5s CMD ["node", "-e", "1"]')).toEqual({
      options: { interval: '30s', timeout: '5s' },
      command: ['node', '-e', '1'],
    });
  });

  it('skips what only a container needs and installs offline', () => {
    expect(
      replayedRun('apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*')
    ).toBe(null);
    expect(replayedRun('mkdir -p a b && chown node:node a b')).toBe('mkdir -p a b');
    expect(replayedRun('npm ci --workspace cms')).toBe('npm ci --offline --workspace cms');
  });

  it('leaves out what .dockerignore names, at any depth with **/', () => {
    const ignored = dockerignoreMatcher('**/node_modules\n**/dist\ncms/.tmp\n!cms/.tmp/keep\n');
    expect(ignored('plugins/sso/node_modules/jose/index.js')).toBe(true);
    expect(ignored('node_modules')).toBe(true);
    expect(ignored('plugins/sso/dist/server/index.js')).toBe(true);
    expect(ignored('cms/.tmp/data.db')).toBe(true);
    expect(ignored('cms/.tmp/keep')).toBe(false);
    expect(ignored('plugins/sso/server/src/index.ts')).toBe(false);
  });
});

describe("the images' copies (every pass)", () => {
  it('cms/Dockerfile: the image holds the plugins the CMS loads and the generated types it builds with', async () => {
    const image = await replayDockerfile({
      dockerfile: CMS_DOCKERFILE,
      context: ROOT_DIR,
      outDir: temporaryFolder(),
      copiesOnly: true,
    });
    const app = path.join(image.root, 'app');
    expect(configuredPlugins()).toHaveLength(4);
    expect(pluginsMissingFrom(app)).toEqual([]);
    // The build type-checks against them; .dockerignore once left them out.
    expect(existsSync(path.join(app, 'cms/types/generated/contentTypes.d.ts'))).toBe(true);
    // The static deploys run the clinic sites' exporter beside the CMS (deploy-settings.ts).
    expect(existsSync(path.join(app, 'sites/clinic/server/export-clinic.mjs'))).toBe(true);
    expect(image.workdir).toBe(path.join(app, 'cms'));
    expect(image.cmd).toEqual(['node', '../node_modules/@strapi/strapi/bin/strapi.js', 'start']);
  });

  it('cms/Dockerfile without its `COPY plugins/` line: the image lacks every plugin', async () => {
    const broken = path.join(temporaryFolder(), 'Dockerfile');
    const text = readFileSync(CMS_DOCKERFILE, 'utf8');
    expect(text).toMatch(/^COPY plugins\/ plugins\/$/m);
    writeFileSync(broken, text.replace(/^COPY plugins\/ plugins\/$/m, ''));
    const image = await replayDockerfile({
      dockerfile: broken,
      context: ROOT_DIR,
      outDir: temporaryFolder(),
      copiesOnly: true,
    });
    expect(pluginsMissingFrom(path.join(image.root, 'app'))).toEqual(configuredPlugins());
  });

  it('refuses a COPY of a path the build context lacks', async () => {
    const dir = temporaryFolder();
    writeFileSync(
      path.join(dir, 'Dockerfile'),
      'FROM node:20\nWORKDIR /app\nCOPY plugins/nope/ x/\n'
    );
    await expect(
      replayDockerfile({
        dockerfile: path.join(dir, 'Dockerfile'),
        context: ROOT_DIR,
        outDir: temporaryFolder(),
        copiesOnly: true,
      })
    ).rejects.toThrow(/COPY plugins\/nope\/: not found/);
  });

  it("sites/Dockerfile: the servers' entry files are in the image, the Astro apps' built there", async () => {
    const image = await replayDockerfile({
      dockerfile: SITES_DOCKERFILE,
      context: ROOT_DIR,
      outDir: temporaryFolder(),
      copiesOnly: true,
    });
    const app = path.join(image.root, 'app');
    for (const entry of [
      'sites/clinic/server/serve.mjs',
      'sites/clinic/server/serve-deploys-main.mjs',
      'docs-site/server.mjs',
      'tooling/lib/astro-site.mjs',
      'plugins/sso/tsconfig.json',
    ]) {
      expect(existsSync(path.join(app, entry)), entry).toBe(true);
    }
    // dist/ comes from the build stage's `npm run build` of each Astro app.
    const runs = parseDockerfile(readFileSync(SITES_DOCKERFILE, 'utf8'))[0]
      .instructions.filter(({ keyword }) => keyword === 'RUN')
      .map(({ args }) => args)
      .join('\n');
    for (const workspace of ['sites/portal', 'sites/clinic', 'docs-site']) {
      expect(runs).toContain(`npm run build --workspace ${workspace}`);
      const manifest = JSON.parse(readFileSync(path.join(app, workspace, 'package.json'), 'utf8'));
      expect(manifest.scripts.build, workspace).toBe('astro build');
    }
    expect(image.cmd).toEqual(['node', 'dist/server/entry.mjs']);
    expect(image.workdir).toBe(path.join(app, 'sites/portal'));
  });
});

/** Runs the image's HEALTHCHECK command until it passes; false when `deadline` passes first. */
const passesHealthcheck = async (
  command: string[],
  options: { cwd: string; env: Record<string, string>; deadline: number; alive: () => boolean }
) => {
  while (Date.now() < options.deadline && options.alive()) {
    const check = spawnSync(command[0], command.slice(1), {
      cwd: options.cwd,
      env: options.env,
      timeout: 5_000,
    });
    if (check.status === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return false;
};

describe.skipIf(!onPostgres)(
  'cms/Dockerfile built and started as its image (PostgreSQL pass)',
  () => {
    let database: TestDatabase;
    let cms: ChildProcess | undefined;
    let output = '';
    let port: number;
    let startedIn = 0;
    let exporterBuilt = false;
    const timings: string[] = [];

    beforeAll(async () => {
      const started = Date.now();
      const image = await replayDockerfile({
        dockerfile: CMS_DOCKERFILE,
        context: ROOT_DIR,
        outDir: temporaryFolder(),
        // Nothing of this process's environment: the image's build starts from none of it. HOME
        // keeps npm's cache (~/.npm), filled by the machine's own `npm ci`.
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' },
        log: (line) => timings.push(`${((Date.now() - started) / 1000).toFixed(0)} s  ${line}`),
      });
      database = await createTestDatabase();
      port = await freeLoopbackPort();
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        ...image.env,
        ...isolatedCmsEnv({
          adminEmail: 'admin@docker.test',
          adminPassword: 'Vx-Docker-Proof-7a',
          demoUserPassword: 'Vx-Docker-Demo-7a',
        }),
        ...database.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        ID_ISSUER: `http://127.0.0.1:${port}/id`,
      };
      const [command, ...args] = image.cmd!;
      const booting = Date.now();
      cms = spawn(command, args, { cwd: image.workdir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const keep = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-8000);
      };
      cms.stdout?.on('data', keep);
      cms.stderr?.on('data', keep);
      const healthy = await passesHealthcheck(image.healthcheck!.command, {
        cwd: image.workdir,
        env: { PATH: env.PATH, PORT: String(port) },
        deadline: Date.now() + 120_000,
        alive: () => cms?.exitCode === null && cms.signalCode === null,
      });
      startedIn = (Date.now() - booting) / 1000;
      exporterBuilt = existsSync(path.join(image.root, 'app/sites/clinic/dist/server/entry.mjs'));
      timings.push(`healthy ${healthy} after ${startedIn.toFixed(0)} s of start`);
      console.log(`cms/Dockerfile replayed:\n${timings.join('\n')}`);
      if (!healthy) throw new Error(`The CMS did not pass its HEALTHCHECK:\n${output}`);
    }, 12 * 60_000);

    afterAll(async () => {
      if (cms && cms.exitCode === null) {
        const exited = new Promise((resolve) => cms!.once('exit', resolve));
        cms.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (cms.exitCode === null) cms.kill('SIGKILL');
      }
      await database?.drop();
    }, 60_000);

    it('answers its HEALTHCHECK on PostgreSQL', () => {
      expect(startedIn).toBeGreaterThan(0);
    });

    it("holds the clinic sites' server build the deploys' exporter renders with", () => {
      expect(exporterBuilt).toBe(true);
    });

    it('loads the plugins: VixenHealth ID answers discovery, metrics its /metrics', async () => {
      const base = `http://127.0.0.1:${port}`;
      const discovery = await fetch(`${base}/id/.well-known/openid-configuration`);
      expect(discovery.status).toBe(200);
      expect((await discovery.json()).issuer).toBe(`${base}/id`);
      // Loopback without METRICS_TOKEN is answered (plugins/metrics, "System metrics").
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('process_cpu');
    });
  }
);
