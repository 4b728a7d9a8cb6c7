import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';

import type { SipCredentials } from '../../../shared/contracts';
import { onDial } from './dial';
import { SipPhone, type PhoneState } from './sip-phone';

export type Setup =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; phone: SipPhone };

const NO_STATE = () => null;
const noop = () => () => {};

/**
 * The signed-in agent's phone: reads their SIP credentials, registers, and unregisters when the
 * softphone leaves the page. Dial requests from other UI are placed on it.
 */
export const useSipPhone = () => {
  const { get } = useFetchClient();
  const audio = useRef<HTMLAudioElement>(null);
  const [setup, setSetup] = useState<Setup>({ kind: 'loading' });

  useEffect(() => {
    let phone: SipPhone | null = null;
    let cancelled = false;
    get<{ data: SipCredentials }>('/telephony/sip-account')
      .then(({ data }) => {
        if (cancelled) return;
        phone = new SipPhone(data.data, () => audio.current);
        phone.start();
        setSetup({ kind: 'ready', phone });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setSetup(
          isFetchError(error) && error.status === 404
            ? { kind: 'none' }
            : { kind: 'error', message: 'Не удалось получить учётную запись SIP' }
        );
      });
    return () => {
      cancelled = true;
      phone?.stop();
    };
  }, [get]);

  const phone = setup.kind === 'ready' ? setup.phone : null;
  useEffect(() => (phone ? onDial((target) => phone.call(target)) : undefined), [phone]);
  const state: PhoneState | null = useSyncExternalStore(
    phone?.subscribe ?? noop,
    phone ? () => phone.state : NO_STATE
  );
  return { setup, state, audio };
};
