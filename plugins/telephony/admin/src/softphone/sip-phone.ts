import { UA, WebSocketInterface } from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { RTCSessionEvent } from 'jssip/lib/UA';

import type { SipCredentials } from '../../../shared/contracts';

export type Registration = 'connecting' | 'registered' | 'unregistered' | 'failed';
export type CallPhase = 'idle' | 'incoming' | 'outgoing' | 'talking';

export interface PhoneState {
  registration: Registration;
  /** Why registration failed, for the agent; no credentials in it. */
  registrationError: string | null;
  phase: CallPhase;
  /** Who is on the other end: a display name or the user part of their address. */
  peer: string | null;
  /** When the call was answered (ms since epoch), for the timer. */
  answeredAt: number | null;
  held: boolean;
  /** A hold or resume is on its way to the other side; another must wait for it. */
  holdPending: boolean;
  muted: boolean;
  /** Why the last call ended without being answered, if it did. */
  lastEnd: string | null;
}

const IDLE_CALL = {
  phase: 'idle',
  peer: null,
  answeredAt: null,
  held: false,
  holdPending: false,
  muted: false,
} as const satisfies Partial<PhoneState>;

// Audio only; ICE servers are none because media flows between hosts that reach each other
// (a TURN server would be added here for agents behind NAT).
const MEDIA = { mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } };

/**
 * One agent's SIP user agent and the call in progress, as state a UI subscribes to. Knows no
 * React: every action is a method, every change a new `PhoneState`.
 */
export class SipPhone {
  private ua: UA;
  private session: RTCSession | null = null;
  private listeners = new Set<() => void>();
  private current: PhoneState = {
    registration: 'connecting',
    registrationError: null,
    lastEnd: null,
    ...IDLE_CALL,
  };

  constructor(
    credentials: SipCredentials,
    private readonly remoteAudio: () => HTMLAudioElement | null
  ) {
    this.ua = new UA({
      sockets: [new WebSocketInterface(credentials.wsUrl)],
      uri: credentials.sipUri,
      password: credentials.password,
      ...(credentials.authorizationUser
        ? { authorization_user: credentials.authorizationUser }
        : {}),
      ...(credentials.displayName ? { display_name: credentials.displayName } : {}),
      register: true,
      session_timers: false,
    });
    this.ua.on('registered', () =>
      this.update({ registration: 'registered', registrationError: null })
    );
    this.ua.on('unregistered', () => this.update({ registration: 'unregistered' }));
    this.ua.on('disconnected', () => this.update({ registration: 'connecting' }));
    this.ua.on('registrationFailed', ({ cause }) =>
      this.update({ registration: 'failed', registrationError: String(cause) })
    );
    this.ua.on('newRTCSession', (event: RTCSessionEvent) => this.adopt(event));
  }

  start() {
    this.ua.start();
  }

  stop() {
    this.session?.terminate();
    this.ua.stop();
  }

  get state() {
    return this.current;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Calls a number or SIP address; refused while another call is on. */
  call(target: string) {
    if (this.session || !target.trim()) return false;
    this.ua.call(target.trim(), MEDIA);
    return true;
  }

  answer() {
    if (this.current.phase === 'incoming') this.session?.answer(MEDIA);
  }

  /** Rejects a ringing call (busy here) or ends the one in progress. */
  hangUp() {
    if (!this.session) return;
    this.session.terminate(this.current.phase === 'incoming' ? { status_code: 486 } : undefined);
  }

  toggleHold() {
    if (this.current.phase !== 'talking' || !this.session || this.current.holdPending) return;
    // JsSIP ignores a hold asked for while the last one is still being negotiated.
    const settled = () => this.update({ holdPending: false });
    const started = this.current.held
      ? this.session.unhold({}, settled)
      : this.session.hold({}, settled);
    if (started) this.update({ holdPending: true });
  }

  toggleMute() {
    if (this.current.phase !== 'talking' || !this.session) return;
    if (this.current.muted) this.session.unmute({ audio: true });
    else this.session.mute({ audio: true });
  }

  sendDtmf(tone: string) {
    if (this.current.phase === 'talking' && /^[0-9*#A-D]$/.test(tone)) this.session?.sendDTMF(tone);
  }

  /** Blind transfer: the other party is asked (REFER) to call `target`, and this call ends. */
  transfer(target: string) {
    if (this.current.phase !== 'talking' || !this.session || !target.trim()) return;
    const session = this.session;
    session.refer(target.trim(), {
      eventHandlers: {
        accepted: () => {
          if (!session.isEnded()) session.terminate();
        },
      },
    });
  }

  private adopt({ session, originator, request }: RTCSessionEvent) {
    if (this.session && originator === 'remote') {
      // One call at a time: a second caller hears busy.
      session.terminate({ status_code: 486 });
      return;
    }
    if (this.session) {
      // Our own calls wait for the line to be free, so this is the call a transfer asked for:
      // it replaces the call of whoever transferred us.
      const transferring = this.session;
      this.session = null;
      if (!transferring.isEnded()) transferring.terminate();
    }
    this.session = session;
    const identity = originator === 'remote' ? request.from : request.to;
    this.update({
      ...IDLE_CALL,
      lastEnd: null,
      phase: originator === 'remote' ? 'incoming' : 'outgoing',
      peer: identity.display_name || identity.uri.user || identity.uri.toAor(),
    });
    session.on('peerconnection', ({ peerconnection }) => {
      peerconnection.addEventListener('track', (event: RTCTrackEvent) => {
        const audio = this.remoteAudio();
        if (audio) audio.srcObject = event.streams[0] ?? new MediaStream([event.track]);
      });
    });
    session.on('accepted', () => this.update({ phase: 'talking', answeredAt: Date.now() }));
    session.on('hold', () => this.update({ held: true }));
    session.on('unhold', () => this.update({ held: false }));
    session.on('refer', ({ accept }) => accept(undefined, MEDIA));
    session.on('muted', () => this.update({ muted: true }));
    session.on('unmuted', () => this.update({ muted: false }));
    const end = (cause: string | null) => {
      if (this.session !== session) return;
      this.session = null;
      const audio = this.remoteAudio();
      if (audio) audio.srcObject = null;
      this.update({ ...IDLE_CALL, lastEnd: cause });
    };
    session.on('ended', () => end(null));
    session.on('failed', ({ cause }) => end(cause));
  }

  private update(change: Partial<PhoneState>) {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener();
  }
}
