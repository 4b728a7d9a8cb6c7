import { describe, expect, it } from 'vitest';

import { AccessTokenError } from '../errors';

describe('AccessTokenError', () => {
  it('carries its code, claim and cause, and is named after its class', () => {
    const cause = new Error('jose said no');
    const error = new AccessTokenError('ERR_VH_TOKEN_CLAIM', 'Bad roles.', {
      cause,
      claim: 'roles',
    });

    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'AccessTokenError',
      code: 'ERR_VH_TOKEN_CLAIM',
      claim: 'roles',
      message: 'Bad roles.',
      cause,
    });
  });

  it('has no cause or claim unless given', () => {
    const error = new AccessTokenError('ERR_VH_TOKEN_INVALID', 'No.');

    expect('cause' in error).toBe(false);
    expect(error.claim).toBeUndefined();
  });
});
