import type { OpenAPIV3_1 } from 'openapi-types';

/**
 * The part of ID's discovery document (OpenID Connect Discovery 1.0, RFC 8414) its reference is
 * built from: which endpoints it serves, and what each accepts.
 */
export interface IdDiscovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  revocation_endpoint?: string;
  introspection_endpoint?: string;
  end_session_endpoint?: string;
  scopes_supported?: string[];
  response_types_supported: string[];
  response_modes_supported?: string[];
  grant_types_supported?: string[];
  code_challenge_methods_supported?: string[];
  token_endpoint_auth_methods_supported?: string[];
  claims_supported?: string[];
  prompt_values_supported?: string[];
}

/** Not `PathItemObject`: openapi-types 12 crosses 3.1 path items with 3.0 operations. */
type IdPathItem = { servers: OpenAPIV3_1.ServerObject[] } & {
  [method in 'get' | 'post']?: OpenAPIV3_1.OperationObject;
};

/** What ID adds to the platform's OpenAPI description. */
export interface IdOpenApi {
  /** Relative to the issuer's path, which each path item names as its server. */
  paths: Record<string, IdPathItem>;
  securitySchemes: Record<string, OpenAPIV3_1.SecuritySchemeObject>;
  schemas: Record<string, OpenAPIV3_1.SchemaObject>;
}

export const ID_DISCOVERY_PATH = '/.well-known/openid-configuration';
/** ID's own JSON endpoint beside oidc-provider's, under the issuer's path. */
export const ID_REVOCATION_LIST_PATH = '/revocations';

const TAG = 'VixenHealth ID';
const CLIENT_AUTH = 'idClientSecretBasic';
const ACCESS_TOKEN = 'idAccessToken';

/** A string field: a plain schema, which OpenAPI 3.0 and 3.1 spell alike. */
interface TextSchema {
  type: 'string';
  description: string;
  enum?: string[];
}

const text = (description: string, values?: string[]): TextSchema => ({
  type: 'string',
  description,
  ...(values && values.length > 0 ? { enum: values } : {}),
});

const json = (schema: OpenAPIV3_1.SchemaObject | OpenAPIV3_1.ReferenceObject) => ({
  'application/json': { schema },
});

const oauthError = (description: string): OpenAPIV3_1.ResponseObject => ({
  description,
  content: json({ $ref: '#/components/schemas/IdOAuthError' }),
});

const form = (
  required: string[],
  properties: Record<string, TextSchema>
): OpenAPIV3_1.RequestBodyObject => {
  const schema: OpenAPIV3_1.SchemaObject = { type: 'object', required, properties };
  return { required: true, content: { 'application/x-www-form-urlencoded': { schema } } };
};

const query = (
  name: string,
  schema: TextSchema,
  required = false
): OpenAPIV3_1.ParameterObject => ({ name, in: 'query', required, schema });

/** Client authentication at the token, revocation and introspection endpoints. */
const clientAuthentication = (discovery: IdDiscovery) => {
  const methods = discovery.token_endpoint_auth_methods_supported ?? [];
  // `{}`: a public client (PKCE) authenticates with its `client_id` alone.
  const security: OpenAPIV3_1.SecurityRequirementObject[] = [
    { [CLIENT_AUTH]: [] },
    ...(methods.includes('none') ? [{}] : []),
  ];
  return {
    security,
    fields: {
      client_id: text('The client, when it does not authenticate with HTTP Basic.'),
      ...(methods.includes('client_secret_post')
        ? { client_secret: text('`client_secret_post`: the secret in the body instead.') }
        : {}),
    },
    note: `Client authentication: ${methods.map((method) => `\`${method}\``).join(', ')}.`,
  };
};

const TOKEN_RESPONSE: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  required: ['access_token', 'token_type', 'expires_in'],
  properties: {
    access_token: {
      type: 'string',
      description: 'A JWT for the CMS API (`Authorization: Bearer`).',
    },
    token_type: { type: 'string', enum: ['Bearer'] },
    expires_in: { type: 'integer', description: 'Seconds.' },
    id_token: { type: 'string', description: 'With the `openid` scope.' },
    refresh_token: { type: 'string', description: 'With the `offline_access` scope.' },
    scope: { type: 'string' },
  },
};

const OAUTH_ERROR: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  description: 'An OAuth 2.0 error (RFC 6749 §5.2).',
  required: ['error'],
  properties: {
    error: { type: 'string', examples: ['invalid_request', 'invalid_grant', 'invalid_client'] },
    error_description: { type: 'string' },
  },
};

const item = (
  server: string,
  method: 'get' | 'post',
  operation: OpenAPIV3_1.OperationObject
): IdPathItem => ({
  servers: [{ url: server }],
  [method]: { tags: [TAG], ...operation },
});

/**
 * ID's endpoints as OpenAPI operations, built from its discovery document: one per endpoint it
 * serves, with the standard OAuth 2.0 / OpenID Connect parameters and the values it supports.
 * ID is served by oidc-provider ahead of Strapi's router, which therefore does not describe it.
 */
export const idOpenApi = (discovery: IdDiscovery): IdOpenApi => {
  const server = new URL(discovery.issuer).pathname.replace(/\/$/, '');
  const pathOf = (endpoint: string) => new URL(endpoint).pathname.slice(server.length);
  const client = clientAuthentication(discovery);
  const paths: Record<string, IdPathItem> = {
    [ID_DISCOVERY_PATH]: item(server, 'get', {
      operationId: 'id/get/discovery',
      summary: 'Discovery document',
      description: 'OpenID Connect Discovery 1.0: the endpoints below and what they accept.',
      security: [],
      responses: {
        '200': {
          description: "ID's metadata.",
          content: json({
            type: 'object',
            required: ['issuer'],
            properties: { issuer: { type: 'string' } },
          }),
        },
      },
    }),
    [pathOf(discovery.jwks_uri)]: item(server, 'get', {
      operationId: 'id/get/jwks',
      summary: 'Signing keys (JWKS)',
      description: 'The public keys that verify ID tokens and access tokens (RFC 7517).',
      security: [],
      responses: {
        '200': {
          description: 'A JSON Web Key Set.',
          content: json({
            type: 'object',
            required: ['keys'],
            properties: { keys: { type: 'array', items: { type: 'object' } } },
          }),
        },
      },
    }),
    [ID_REVOCATION_LIST_PATH]: item(server, 'get', {
      operationId: 'id/get/revocations',
      summary: 'Revoked access tokens',
      description:
        'The access tokens (`jti`) and grants (`gid`) revoked before their JWTs expire, each with the time (`exp`) after which no token it names is valid anyway: for services that verify tokens offline. The values are random ids or hashes of them, and name no one.',
      security: [],
      responses: {
        '200': {
          description: 'The revocations in force.',
          content: json({
            type: 'object',
            required: ['revoked'],
            properties: {
              revoked: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['exp'],
                  properties: {
                    jti: { type: 'string' },
                    gid: { type: 'string' },
                    exp: { type: 'integer', description: 'Seconds since the epoch.' },
                  },
                },
              },
            },
          }),
        },
      },
    }),
    [pathOf(discovery.authorization_endpoint)]: item(server, 'get', {
      operationId: 'id/get/authorization',
      summary: 'Authorization (sign-in)',
      description:
        'Where a browser is sent to sign in (authorization code flow with PKCE). ID answers with its sign-in and consent pages, then redirects to `redirect_uri` with `code` and `state`.',
      security: [],
      parameters: [
        query('client_id', text('The client.'), true),
        query('redirect_uri', text("One of the client's registered redirect URIs."), true),
        query('response_type', text('The flow.', discovery.response_types_supported), true),
        query(
          'scope',
          text(`Space-separated: ${(discovery.scopes_supported ?? []).join(', ')}.`),
          true
        ),
        query('state', text('Echoed back to the client against CSRF.')),
        query('nonce', text('Echoed in the ID token.')),
        query('code_challenge', text('PKCE (RFC 7636), required.'), true),
        query(
          'code_challenge_method',
          text('PKCE method.', discovery.code_challenge_methods_supported),
          true
        ),
        query(
          'prompt',
          text('Ask again for sign-in or consent.', discovery.prompt_values_supported)
        ),
        query(
          'response_mode',
          text('How the result is returned.', discovery.response_modes_supported)
        ),
      ],
      responses: {
        '303': {
          description: 'To the sign-in page, or back to `redirect_uri` with `code` or `error`.',
        },
        '400': { description: 'An error page, when the client or its redirect URI is unknown.' },
      },
    }),
    [pathOf(discovery.token_endpoint)]: item(server, 'post', {
      operationId: 'id/post/token',
      summary: 'Token',
      description: `Exchanges a code, a refresh token or client credentials for tokens. ${client.note}`,
      security: client.security,
      requestBody: form(['grant_type'], {
        grant_type: text('The grant.', discovery.grant_types_supported),
        code: text('`authorization_code`: the code from the redirect.'),
        redirect_uri: text('`authorization_code`: the same as in the authorization request.'),
        code_verifier: text('`authorization_code`: the PKCE verifier.'),
        refresh_token: text('`refresh_token`: the refresh token.'),
        scope: text('`client_credentials` and `refresh_token`: the scopes asked for.'),
        ...client.fields,
      }),
      responses: {
        '200': { description: 'The tokens.', content: json(TOKEN_RESPONSE) },
        '400': oauthError('A bad grant or request.'),
        '401': oauthError('The client did not authenticate.'),
      },
    }),
  };
  if (discovery.userinfo_endpoint) {
    paths[pathOf(discovery.userinfo_endpoint)] = item(server, 'get', {
      operationId: 'id/get/userinfo',
      summary: 'UserInfo',
      description: "The signed-in person's claims the access token's scopes allow.",
      security: [{ [ACCESS_TOKEN]: [] }],
      responses: {
        '200': {
          description: 'Claims.',
          content: json({
            type: 'object',
            required: ['sub'],
            properties: Object.fromEntries(
              (discovery.claims_supported ?? ['sub']).map((claim) => [claim, {}])
            ),
          }),
        },
        '401': oauthError('No valid access token.'),
      },
    });
  }
  if (discovery.revocation_endpoint) {
    paths[pathOf(discovery.revocation_endpoint)] = item(server, 'post', {
      operationId: 'id/post/revocation',
      summary: 'Revocation',
      description: `Revokes a refresh or access token (RFC 7009). ${client.note}`,
      security: client.security,
      requestBody: form(['token'], {
        token: text('The token.'),
        token_type_hint: text('Its kind.', ['access_token', 'refresh_token']),
        ...client.fields,
      }),
      responses: {
        '200': { description: 'Revoked, or unknown: the answer does not say which.' },
        '400': oauthError('A bad request.'),
        '401': oauthError('The client did not authenticate.'),
      },
    });
  }
  if (discovery.introspection_endpoint) {
    paths[pathOf(discovery.introspection_endpoint)] = item(server, 'post', {
      operationId: 'id/post/introspection',
      summary: 'Introspection',
      description: `Whether a token is active, and its claims (RFC 7662); a client learns only of its own tokens unless it is a resource server. ${client.note}`,
      security: client.security,
      requestBody: form(['token'], {
        token: text('The token.'),
        token_type_hint: text('Its kind.', ['access_token', 'refresh_token']),
        ...client.fields,
      }),
      responses: {
        '200': {
          description: "The token's state.",
          content: json({
            type: 'object',
            required: ['active'],
            properties: {
              active: { type: 'boolean' },
              sub: { type: 'string' },
              client_id: { type: 'string' },
              scope: { type: 'string' },
              exp: { type: 'integer' },
            },
          }),
        },
        '400': oauthError('A bad request.'),
        '401': oauthError('The client did not authenticate.'),
      },
    });
  }
  if (discovery.end_session_endpoint) {
    paths[pathOf(discovery.end_session_endpoint)] = item(server, 'get', {
      operationId: 'id/get/end-session',
      summary: 'Sign-out',
      description:
        'RP-initiated logout: ID asks the person to confirm, ends their session and returns to `post_logout_redirect_uri`.',
      security: [],
      parameters: [
        query('id_token_hint', text('The ID token the client holds.')),
        query('client_id', text('The client, without `id_token_hint`.')),
        query('post_logout_redirect_uri', text("One of the client's registered URIs.")),
        query('state', text('Echoed back.')),
      ],
      responses: {
        '200': { description: 'The sign-out confirmation page (HTML).' },
        '400': { description: 'An error page.' },
      },
    });
  }
  return {
    paths,
    securitySchemes: {
      [CLIENT_AUTH]: {
        type: 'http',
        scheme: 'basic',
        description: "`client_secret_basic`: the client's id and secret.",
      },
      [ACCESS_TOKEN]: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'An access token issued by ID.',
      },
    },
    schemas: { IdOAuthError: OAUTH_ERROR },
  };
};
