import type { Context } from 'koa';
import type Provider from 'oidc-provider';

/**
 * A sign-in whose password was right, waiting for its second step. Kept in the oidc-provider
 * interaction itself (its `result`), which only the browser holding the interaction's signed
 * cookie can reach and which expires with it; no `login` in it, so resuming the authorization
 * early signs nobody in.
 */
export interface PendingSecondStep {
  /** The account's documentId (oidc-provider's accountId). */
  accountId: string;
  /** What the first step proved (RFC 8176), e.g. `['pwd']`. */
  methods: string[];
  /** `verify`: a code is asked for; `enrol`: staff must set up an app first; `enrolled`: done, showing recovery codes. */
  stage: 'verify' | 'enrol' | 'enrolled';
  /** Wrong codes typed in this interaction. */
  failures: number;
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

/** The pending second step of this interaction, if its first step is done. */
export const pendingSecondStep = (details: Details): PendingSecondStep | null => {
  const pending = (details.result as { secondStep?: PendingSecondStep } | undefined)?.secondStep;
  return pending && typeof pending.accountId === 'string' ? pending : null;
};

/** Keeps `pending` in the interaction (replacing what was there). */
export const savePendingSecondStep = async (
  ctx: Context,
  provider: Provider,
  pending: PendingSecondStep
) => {
  await provider.interactionResult(
    ctx.req,
    ctx.res,
    { secondStep: pending },
    { mergeWithLastSubmission: false }
  );
};
