/** What the server tells the sign-in window (a JSON data block in the page, never script). */
export interface SignInOptions {
  tenant: string;
  /** OpenID Connect providers with a sign-in client (authorization code + PKCE, public client). */
  providers: SignInProvider[];
  /** Development only: the seeded demo people, signed in with the dev token endpoint. */
  demoUsers: { key: string; name: string; businessUnit: string }[];
  /** The origin the token goes to when not Bridgekit's own (the admin console), checked by the server. */
  opener?: string | null;
}

export interface SignInProvider {
  id: string;
  label: string;
  issuer: string;
  clientId: string;
  /** Space-separated scopes to ask for, e.g. `api://bridgekit/access_as_user`. */
  scope: string;
}

export const SIGN_IN_OPTIONS_ID = 'bk-sign-in-options';
/** The redirect URI to register with the identity provider, relative to Bridgekit's origin. */
export const SIGN_IN_CALLBACK_PATH = '/embed/sign-in/callback';
