/**
 * Per-request state of the load simulator as growable typed arrays (struct of arrays): a minute of
 * load is about 600,000 requests, and one object each would cost more in garbage collection than the
 * simulation itself.
 */
export class RequestTable {
  size = 0;
  client = new Int32Array(0);
  operation = new Uint8Array(0);
  startedAt = new Float64Array(0);
  sentAt = new Float64Array(0);
  retries = new Int32Array(0);
  /** Cost of the request's last retry, or -1 if it never retried (the SDK refunds 1 then). */
  lastRetryCost = new Int32Array(0);
  previousDelay = new Float64Array(0);
  /** What the server answered to the attempt in flight (see AttemptOutcome in kms-load.ts). */
  outcome = new Uint8Array(0);

  constructor(initialCapacity: number) {
    this.resize(Math.max(16, initialCapacity | 0));
  }

  add(client: number, operation: number, startedAt: number): number {
    if (this.size === this.client.length) this.resize(this.size * 2);
    const id = this.size++;
    this.client[id] = client;
    this.operation[id] = operation;
    this.startedAt[id] = startedAt;
    this.sentAt[id] = startedAt;
    this.retries[id] = 0;
    this.lastRetryCost[id] = -1;
    this.previousDelay[id] = 0;
    this.outcome[id] = 0;
    return id;
  }

  private resize(capacity: number): void {
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.client = grow(this.client, (n) => new Int32Array(n));
    this.operation = grow(this.operation, (n) => new Uint8Array(n));
    this.startedAt = grow(this.startedAt, (n) => new Float64Array(n));
    this.sentAt = grow(this.sentAt, (n) => new Float64Array(n));
    this.retries = grow(this.retries, (n) => new Int32Array(n));
    this.lastRetryCost = grow(this.lastRetryCost, (n) => new Int32Array(n));
    this.previousDelay = grow(this.previousDelay, (n) => new Float64Array(n));
    this.outcome = grow(this.outcome, (n) => new Uint8Array(n));
  }
}

/** A first-in first-out line of integers (request ids waiting for a client's rate limiter). */
export class IntFifo {
  private items: number[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(value: number): void {
    this.items.push(value);
  }

  peek(): number {
    return this.items[this.head];
  }

  shift(): number {
    const value = this.items[this.head++];
    // Compact once the consumed prefix dominates, so a long run does not keep every id ever queued.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return value;
  }
}
