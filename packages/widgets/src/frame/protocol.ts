/**
 * The messages between an embedded Bridgekit frame (`/embed/<widget>`), the page that frames
 * it, and the sign-in window. Every sender names the exact target origin; every receiver checks
 * both `event.origin` and `event.source` before acting.
 */

/** Frame → parent: the height the frame's content needs, in CSS pixels. */
export interface ResizeMessage {
  type: 'bridgekit:resize';
  height: number;
}

/** Frame → parent: please hand over a token (`expired`: the last one was refused). */
export interface TokenRequestMessage {
  type: 'bridgekit:token-request';
  expired: boolean;
}

/** Parent or sign-in window → frame: the person's token (`null`: none to give). */
export interface TokenMessage {
  type: 'bridgekit:token';
  token: string | null;
}

/**
 * Parent → frame: the parent's script has started (it may load after the frame): tell me your
 * height again, and ask for a token if you still need one.
 */
export interface HostReadyMessage {
  type: 'bridgekit:host-ready';
}

export type FrameMessage = ResizeMessage | TokenRequestMessage | TokenMessage | HostReadyMessage;

const isRecord = (data: unknown): data is Record<string, unknown> => typeof data === 'object' && data !== null;

export function isResizeMessage(data: unknown): data is ResizeMessage {
  return isRecord(data) && data.type === 'bridgekit:resize' && typeof data.height === 'number' && Number.isFinite(data.height);
}

export function isTokenRequestMessage(data: unknown): data is TokenRequestMessage {
  return isRecord(data) && data.type === 'bridgekit:token-request' && typeof data.expired === 'boolean';
}

export function isTokenMessage(data: unknown): data is TokenMessage {
  return isRecord(data) && data.type === 'bridgekit:token' && (typeof data.token === 'string' || data.token === null);
}

export function isHostReadyMessage(data: unknown): data is HostReadyMessage {
  return isRecord(data) && data.type === 'bridgekit:host-ready';
}
