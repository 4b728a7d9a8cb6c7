import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Static checks of docker-compose.yml and the CMS Dockerfile. No container engine runs in CI, so a
 * broken reference there would otherwise only show up on the first `docker compose up`.
 */

interface ComposeHealthcheck {
  test?: string | string[];
  disable?: boolean;
}

interface ComposeService {
  image?: string;
  working_dir?: string;
  healthcheck?: ComposeHealthcheck;
  depends_on?: string[] | Record<string, { condition?: string }>;
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

describe('the whole platform', () => {
  it('runs every server of the platform, its stores, the proxy and the backup', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining([
        'postgres',
        'redis',
        'cms',
        'portal',
        'sites',
        'deploys',
        'docs',
        'proxy',
        'backup',
        'mailcatcher',
        'prometheus',
        'grafana',
      ])
    );
  });

  it('gives every service a health check', () => {
    for (const [name, service] of Object.entries(services)) {
      const test = service.healthcheck?.test;
      expect(service.healthcheck?.disable, name).not.toBe(true);
      expect(
        Array.isArray(test) ? test.length > 1 : Boolean(test),
        `${name} has no healthcheck`
      ).toBe(true);
      if (Array.isArray(test)) expect(['CMD', 'CMD-SHELL'], name).toContain(test[0]);
    }
  });

  it('checks the health of our own servers on the port each listens on inside the stack', () => {
    const built = Object.entries(services).filter(([, service]) => service.build);
    for (const [name, service] of built.filter(([name]) => name !== 'backup')) {
      const check = [service.healthcheck?.test ?? []].flat().join(' ');
      const port = Number(/http:\/\/127\.0\.0\.1:(\d+)\//.exec(check)?.[1]);
      const listening = Number(environmentOf(service).PORT ?? portMappings(service)[0]?.container);
      expect(port, `${name}: ${check}`).toBe(listening);
      expect(
        portMappings(service).map(({ container }) => container),
        name
      ).toContain(port);
    }
  });

  it('starts a service only once what it depends on is healthy', () => {
    for (const [name, service] of Object.entries(services)) {
      const dependsOn = service.depends_on ?? {};
      expect(Array.isArray(dependsOn), `${name}: depends_on without conditions`).toBe(false);
      for (const [dependency, { condition }] of Object.entries(dependsOn)) {
        expect(services[dependency], `${name} depends on a missing ${dependency}`).toBeDefined();
        expect(condition, `${name} → ${dependency}`).toBe('service_healthy');
      }
    }
    const dependencies = (name: string) => Object.keys(services[name].depends_on ?? {});
    expect(dependencies('cms')).toEqual(expect.arrayContaining(['postgres', 'redis']));
    for (const name of ['portal', 'sites', 'docs']) expect(dependencies(name)).toContain('cms');
    expect(dependencies('proxy')).toEqual(
      expect.arrayContaining(['cms', 'portal', 'sites', 'docs'])
    );
    expect(dependencies('backup')).toContain('postgres');
  });

  it('gives the CMS Redis, the clinic sites server and the deploys volume inside the stack', () => {
    const cms = environmentOf(services.cms);
    expect(cms.REDIS_URL).toBe('redis://redis:6379');
    expect(cms.CLINIC_SITES_URL).toBe('http://sites:4322');
    const deploys = String(cms.SITE_DEPLOYS_DIR);
    expect(services.cms.volumes).toContain(`site-deploys:${deploys}`);
    // The deploys run the clinic sites' exporter beside the CMS: the image builds it.
    expect(read('cms/Dockerfile')).toContain('npm run build --workspace sites/clinic');
    expect(services.deploys.volumes).toContain(
      `site-deploys:${environmentOf(services.deploys).SITE_DEPLOYS_DIR}:ro`
    );
  });
});

describe('every Dockerfile compose builds', () => {
  const built = Object.entries(services).flatMap(([name, service]) => {
    const build = buildOf(service);
    return build ? [{ name, ...build }] : [];
  });

  it('copies only paths that exist in the build context', () => {
    expect(new Set(built.map(({ dockerfile }) => dockerfile)).size).toBeGreaterThanOrEqual(2);
    for (const { name, context, dockerfile } of built) {
      const copies = dockerInstructions(readFileSync(dockerfile, 'utf8')).filter(
        ({ keyword, args }) =>
          (keyword === 'COPY' || keyword === 'ADD') && !args.some((arg) => arg.startsWith('--from'))
      );
      expect(copies.length, name).toBeGreaterThan(0);
      for (const { args } of copies) {
        for (const source of args.filter((arg) => !arg.startsWith('--')).slice(0, -1)) {
          expect(existsSync(path.resolve(context, source)), `${name}: COPY ${source}`).toBe(true);
        }
      }
    }
  });

  it('passes only the build arguments the Dockerfile declares', () => {
    for (const [name, service] of Object.entries(services)) {
      if (typeof service.build !== 'object' || !('args' in service.build)) continue;
      const declared = dockerInstructions(readFileSync(buildOf(service)!.dockerfile, 'utf8'))
        .filter(({ keyword }) => keyword === 'ARG')
        .map(({ args }) => args[0].split('=')[0]);
      const args = (service.build as { args: Record<string, string> }).args;
      for (const arg of Object.keys(args)) expect(declared, `${name}: ${arg}`).toContain(arg);
    }
  });

  it('runs our servers from the working directory and entry file the image has', () => {
    const sites = readFileSync(path.join(ROOT, 'sites/Dockerfile'), 'utf8');
    for (const name of ['portal', 'sites', 'deploys', 'docs']) {
      const service = services[name];
      const [node, entry] = service.command ?? [];
      expect(node, name).toBe('node');
      const inRepository = path.join(ROOT, service.working_dir!.replace(/^\/app\//, ''), entry);
      // dist/ is made by the image's build: its workspace must be built there.
      if (entry.startsWith('dist/')) {
        const workspace = path.relative(ROOT, inRepository).split('/dist/')[0];
        expect(sites, name).toContain(`npm run build --workspace ${workspace}`);
      } else {
        expect(existsSync(inRepository), `${name}: ${inRepository}`).toBe(true);
      }
    }
  });
});

describe('backup', () => {
  it('runs the CMS image with the database, what it backs up, and the backups volume', () => {
    const backup = services.backup;
    expect(buildOf(backup)).toEqual(cmsBuild);
    expect(backup.image).toBe(services.cms.image);
    expect(backup.working_dir).toBe('/app/cms');
    expect(backup.command).toEqual(['node', 'backup/daily.mjs']);
    const env = environmentOf(backup);
    expect(env.DATABASE_URL).toBe(environmentOf(services.cms).DATABASE_URL);
    expect(env.BACKUP_DIR).toBe('/app/backups');
    expect(String(env.BACKUP_ENCRYPTION_KEY)).toMatch(/^\$\{BACKUP_ENCRYPTION_KEY:\?/);
    expect(backup.volumes).toEqual(
      expect.arrayContaining([
        'uploads:/app/cms/public/uploads:ro',
        'private-uploads:/app/cms/private-uploads:ro',
        'site-deploys:/app/deploys:ro',
        'backups:/app/backups',
      ])
    );
  });

  it("dumps a PostgreSQL no newer than the CMS image's pg_dump (bookworm: 15)", () => {
    expect(services.postgres.image).toBe('postgres:15-alpine');
    const runtime = read('cms/Dockerfile')
      .split(/^FROM /m)
      .at(-1)!;
    expect(runtime).toMatch(/^node:\d+-bookworm/);
    expect(runtime).toMatch(/apt-get install[^\n]*postgresql-client/);
  });
});

/** The Caddyfile's sites: their addresses (after `{$VAR}` substitution) and where they proxy to. */
const caddySites = (env: Record<string, string>) => {
  const text = read('deploy/caddy/Caddyfile')
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n')
    .replace(/\{\$([A-Z_][A-Z0-9_]*)\}/g, (_, name: string) => env[name] ?? '');
  return [...text.matchAll(/^([^\s{][^{\n]*?)\s*\{\n([\s\S]*?)^\}/gm)].map(
    ([, addresses, body]) => ({
      addresses: addresses.split(/,\s*/).map((address) => address.trim()),
      upstream: /reverse_proxy\s+(\S+)/.exec(body)?.[1],
    })
  );
};

/** The site a request of `url` lands on: an address naming its host (and path), else a catch-all. */
const routeOf = (sites: ReturnType<typeof caddySites>, url: string) => {
  const { protocol, hostname, pathname } = new URL(url);
  const matches = (address: string) => {
    if (address === `${protocol}//` || address === ':80') return protocol === 'http:';
    const parsed = new URL(address.includes('://') ? address : `https://${address}`);
    const path = parsed.pathname.replace(/\*$/, '');
    return parsed.hostname === hostname && pathname.startsWith(path);
  };
  const specific = sites.find((site) => site.addresses.some((a) => a.includes('.') && matches(a)));
  return (specific ?? sites.find((site) => site.addresses.some(matches)))?.upstream;
};

describe('the reverse proxy (deploy/caddy/Caddyfile)', () => {
  const proxyEnv = environmentOf(services.proxy) as Record<string, string>;
  /** What the proxy is given with production values in .env. */
  const production: Record<string, string> = {
    PUBLIC_URL: 'https://api.vixenhealth.ru',
    ID_ISSUER: 'https://id.vixenhealth.ru/id',
    PORTAL_URL: 'https://vixenhealth.ru',
    DOCS_URL: 'https://docs.vixenhealth.ru',
  };

  it('is mounted into the proxy and given every variable it names, from .env', () => {
    const mount = bindMounts(services.proxy).find(
      ({ target }) => target === '/etc/caddy/Caddyfile'
    );
    expect(mount?.source).toBe(path.join(ROOT, 'deploy/caddy/Caddyfile'));
    const named = [...read('deploy/caddy/Caddyfile').matchAll(/\{\$([A-Z_][A-Z0-9_]*)\}/g)].map(
      (match) => match[1]
    );
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(proxyEnv[name], name).toBe(`\${${name}}`);
    expect(portMappings(services.proxy).map(({ container }) => container)).toEqual(
      expect.arrayContaining([80, 443])
    );
  });

  it('proxies every site to a service of the stack, on the port it listens on', () => {
    const sites = caddySites(production);
    expect(sites.length).toBeGreaterThanOrEqual(5);
    for (const { addresses, upstream } of sites) {
      const [service, port] = (upstream ?? '').split(':');
      expect(services[service], `${addresses.join(', ')} → ${upstream}`).toBeDefined();
      const listening = Number(environmentOf(services[service]).PORT ?? 0);
      expect(Number(port), upstream).toBe(listening);
    }
  });

  it('routes each public host to its server, and every other host to the clinic sites', () => {
    const sites = caddySites(production);
    expect(routeOf(sites, 'https://api.vixenhealth.ru/api/clinics')).toBe('cms:1337');
    expect(routeOf(sites, 'https://api.vixenhealth.ru/admin')).toBe('cms:1337');
    expect(routeOf(sites, 'https://id.vixenhealth.ru/id/.well-known/openid-configuration')).toBe(
      'cms:1337'
    );
    expect(routeOf(sites, 'https://vixenhealth.ru/clinics')).toBe('portal:4321');
    expect(routeOf(sites, 'https://docs.vixenhealth.ru/guides/')).toBe('docs:4323');
    expect(routeOf(sites, 'http://lisya-tropa.vixenhealth.ru/')).toBe('sites:4322');
    expect(routeOf(sites, 'http://klinika-lisa.ru/doctors')).toBe('sites:4322');
  });

  it('makes no two sites of the same address with the values of .env.example', () => {
    const example = Object.fromEntries(
      Object.keys(production).map((name) => [name, envExample.get(name) ?? ''])
    );
    const addresses = caddySites(example).flatMap((site) => site.addresses);
    expect(addresses.every(Boolean)).toBe(true);
    // Caddy refuses an ambiguous site definition: the same address twice.
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(routeOf(caddySites(example), `${envExample.get('ID_ISSUER')}/auth`)).toBe('cms:1337');
  });
});
