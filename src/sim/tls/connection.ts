/**
 * An established connection as one endpoint sees it: a record writer with its own direction's key
 * and a record reader with the peer's. The first record that fails to open is fatal (TLS sends
 * `bad_record_mac` and closes), so an attacker gets exactly one try per connection.
 */
import type { Bytes } from './bytes';
import { failure, type Failure } from './alerts';
import { RecordReader, RecordWriter } from './record';
import type { TrafficKeys } from './key-schedule';

export type Received = { ok: true; plaintext: Bytes; sequence: number } | (Failure & { sequence?: number });

export class Connection {
  private readonly writer: RecordWriter;
  private readonly reader: RecordReader;
  private closedBecause: string | undefined;

  constructor(write: TrafficKeys, read: TrafficKeys) {
    this.writer = new RecordWriter(write);
    this.reader = new RecordReader(read);
  }

  get isOpen(): boolean {
    return this.closedBecause === undefined;
  }

  /** Sequence numbers are implicit on the wire; exposed so the lesson can label records "#0", "#1". */
  get nextWriteSequence(): number {
    return this.writer.nextSequence;
  }

  get expectedReadSequence(): number {
    return this.reader.expectedSequence;
  }

  async protect(plaintext: Bytes): Promise<Bytes> {
    if (this.closedBecause) throw new Error(`connection is closed (${this.closedBecause})`);
    return this.writer.seal(plaintext);
  }

  async receive(record: Uint8Array): Promise<Received> {
    if (this.closedBecause) return failure('closed', 'unexpected_message', `connection is closed (${this.closedBecause})`);
    const opened = await this.reader.open(record);
    if (opened.ok) return opened;
    this.close(`fatal alert bad_record_mac after record #${opened.sequence}`);
    return { ...failure('bad-record', 'bad_record_mac', opened.reason), sequence: opened.sequence };
  }

  close(reason = 'closed by this side'): void {
    this.closedBecause ??= reason;
  }
}
