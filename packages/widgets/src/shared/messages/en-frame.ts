/**
 * English texts of the iframe route (`/embed/<widget>`) and its sign-in window; part of the
 * `en` catalog.
 */
export const enFrame = {
  'frame.signInPrompt': 'Sign in to vote, comment and share.',
  'frame.signIn': 'Sign in',
  'frame.signInAgain': 'Your sign-in expired. Sign in again to keep taking part.',
  'frame.popupBlocked': 'Your browser blocked the sign-in window. Allow pop-ups for this site, then choose Sign in again.',
  'frame.signedIn': 'Signed in.',
  'signIn.title': 'Sign in',
  'signIn.heading': 'Sign in',
  'signIn.intro': 'Choose how to sign in. This window closes by itself when you are done.',
  'signIn.withProvider': 'Sign in with {provider}',
  'signIn.demoHeading': 'Demo people (development only)',
  'signIn.demoAs': 'Continue as {name}, {unit}',
  'signIn.redirecting': 'Taking you to your organisation’s sign-in page…',
  'signIn.working': 'Signing you in…',
  'signIn.done': 'You are signed in. You can close this window.',
  'signIn.failed': 'Sign-in did not complete: {reason}',
  'signIn.noMethod':
    'This community has no sign-in for embedded pages yet. Ask the site’s administrators to set a sign-in client on its OpenID Connect provider.',
  'signIn.noOpener': 'Open this window from the Sign in button on the page you came from.',
  'signIn.stateMismatch': 'the answer from the sign-in page did not match this window’s request. Start again from the widget.',
  'signIn.unavailable':
    'signing in with this provider is not possible right now. Try again shortly; if it keeps failing, tell the site’s administrators.',
  'signIn.serverError': 'something went wrong on our side (reference {requestId}). Try again shortly.',
} as const;
