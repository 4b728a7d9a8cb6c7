import type { UpstreamSettings } from './config';
import { readUpstreams } from './config';
import { googleUpstream } from './google';
import { oidcUpstream } from './oidc';
import type { Upstream } from './profile';
import { vkUpstream } from './vk';
import { yandexUpstream } from './yandex';

const build = (settings: UpstreamSettings): Upstream => {
  switch (settings.kind) {
    case 'google':
      return googleUpstream(settings);
    case 'yandex':
      return yandexUpstream(settings);
    case 'vk':
      return vkUpstream(settings);
    case 'oidc':
      return oidcUpstream(settings);
  }
};

/** The configured upstream providers, read from the environment once, in button order. */
export const createUpstreamRegistry = (env: NodeJS.ProcessEnv = process.env) => {
  const upstreams = readUpstreams(env).map(build);
  return {
    list: () => upstreams,
    find: (id: string) => upstreams.find((upstream) => upstream.id === id) ?? null,
  };
};

export type UpstreamRegistry = ReturnType<typeof createUpstreamRegistry>;
