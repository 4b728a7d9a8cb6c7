import { useStrapiApp } from '@strapi/strapi/admin';

import type { SupportZone as Zone } from '../../../shared/contracts';

interface Injected {
  name: string;
  Component: React.ComponentType<Record<string, unknown>>;
}

/** Renders what other plugins injected into one of the Support page's zones. */
export const SupportZone = ({ area, ...props }: { area: Zone } & Record<string, unknown>) => {
  const getPlugin = useStrapiApp('SupportZone', (state) => state.getPlugin);
  const [container, block] = area.split('.') as [string, string];
  const components = (getPlugin('support')?.getInjectedComponents(container, block) ??
    []) as Injected[];
  return (
    <>
      {components.map(({ name, Component }) => (
        <Component key={name} {...props} />
      ))}
    </>
  );
};
