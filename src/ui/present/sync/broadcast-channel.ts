/**
 * The presentation's channel between tabs of the same origin: a BroadcastChannel (never
 * window.open or postMessage to another window, which popup blockers and origins get in the way of).
 * Where BroadcastChannel is missing the tab simply presents alone.
 */
import { PRESENT_CHANNEL, type PresentMessage } from './protocol';
import type { SyncChannel } from './present-sync';

export function openPresentChannel(name = PRESENT_CHANNEL): SyncChannel & { close(): void } {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, listen: () => () => {}, close() {} };
  const channel = new BroadcastChannel(name);
  return {
    post: (message: PresentMessage) => channel.postMessage(message),
    listen(handler) {
      const listener = (event: MessageEvent) => handler(event.data);
      channel.addEventListener('message', listener);
      return () => channel.removeEventListener('message', listener);
    },
    close: () => channel.close(),
  };
}
