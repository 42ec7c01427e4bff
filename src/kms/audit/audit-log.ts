import type { CloudTrailEvent } from './cloudtrail-event.ts';

/** Append-only CloudTrail log with subscribers: the engine writes, views read. */
export class AuditLog {
  private readonly list: CloudTrailEvent[] = [];
  private readonly listeners = new Set<(event: CloudTrailEvent) => void>();

  get events(): readonly CloudTrailEvent[] {
    return this.list;
  }

  append(event: CloudTrailEvent): void {
    this.list.push(event);
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A broken view must not break KMS.
        console.error('audit subscriber failed', error);
      }
    }
  }

  subscribe(listener: (event: CloudTrailEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
