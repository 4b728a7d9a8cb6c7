/** `acr` of a sign-in by password alone (or a method ID counts as a single factor). */
export const ACR_PASSWORD = 'urn:vixenhealth:acr:pwd';
/** `acr` of a sign-in with a second factor (an app code, a recovery code, a passkey). */
export const ACR_MULTI_FACTOR = 'urn:vixenhealth:acr:mfa';

export const ACR_VALUES = [ACR_PASSWORD, ACR_MULTI_FACTOR];

/** Every `amr` value (RFC 8176) ID may put in an ID token; discovery lists them. */
export const AMR_VALUES = ['pwd', 'otp', 'mfa', 'hwk', 'swk', 'fed', 'user'] as const;

/** The methods that make a sign-in multi-factor on their own: not a password alone. */
const SECOND_FACTORS: readonly string[] = ['otp', 'hwk', 'swk', 'mfa'];

export const isMultiFactor = (methods: readonly string[]) =>
  methods.some((method) => SECOND_FACTORS.includes(method));

/** The `acr` that the methods used earn. */
export const acrOf = (methods: readonly string[]) =>
  isMultiFactor(methods) ? ACR_MULTI_FACTOR : ACR_PASSWORD;
