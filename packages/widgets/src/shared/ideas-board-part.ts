/**
 * The client part an idea board and its vote controls provide ({@link usePart}): the SDK's
 * `ideasBoardPart` (the calls of their first screen), whose other calls of `boards` and `ideas`
 * (opening an idea, the form's) load the SDK's whole `ideasPart` the first time one is made.
 */
import type { Transport } from '@bridgekit/sdk/core';
import { ideasBoardPart } from '@bridgekit/sdk/parts/ideas-board';
import { partLoadFailed } from './client.ts';

type Calls = Record<string, (...args: unknown[]) => unknown>;

export const boardPart = (http: Transport) => {
  let whole: Promise<Record<string, Calls>> | undefined;
  const load = () =>
    (whole ??= import('@bridgekit/sdk/parts/ideas').then(
      (m) => m.ideasPart(http) as unknown as Record<string, Calls>,
      (cause: unknown) => {
        whole = undefined;
        throw partLoadFailed(cause);
      },
    ));
  const orWhole = <T extends object>(name: string, calls: T): T =>
    new Proxy(calls, {
      get: (target, method) =>
        typeof method !== 'string' || method in target || method === 'then'
          ? Reflect.get(target, method)
          : (...args: unknown[]) => load().then((part) => part[name]?.[method]?.(...args)),
    });
  const { boards, ideas } = ideasBoardPart(http);
  return { boards: orWhole('boards', boards), ideas: orWhole('ideas', ideas) };
};
