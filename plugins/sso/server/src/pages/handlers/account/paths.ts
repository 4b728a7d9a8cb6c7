/** The account pages' addresses below the issuer's path (`base`, e.g. `/id`). */
export const accountPaths = (base: string) => ({
  /** Also the path of the account pages' cookies. */
  overview: `${base}/account`,
  callback: `${base}/account/callback`,
  profile: `${base}/account/profile`,
  password: `${base}/account/password`,
  signOutEverywhere: `${base}/account/sign-out-everywhere`,
  remove: `${base}/account/delete`,
  linked: `${base}/account/linked`,
  linkUpstream: `${base}/account/linked/start`,
  unlinkUpstream: `${base}/account/linked/unlink`,
  passkeys: `${base}/account/passkeys`,
  /** Ends support's impersonation of this person (the banner's button). */
  impersonationEnd: `${base}/account/impersonation/end`,
  twoStep: `${base}/account/two-step`,
  twoStepStart: `${base}/account/two-step/start`,
  twoStepConfirm: `${base}/account/two-step/confirm`,
  twoStepRemove: `${base}/account/two-step/remove`,
});

export type AccountPaths = ReturnType<typeof accountPaths>;
