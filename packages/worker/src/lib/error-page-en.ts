/**
 * English texts of the page the iframe route (`/embed/<widget>`) shows a person instead of an
 * error's JSON (a wrong address in an Embed web part, say). The Worker renders it on the server,
 * so these texts are the Worker's own, not the widgets' (a German text for every key: error-page-de.ts's type).
 */
export const enFrameError = {
  'frameError.heading': 'This cannot be shown',
  'frameError.address':
    'The address of this page has a mistake. Whoever placed it here can correct it: compare it with the embed code the site’s administrators gave out.',
  'frameError.tenant':
    'The address names a community that does not exist here. Whoever placed it here can correct its tenant=… part; the site’s administrators know the right name.',
  'frameError.busy': 'There were too many requests in a short time. Wait a minute, then reload the page.',
  'frameError.server':
    'Something went wrong on our side. Reload the page in a moment; if it keeps failing, tell the site’s administrators the reference below.',
  'frameError.other': 'Tell the site’s administrators what the details below say.',
  'frameError.signInTitle': 'Sign in',
  'frameError.details': 'Details',
  'frameError.reference': 'Reference: {requestId}',
} as const;

export type FrameErrorKey = keyof typeof enFrameError;
