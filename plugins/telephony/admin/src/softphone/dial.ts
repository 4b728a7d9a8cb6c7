import { SOFTPHONE_DIAL_EVENT, type SoftphoneDialDetail } from '../../../shared/contracts';

/** Click-to-call: asks the agent's softphone, wherever it is on the page, to call `target`. */
export const dial = (target: string) => {
  window.dispatchEvent(
    new CustomEvent<SoftphoneDialDetail>(SOFTPHONE_DIAL_EVENT, { detail: { target } })
  );
};

/** Hears dial requests until the returned function is called. */
export const onDial = (handler: (target: string) => void) => {
  const listener = (event: Event) => {
    const { target } = (event as CustomEvent<Partial<SoftphoneDialDetail>>).detail ?? {};
    if (typeof target === 'string' && target.trim()) handler(target);
  };
  window.addEventListener(SOFTPHONE_DIAL_EVENT, listener);
  return () => window.removeEventListener(SOFTPHONE_DIAL_EVENT, listener);
};
