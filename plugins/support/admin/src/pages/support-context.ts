import { createContext, useContext } from 'react';

import type { SupportMeta } from '../../../shared/contracts';

export interface SupportContextValue {
  meta: SupportMeta;
  reloadMeta: () => Promise<void>;
}

export const SupportContext = createContext<SupportContextValue | null>(null);

/** The agent, groups, macros and saved views, loaded once by the Support app. */
export const useSupportMeta = () => {
  const value = useContext(SupportContext);
  if (!value) throw new Error('useSupportMeta outside the Support app');
  return value;
};
