import { describe, expect, it, vi } from 'vitest';
import { registerOfflineWorker, UPDATE_CHECK_INTERVAL_MS, type OfflineOptions } from '../../../src/ui/offline/register';
import { SKIP_WAITING } from '../../../src/ui/offline/worker/precache-routes';

/** Just enough of a ServiceWorker, its registration and navigator.serviceWorker to drive the page side. */
class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installing';
  messages: unknown[] = [];
  postMessage(message: unknown): void {
    this.messages.push(message);
  }
  become(state: ServiceWorkerState): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  update = vi.fn(async () => undefined);
  /** A new sw.js was found: it installs and then waits (as the real worker does, without skipWaiting). */
  findUpdate(): FakeWorker {
    const worker = new FakeWorker();
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
    this.installing = null;
    this.waiting = worker;
    worker.become('installed');
    return worker;
  }
}

class FakeContainer extends EventTarget {
  controller: object | null;
  registration = new FakeRegistration();
  registered: { url: string; scope: string | undefined }[] = [];
  refuse = false;
  /** A blocker's register() that resolves to nothing. */
  hollow = false;
  constructor(controlled: boolean) {
    super();
    this.controller = controlled ? {} : null;
  }
  async register(url: URL, options?: RegistrationOptions): Promise<FakeRegistration> {
    if (this.refuse) throw new DOMException('Only secure origins are allowed', 'SecurityError');
    if (this.hollow) return undefined as unknown as FakeRegistration;
    this.registered.push({ url: url.href, scope: options?.scope });
    return this.registration;
  }
  changeController(): void {
    this.controller = {};
    this.dispatchEvent(new Event('controllerchange'));
  }
}

function setUp(container: FakeContainer | undefined, extra: Partial<OfflineOptions> = {}) {
  const offers: (() => void)[] = [];
  const reload = vi.fn();
  const options: OfflineOptions = {
    container: container as unknown as ServiceWorkerContainer | undefined,
    workerUrl: new URL('https://courses.example/kms-lab/sw.js'),
    onUpdateReady: (apply) => offers.push(apply),
    reload,
    ...extra,
  };
  return { offers, reload, start: () => registerOfflineWorker(options) };
}

describe('registerOfflineWorker', () => {
  it('registers sw.js with the folder the app is served from as its scope', async () => {
    const container = new FakeContainer(false);
    const { start } = setUp(container);
    expect(await start()).toBe(container.registration);
    expect(container.registered).toEqual([{ url: 'https://courses.example/kms-lab/sw.js', scope: 'https://courses.example/kms-lab/' }]);
  });

  it('does nothing, and throws nothing, where service workers are missing or refused', async () => {
    expect(await setUp(undefined).start()).toBeUndefined();
    const refusing = new FakeContainer(false);
    refusing.refuse = true;
    expect(await setUp(refusing).start()).toBeUndefined();
    const hollow = new FakeContainer(true);
    hollow.hollow = true;
    const { offers, start } = setUp(hollow);
    expect(await start()).toBeUndefined();
    hollow.changeController();
    expect(offers).toEqual([]);
  });

  it('does not offer the first install as a new version, nor reload when it takes control', async () => {
    const container = new FakeContainer(false);
    const { offers, reload, start } = setUp(container);
    await start();
    const first = new FakeWorker();
    container.registration.installing = first;
    container.registration.dispatchEvent(new Event('updatefound'));
    first.become('installed');
    container.changeController();
    expect(offers).toEqual([]);
    expect(reload).not.toHaveBeenCalled();
  });

  it('offers a new version found while the page runs, and reloads only after the learner applies it', async () => {
    const container = new FakeContainer(true);
    const { offers, reload, start } = setUp(container);
    await start();
    const next = container.registration.findUpdate();
    expect(offers).toHaveLength(1);
    expect(next.messages).toEqual([]);
    expect(reload).not.toHaveBeenCalled();

    offers[0]!();
    expect(next.messages).toEqual([{ type: SKIP_WAITING }]);
    expect(reload).not.toHaveBeenCalled();
    container.changeController();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('offers a version that was already waiting when the page opened', async () => {
    const container = new FakeContainer(true);
    container.registration.waiting = new FakeWorker();
    const { offers, start } = setUp(container);
    await start();
    expect(offers).toHaveLength(1);
  });

  it('when another tab took the new version, offers a plain reload instead of reloading by itself', async () => {
    const container = new FakeContainer(true);
    const { offers, reload, start } = setUp(container);
    await start();
    container.changeController();
    expect(reload).not.toHaveBeenCalled();
    expect(offers).toHaveLength(1);
    offers[0]!();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('checks for a deploy when a long-hidden tab is shown again, at most every half hour', async () => {
    const container = new FakeContainer(true);
    let time = 0;
    const visibility = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
    const { start } = setUp(container, { visibility: visibility as unknown as Document, now: () => time });
    await start();
    const show = () => visibility.dispatchEvent(new Event('visibilitychange'));
    time = 60_000;
    show();
    expect(container.registration.update).not.toHaveBeenCalled();
    time = UPDATE_CHECK_INTERVAL_MS + 1;
    show();
    expect(container.registration.update).toHaveBeenCalledTimes(1);
    time += 1000;
    show();
    expect(container.registration.update).toHaveBeenCalledTimes(1);
  });
});
