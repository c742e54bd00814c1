import { type CallOptions, callOf, type Transport } from './http.ts';
import type {
  FollowState,
  Inbox,
  InboxQuery,
  NotificationSettings,
  NotificationSettingsUpdate,
  Subscription,
  SubscriptionTarget,
} from './notify-types.ts';

/** The signed-in person's notifications and e-mail cadence. */
export interface NotificationsApi {
  /** Newest first, with the number of unread ones. */
  inbox(query?: InboxQuery, options?: CallOptions): Promise<Inbox>;
  /** Marks the given notifications read (or every one with `'all'`); answers the unread count left. */
  markRead(ids: string[] | 'all', options?: CallOptions): Promise<{ unread: number }>;
  settings(options?: CallOptions): Promise<NotificationSettings>;
  updateSettings(update: NotificationSettingsUpdate, options?: CallOptions): Promise<NotificationSettings>;
}

/** What the signed-in person follows. */
export interface SubscriptionsApi {
  list(options?: CallOptions): Promise<Subscription[]>;
  get(target: SubscriptionTarget, id: string, options?: CallOptions): Promise<FollowState>;
  follow(target: SubscriptionTarget, id: string, options?: CallOptions): Promise<FollowState>;
  /** Stays unfollowed: taking part again (a vote, a comment) does not subscribe again. */
  unfollow(target: SubscriptionTarget, id: string, options?: CallOptions): Promise<FollowState>;
}

export function createNotificationsApi(http: Transport): { notifications: NotificationsApi; subscriptions: SubscriptionsApi } {
  const seg = encodeURIComponent;
  const path = (target: SubscriptionTarget, id: string) => `/subscriptions/${seg(target)}/${seg(id)}`;
  return {
    notifications: {
      inbox: (query, o) =>
        http.request('GET', '/notifications', {
          query: { cursor: query?.cursor, limit: query?.limit, unread: query?.unread ? 'true' : undefined },
          signal: o?.signal,
        }),
      markRead: (ids, o) =>
        http.request('POST', '/notifications/read', {
          body: ids === 'all' ? { all: true } : { ids },
          ...callOf(o),
        }),
      settings: (o) => http.request('GET', '/notifications/settings', { signal: o?.signal }),
      updateSettings: (update, o) => http.request('PATCH', '/notifications/settings', { body: update, ...callOf(o) }),
    },
    subscriptions: {
      list: async (o) => (await http.request<{ items: Subscription[] }>('GET', '/subscriptions', { signal: o?.signal })).items,
      get: (target, id, o) => http.request('GET', path(target, id), { signal: o?.signal }),
      follow: (target, id, o) => http.request('PUT', path(target, id), { ...callOf(o) }),
      unfollow: (target, id, o) => http.request('DELETE', path(target, id), { ...callOf(o) }),
    },
  };
}
