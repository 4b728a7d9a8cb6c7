import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Static checks of docker-compose.yml and the CMS Dockerfile. No container engine runs in CI, so a
 * broken reference there would otherwise only show up on the first `docker compose up`.
 */

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  ports?: unknown[];
  environment?: Record<string, unknown> | string[];
  env_file?: string | (string | { path: string })[];
  volumes?: string[];
  secrets?: string[];
  command?: string[];
}

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

const compose = parse(read('docker-compose.yml')) as {
  services: Record<string, ComposeService>;
  secrets?: Record<string, { environment?: string; file?: string }>;
};
const services = compose.services;

/** KEY=value lines of an env file; comments and blank lines skipped. */
const parseEnvFile = (text: string): Map<string, string> => {
  const entries = new Map<string, string>();
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) throw new Error(`.env.example: not a KEY=value line: ${line}`);
    entries.set(match[1], match[2]);
  }
  return entries;
};

const envExample = parseEnvFile(read('.env.example'));

// ${VAR}, ${VAR:-default}, ${VAR:?message}... and bare $VAR; `$$` is compose's literal $.
const VARIABLE = /(?<!\$)\$(?:\{([A-Za-z_]\w*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_]\w*))/g;

/** Every string compose interpolates: the values of the parsed file, so comments are left out. */
const stringValues = (node: unknown): string[] => {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(stringValues);
  if (node && typeof node === 'object') return Object.values(node).flatMap(stringValues);
  return [];
};

const referencedVariables = (): Set<string> => {
  const names = new Set<string>();
  for (const value of stringValues(compose)) {
    for (const match of value.matchAll(VARIABLE)) names.add(match[1] ?? match[4]);
  }
  return names;
};

/** What compose makes of a value on a fresh `.env`: defaults where given, else .env.example. */
const interpolate = (value: string): string =>
  value.replace(VARIABLE, (_, braced, operator, operand, bare) => {
    const name = braced ?? bare;
    if (operator === ':-' || operator === '-') return operand;
    return envExample.get(name) ?? '';
  });

// [ip:]host:container[/protocol], the short syntax; both ports required so none is left random.
const PORT_MAPPING = /^(?:(\d{1,3}(?:\.\d{1,3}){3}):)?(\d+):(\d+)(?:\/(tcp|udp))?$/;

const portMappings = (service: ComposeService) =>
  (service.ports ?? []).map((port) => {
    const text = interpolate(String(port));
    const match = PORT_MAPPING.exec(text);
    return { text, host: Number(match?.[2]), container: Number(match?.[3]), valid: !!match };
  });

const isPort = (port: number) => Number.isInteger(port) && port >= 1 && port <= 65535;

const buildOf = (service: ComposeService) => {
  const build = typeof service.build === 'string' ? { context: service.build } : service.build;
  if (!build) return undefined;
  const context = path.resolve(ROOT, build.context ?? '.');
  // Compose resolves `dockerfile` against the context, not the compose file.
  return { context, dockerfile: path.resolve(context, build.dockerfile ?? 'Dockerfile') };
};

/** Dockerfile instructions with continuation lines joined and comments dropped. */
const dockerInstructions = (text: string) =>
  text
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...args] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args };
    });

const cmsBuild = buildOf(services.cms)!;
const cmsInstructions = () => dockerInstructions(readFileSync(cmsBuild.dockerfile, 'utf8'));

describe('docker-compose.yml services', () => {
  it('defines the database, the CMS and the mail catcher', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['postgres', 'cms', 'mailcatcher'])
    );
  });

  it('gives every service an image or a build', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.image ?? service.build, `${name} has neither image nor build`).toBeTruthy();
    }
  });
});

describe('build contexts', () => {
  it('points every build at an existing context directory and Dockerfile', () => {
    const built = Object.entries(services).filter(([, service]) => service.build);
    expect(built.map(([name]) => name)).toContain('cms');
    for (const [name, service] of built) {
      const { context, dockerfile } = buildOf(service)!;
      expect(existsSync(context) && statSync(context).isDirectory(), `${name}: ${context}`).toBe(
        true
      );
      expect(existsSync(dockerfile), `${name}: ${dockerfile}`).toBe(true);
    }
  });
});

describe('published ports', () => {
  it('maps host:container with numeric ports', () => {
    const all = Object.values(services).flatMap(portMappings);
    expect(all.length).toBeGreaterThan(0);
    for (const { text, host, container, valid } of all) {
      expect(valid, `malformed port mapping "${text}"`).toBe(true);
      expect(isPort(host) && isPort(container), `port out of range in "${text}"`).toBe(true);
    }
  });
});

describe('configuration variables', () => {
  it('interpolates only variables listed in .env.example', () => {
    const referenced = [...referencedVariables()];
    expect(referenced).toContain('POSTGRES_PASSWORD');
    const missing = referenced.filter((name) => !envExample.has(name));
    expect(missing, 'referenced in docker-compose.yml, missing from .env.example').toEqual([]);
  });

  it('sets only CMS environment variables listed in .env.example', () => {
    const environment = services.cms.environment ?? {};
    const keys = Array.isArray(environment)
      ? environment.map((entry) => entry.split('=')[0])
      : Object.keys(environment);
    expect(keys).toContain('DATABASE_URL');
    const missing = keys.filter((key) => !envExample.has(key));
    expect(missing, 'set on the cms service, missing from .env.example').toEqual([]);
  });

  it('loads the CMS environment from .env', () => {
    const envFile = services.cms.env_file;
    const files = (Array.isArray(envFile) ? envFile : [envFile]).map((entry) =>
      typeof entry === 'object' ? entry.path : entry
    );
    expect(files).toEqual(['.env']);
  });
});

describe('cms Dockerfile', () => {
  it('exposes the container port compose maps', () => {
    const exposed = cmsInstructions()
      .filter(({ keyword }) => keyword === 'EXPOSE')
      .flatMap(({ args }) => args.map((port) => Number(port.split('/')[0])));
    const mapped = portMappings(services.cms).map(({ container }) => container);
    expect(mapped.length).toBeGreaterThan(0);
    for (const port of mapped) expect(exposed).toContain(port);
  });

  it('copies only paths that exist in the build context', () => {
    const copies = cmsInstructions().filter(
      ({ keyword, args }) =>
        (keyword === 'COPY' || keyword === 'ADD') && !args.some((arg) => arg.startsWith('--from'))
    );
    expect(copies.length).toBeGreaterThan(0);
    for (const { args } of copies) {
      // Flags first, destination last: what remains are the sources.
      const sources = args.filter((arg) => !arg.startsWith('--')).slice(0, -1);
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        const resolved = path.resolve(cmsBuild.context, source);
        expect(existsSync(resolved), `COPY source ${source} not found at ${resolved}`).toBe(true);
      }
    }
  });
});

/** `host:container[:mode]` bind mounts of a service, the host side resolved in the repository. */
const bindMounts = (service: ComposeService) =>
  (service.volumes ?? [])
    .map((volume) => volume.split(':'))
    .filter(([source]) => source.startsWith('./'))
    .map(([source, target]) => ({ source: path.resolve(ROOT, source), target }));

const environmentOf = (service: ComposeService) => {
  const environment = service.environment ?? {};
  return Array.isArray(environment)
    ? Object.fromEntries(environment.map((entry) => entry.split(/=(.*)/s).slice(0, 2)))
    : (environment as Record<string, unknown>);
};

describe('system metrics: Prometheus and Grafana', () => {
  const mountOf = (service: string, target: string) =>
    bindMounts(services[service]).find((mount) => mount.target === target);

  it('runs both from pinned images', () => {
    for (const name of ['prometheus', 'grafana']) {
      expect(services[name]?.image, name).toMatch(/^[\w./-]+:v?\d+\.\d+\.\d+$/);
    }
  });

  it('gives the CMS a required METRICS_TOKEN, and Prometheus the same one as a secret file', () => {
    expect(String(environmentOf(services.cms).METRICS_TOKEN)).toMatch(/^\$\{METRICS_TOKEN:\?/);
    expect(services.prometheus.secrets).toContain('metrics_token');
    expect(compose.secrets?.metrics_token).toEqual({ environment: 'METRICS_TOKEN' });

    const mount = mountOf('prometheus', '/etc/prometheus/prometheus.yml');
    expect(mount?.source).toBe(path.join(ROOT, 'deploy/prometheus/prometheus.yml'));
    expect(services.prometheus.command).toContain('--config.file=/etc/prometheus/prometheus.yml');
    const config = parse(readFileSync(mount!.source, 'utf8'));
    const [job] = config.scrape_configs;
    expect(job.metrics_path).toBe('/metrics');
    expect(job.authorization).toEqual({
      type: 'Bearer',
      credentials_file: '/run/secrets/metrics_token',
    });
    // The CMS's service name and the port it listens on inside the stack.
    expect(job.static_configs[0].targets).toEqual([
      `cms:${portMappings(services.cms)[0].container}`,
    ]);
  });

  it('provisions Grafana with the Prometheus data source and the dashboards folder', () => {
    const provisioning = mountOf('grafana', '/etc/grafana/provisioning');
    expect(provisioning?.source).toBe(path.join(ROOT, 'deploy/grafana/provisioning'));
    const datasources = parse(read('deploy/grafana/provisioning/datasources/prometheus.yml'));
    const [prometheus] = datasources.datasources;
    expect(prometheus).toMatchObject({ type: 'prometheus', url: 'http://prometheus:9090' });

    const providers = parse(read('deploy/grafana/provisioning/dashboards/vixenhealth.yml'));
    const folder = providers.providers[0].options.path as string;
    const dashboards = mountOf('grafana', folder);
    expect(dashboards?.source).toBe(path.join(ROOT, 'deploy/grafana/dashboards'));

    const dashboard = JSON.parse(read('deploy/grafana/dashboards/vixenhealth-system.json'));
    expect(dashboard.uid).toBeTruthy();
    type Panel = { type: string; title: string; targets?: { datasource: { uid: string } }[] };
    const panels = (dashboard.panels as Panel[]).filter((panel) => panel.type !== 'row');
    expect(panels.length).toBeGreaterThan(10);
    for (const panel of panels) {
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) expect(target.datasource.uid).toBe(prometheus.uid);
    }
  });

  it("keeps Grafana's admin password out of the file", () => {
    const password = String(environmentOf(services.grafana).GF_SECURITY_ADMIN_PASSWORD);
    expect(password).toMatch(/^\$\{GRAFANA_ADMIN_PASSWORD:\?/);
    expect(envExample.get('GRAFANA_ADMIN_PASSWORD')).toBe('');
    expect(envExample.get('METRICS_TOKEN')).toBe('');
  });
});
