/**
 * Audit with CloudTrail: Example Corp's working day replayed against the real KMS (working-day.ts),
 * then read the way an auditor reads it. The audit log beside the diagram is the engine's own
 * CloudTrail log (the 'audit-log' panel); the learner answers questions from it, and the checks
 * grade each answer against the same events (trail.ts), never against a hand-written key.
 *
 * The day is drawn compactly (one message and one note per call): S3's own steps were the subject
 * of lesson 2, so its object store runs on a network of its own whose events are not shown.
 */
import { createKms, explainDecision, isKmsError, type CloudTrailEvent, type Input, type RecordedDecision } from '../../src/kms/index';
import { TERMINAL_EVENT, terminalAction, terminalLineOf } from '../../src/lessons/terminal-action';
import { defineScenario, type ScenarioEvent, type ScenarioTerminal } from '../../src/lessons/types';
import { auditLogPanels } from '../../src/lessons/panels/audit-log-panel';
import { createEventStream, type Payload } from '../../src/sim/core/events';
import { createNetwork } from '../../src/sim/network/network';
import { heldKeyPayload, metadataPayload } from '../../src/sim/network/payloads';
import { callKms, ObjectStore } from '../../src/sim/storage';
import { utf8 } from '../../src/sim/tls/bytes';
import { createWorld, SANDBOX_ACCOUNT, SANDBOX_WORLD } from '../../src/sim/world';
import { eventMentions, failedCalls, matchingEventNames, objectArn, refusedWith, shortPrincipal, whoDecrypted, writeEvents, encryptionContextOf, eventNames } from './trail';
import { HR_BUCKET, PAYROLL_NOVEMBER, PEOPLE, REGION, replayDay, SHARED_BUCKET, KEY_ALIASES, USER_AGENTS, type DayEntry, type KeyAlias, type Person } from './working-day';
import { dispatchByType } from '../../src/lessons/dispatch-by-type';

export const NOVEMBER_PAYROLL_ARN = objectArn(HR_BUCKET, PAYROLL_NOVEMBER);
/** What an EventBridge rule for "someone is taking a key away" would match (step "beyond-the-event-history"). */
export const ALARM_EVENT_NAMES = ['DisableKey', 'ScheduleKeyDeletion', 'PutKeyPolicy'] as const;
export const MAX_CONTEXT_CHARS = 200;
export const MAX_PLAINTEXT_CHARS = 400;
/** The file in the terminal's home directory (step "context-is-logged"), and what it holds. */
export const ORDER_NOTE_FILE = 'order-note.txt';
export const ORDER_NOTE = 'Order A-1045: ring the bell twice';
const TERMINAL_FILES = { [ORDER_NOTE_FILE]: ORDER_NOTE };
/** Where Alice's own calls come from (the sandbox world's address for her). */
const ALICE_IP = SANDBOX_WORLD.accounts[0].users?.find((u) => `arn:aws:iam::${SANDBOX_ACCOUNT}:user/${u.name}` === PEOPLE.alice)?.sourceIp;

const ACTORS = { alice: 'alice', bob: 'bob', carol: 'carol', app: 'app', dave: 'dave', s3: 's3', kms: 'kms', trail: 'trail' } as const;

/** Who the learner may name in step "who-decrypted": the day's people, S3 itself, or nobody. */
export const READER_CHOICES = {
  nobody: 'Nobody has decrypted it',
  s3: 'Amazon S3 (s3.amazonaws.com)',
  alice: 'alice (administrator)',
  bob: 'bob (developer)',
  carol: 'carol (key administrator)',
  app: 'the web server (assumed-role/AppServer/i-0a1b2c3d4e5f67890)',
  dave: 'dave (Partner Corp)',
} as const;
export type ReaderChoice = keyof typeof READER_CHOICES;

export interface ContextCall {
  key: string;
  value: string;
  plaintext: string;
  /** The Encrypt's CloudTrail event, when KMS logged one. */
  eventID?: string;
  errorCode?: string;
}

export interface AuditState {
  /** The KMS's CloudTrail log, oldest first: the engine's own array, read only. */
  trail: readonly CloudTrailEvent[];
  /** Every access decision a logged call made (the "Why?" of each event). */
  decisionsOf(eventID: string): RecordedDecision[];
  /** How many events the working day left in the log (0 until it is replayed). */
  dayEvents: number;
  /** Named events of the day (working-day.ts `mark`) → eventID. */
  marks: Record<string, string>;
  /** Marks of the events a step opened field by field. */
  opened: string[];
  /** Each answer to "who decrypted payroll/2026-11.csv?", with the log's length when it was given. */
  readerAnswers: { answer: ReaderChoice; trailLength: number }[];
  /** Each answer to "how many calls were refused with AccessDeniedException?". */
  refusalAnswers: { count: number; trailLength: number }[];
  writesShown: boolean;
  contextCalls: ContextCall[];
  /** eventIDs an EventBridge rule on ALARM_EVENT_NAMES would have matched, once listed. */
  alarmMatches?: string[];
  /** Key state by alias, for the diagram. */
  keyStates: Record<string, string>;
  /** Key ARNs by alias, once the day has created them. */
  keyArns: Partial<Record<KeyAlias, string>>;
  /** Lines the learner ran in the terminal (as Alice), with their exit status. */
  terminalLines: { line: string; exitCode: number }[];
}

export function validReader(raw: string | undefined): ReaderChoice {
  if (raw !== undefined && raw in READER_CHOICES) return raw as ReaderChoice;
  throw new Error('Choose who decrypted the file.');
}

export function validCount(raw: string | undefined): number {
  const count = Number((raw ?? '').trim());
  if ((raw ?? '').trim() === '' || !Number.isInteger(count) || count < 0) throw new Error('Type a whole number of calls, 0 or more.');
  return count;
}

function validField(raw: string | undefined, what: string, max: number): string {
  const value = (raw ?? '').trim();
  if (value === '') throw new Error(`Type the ${what}.`);
  if (value.length > max) throw new Error(`Keep the ${what} to ${max} characters.`);
  return value;
}

/** Whether an answer names the principals the log says decrypted the object (up to the moment of the answer). */
export function readerAnswerMatches(trail: readonly CloudTrailEvent[], answer: ReaderChoice): boolean {
  const readers = whoDecrypted(trail, NOVEMBER_PAYROLL_ARN);
  if (answer === 'nobody') return readers.length === 0;
  if (answer === 's3') return false; // S3 calls KMS, but always as the person whose request it serves
  return readers.length === 1 && readers[0] === PEOPLE[answer];
}

const clockText = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
const outcomeText = (e: CloudTrailEvent) => e.errorCode ?? 'succeeded';
const via = (e: CloudTrailEvent) => (e.userIdentity.invokedBy ? ` via ${e.userIdentity.invokedBy}` : '');

/** The fields of one event a learner reads first, as the diagram shows them. */
function fieldsOf(e: CloudTrailEvent): Payload[] {
  const fields: [string, unknown][] = [
    ['eventSource', e.eventSource],
    ['eventName', e.eventName],
    ['eventTime', e.eventTime],
    ['userIdentity.type', e.userIdentity.type],
    ['userIdentity.arn', e.userIdentity.arn],
    ...(e.userIdentity.invokedBy ? [['userIdentity.invokedBy', e.userIdentity.invokedBy] as [string, unknown]] : []),
    ['sourceIPAddress', e.sourceIPAddress],
    ['requestParameters', e.requestParameters],
    ['responseElements', e.responseElements],
    ['resources[0].ARN', e.resources?.[0]?.ARN ?? '(none)'],
    ['readOnly', e.readOnly],
    ...(e.errorCode ? [['errorCode', e.errorCode] as [string, unknown], ['errorMessage', e.errorMessage] as [string, unknown]] : []),
  ];
  return fields.map(([label, value]) => metadataPayload(label, typeof value === 'string' ? value : JSON.stringify(value)));
}

export default defineScenario<AuditState>({
  async create({ rng, clock, stream }) {
    const world = createWorld();
    const kms = createKms({ clock, rng: rng.fork(), accountId: SANDBOX_ACCOUNT, principalExists: (arn) => world.principalExists(arn) });
    const net = createNetwork({ stream, clock, rng });
    // S3's inner steps are lesson 2's subject: here they run on a wire of their own, not drawn.
    const s3Wire = createNetwork({ stream: createEventStream(() => clock.now()), clock, rng: rng.fork() });
    const store = await ObjectStore.create({ net: s3Wire, kms, region: REGION, accountId: SANDBOX_ACCOUNT, actors: { service: ACTORS.s3, kms: ACTORS.kms, disk: 'disk' } });
    store.createBucket(HR_BUCKET, { algorithm: 'aws:kms', kmsKeyId: 'alias/payroll' });
    store.createBucket(SHARED_BUCKET, { algorithm: 'aws:kms' });

    const state: AuditState = {
      trail: kms.audit.events,
      decisionsOf: (id) => kms.audit.decisionsOf(id),
      dayEvents: 0,
      marks: {},
      opened: [],
      readerAnswers: [],
      refusalAnswers: [],
      writesShown: false,
      contextCalls: [],
      keyStates: {},
      keyArns: {},
      terminalLines: [],
    };
    const refreshKeyStates = () => {
      for (const key of kms.keys({ accountId: SANDBOX_ACCOUNT, region: REGION })) {
        const alias = KEY_ALIASES.find((a) => key.aliases.includes(`alias/${a}`));
        if (alias) state.keyStates[alias] = String(key.metadata.KeyState);
      }
    };

    /** A direct call's context as `who`: their own address and user agent (S3 builds its own for calls it makes). */
    const contextOf = (who: Person) => {
      world.actAs(PEOPLE[who]);
      return { ...world.callContext(), userAgent: USER_AGENTS[who] };
    };
    const callAs = async (who: Person, operation: string, input: Input) => {
      try {
        return await kms.call(operation, input, contextOf(who));
      } catch (error) {
        if (!isKmsError(error)) throw error;
        return undefined; // the refusal is in the log, which is what this lesson reads
      }
    };

    /** One entry of the day on the diagram: who asked whom, then each KMS event it left, as KMS logged it. */
    const drawEntry = (entry: DayEntry, from: number) => {
      const logged = kms.audit.events.slice(from);
      const throughS3 = logged.some((e) => e.userIdentity.invokedBy);
      const label = throughS3
        ? logged.map((e) => `${e.eventName === 'GenerateDataKey' ? 'PutObject' : 'GetObject'} ${encryptionContextOf(e)['aws:s3:arn']?.split('/').slice(1).join('/') ?? ''}`)[0]
        : logged.map((e) => `kms:${e.eventName}`).join(', ');
      const summary = (e: CloudTrailEvent) => `${clockText(e.eventTime)} ${e.eventName} by ${shortPrincipal(e.userIdentity.arn)}${via(e)}: ${outcomeText(e)}`;
      // What KMS logged rides on the message; only failures get a note of their own, so a day stays short to read.
      net.send({
        from: ACTORS[entry.who], to: throughS3 ? ACTORS.s3 : ACTORS.kms, label,
        carries: [metadataPayload('what', `${entry.when.date} ${entry.when.time}: ${entry.says}`), ...logged.map((e) => metadataPayload('logged', summary(e)))],
        wire: utf8(label),
      });
      for (const e of logged.filter((x) => x.errorCode)) net.note(ACTORS.kms, summary(e), { tone: 'danger' });
      if (entry.mark && logged.length) state.marks[entry.mark] = logged[logged.length - 1].eventID;
    };

    /** Alice's terminal, built the first time a step offers it (see 'open-terminal'). */
    let terminal: ScenarioTerminal | undefined;

    const eventOf = (mark: string): CloudTrailEvent => {
      const found = state.trail.find((e) => e.eventID === state.marks[mark]);
      if (!found) throw new Error(`audit-with-cloudtrail: no event marked "${mark}"`);
      return found;
    };

    const handlers: Record<string, (event: ScenarioEvent) => Promise<void>> = {
      async 'replay-day'() {
        if (state.dayEvents > 0) return;
        const memo = await replayDay(kms, clock, {
          kms: (who, operation, input) => callAs(who, operation, input),
          async s3(who, request) {
            const caller = world.caller(PEOPLE[who]);
            if (request.kind === 'put') await store.putObject({ bucket: request.bucket, key: request.key, caller, body: utf8(request.body ?? '') });
            else await store.getObject({ bucket: request.bucket, key: request.key, caller });
          },
        }, drawEntry);
        state.keyArns = memo.keys;
        state.dayEvents = kms.audit.events.length;
        refreshKeyStates();
        net.send({
          from: ACTORS.kms, to: ACTORS.trail, label: `${state.dayEvents} CloudTrail events`,
          carries: [metadataPayload('events', String(state.dayEvents)), metadataPayload('failed calls', String(failedCalls(state.trail).length))],
          wire: utf8(`${state.dayEvents} events`),
        });
      },
      async 'show-event'(event) {
        const mark = String(event.mark);
        const e = eventOf(mark);
        net.note(ACTORS.trail, `${e.eventName} by ${shortPrincipal(e.userIdentity.arn)}${via(e)} at ${clockText(e.eventTime)}, field by field`, { carries: fieldsOf(e) });
        if (!state.opened.includes(mark)) state.opened.push(mark);
      },
      async 'answer-reader'(event) {
        const answer = validReader(typeof event.answer === 'string' ? event.answer : undefined);
        state.readerAnswers.push({ answer, trailLength: state.trail.length });
        const right = readerAnswerMatches(state.trail, answer);
        const readers = whoDecrypted(state.trail, NOVEMBER_PAYROLL_ARN);
        net.note(ACTORS.trail, right
          ? `Yes: the only Decrypt that succeeded with encryption context aws:s3:arn = ${NOVEMBER_PAYROLL_ARN} is by ${shortPrincipal(readers[0])}, through S3`
          : `Not what the log says: "${READER_CHOICES[answer]}" does not match the successful Decrypt events whose encryption context names ${NOVEMBER_PAYROLL_ARN}. Filter by event name Decrypt and read each requestParameters.encryptionContext`, { tone: right ? 'success' : 'warning' });
      },
      async 'count-refusals'(event) {
        const count = validCount(typeof event.count === 'string' ? event.count : String(event.count));
        state.refusalAnswers.push({ count, trailLength: state.trail.length });
        const refused = refusedWith(state.trail, 'AccessDeniedException');
        const right = refused.length === count;
        net.note(ACTORS.trail, right
          ? `Yes: ${count} calls carry errorCode AccessDeniedException. Open each one's "Why?" to see the decision`
          : `Not what the log says. Set the error code filter to AccessDeniedException (not "Any error": a disabled key is not a refusal) and count`, { tone: right ? 'success' : 'warning' });
        if (!right) return;
        for (const e of refused) {
          const decision = kms.audit.decisionOf(e.eventID);
          net.note(ACTORS.kms, `${clockText(e.eventTime)} ${e.eventName} by ${shortPrincipal(e.userIdentity.arn)}${via(e)}: ${decision ? explainDecision(decision.result) : 'refused before any access decision'}`, { tone: 'danger' });
        }
      },
      async 'read-only-and-management'() {
        const writes = writeEvents(state.trail);
        const reads = state.trail.filter((e) => e.readOnly);
        net.note(ACTORS.trail, `readOnly: false (the call changed a key or an alias): ${writes.length} events, ${eventNames(writes).join(', ')}`, { carries: writes.map((e) => metadataPayload(e.eventName, `${clockText(e.eventTime)} by ${shortPrincipal(e.userIdentity.arn)}`)) });
        net.note(ACTORS.trail, `readOnly: true (the call read or used a key): ${reads.length} events, ${eventNames(reads).join(', ')}`);
        const allManagement = state.trail.every((e) => e.managementEvent && e.eventCategory === 'Management');
        net.note(ACTORS.trail, `eventCategory of every KMS event here: ${allManagement ? 'Management' : 'mixed'}. KMS has no data events: Encrypt and Decrypt are management events too`);
        state.writesShown = true;
      },
      async 'log-context'(event) {
        const key = validField(typeof event.key === 'string' ? event.key : undefined, 'context key', MAX_CONTEXT_CHARS);
        const value = validField(typeof event.value === 'string' ? event.value : undefined, 'context value', MAX_CONTEXT_CHARS);
        const plaintext = validField(typeof event.plaintext === 'string' ? event.plaintext : undefined, 'plaintext', MAX_PLAINTEXT_CHARS);
        const context = { [key]: value };
        clock.advance(60_000);
        const request = [metadataPayload('KeyId', 'alias/app-secrets'), metadataPayload('EncryptionContext', JSON.stringify(context)), metadataPayload('Plaintext', plaintext)];
        const encrypted = await callKms({ net, kms, from: ACTORS.app, kmsActor: ACTORS.kms, operation: 'Encrypt', input: { KeyId: 'alias/app-secrets', Plaintext: utf8(plaintext), EncryptionContext: context }, context: contextOf('app'), request, response: () => [metadataPayload('CiphertextBlob', '(the encrypted order note)')] });
        const call: ContextCall = { key, value, plaintext, ...(encrypted.audit ? { eventID: encrypted.audit.eventID } : {}), ...(encrypted.ok ? {} : { errorCode: encrypted.error.code }) };
        state.contextCalls.push(call);
        if (encrypted.ok) {
          await callKms({ net, kms, from: ACTORS.app, kmsActor: ACTORS.kms, operation: 'Decrypt', input: { CiphertextBlob: encrypted.output.CiphertextBlob, EncryptionContext: context }, context: contextOf('app'), request: [metadataPayload('EncryptionContext', JSON.stringify(context))], response: () => [metadataPayload('Plaintext', '(the order note, to the web server only)')] });
        }
        const logged = encrypted.audit;
        if (!logged) return;
        const seen = encryptionContextOf(logged)[key] === value;
        const leaked = eventMentions(logged, plaintext);
        net.send({ from: ACTORS.kms, to: ACTORS.trail, label: 'Encrypt event', carries: [metadataPayload('requestParameters.encryptionContext', JSON.stringify(encryptionContextOf(logged))), metadataPayload('plaintext in the event', leaked ? 'yes' : 'no')], wire: utf8(JSON.stringify(logged)) });
        net.note(ACTORS.trail, seen
          ? `The Encrypt event holds "${key}": "${value}" in plaintext, readable by everyone who can read the log${leaked ? '; and your plaintext too, because the context repeats it' : '; the plaintext itself is not in the event'}`
          : `The Encrypt event's context does not hold "${key}"`, { tone: seen ? 'warning' : 'info' });
      },
      async 'open-terminal'() {
        if (terminal) return;
        // The shell and its aws command are large: they load only when a step offers the terminal.
        const [{ createShell }, { createScenarioTerminal }] = await Promise.all([import('../../src/cli/index'), import('../../src/lessons/terminal')]);
        terminal = createScenarioTerminal(createShell({ kms, clock, caller: () => world.caller(PEOPLE.alice), sourceIp: () => ALICE_IP, region: REGION, files: TERMINAL_FILES }));
      },
      async [TERMINAL_EVENT](event) {
        await handlers['open-terminal'](event);
        const line = terminalLineOf(event);
        const from = kms.audit.events.length;
        const ran = await terminal!.run(line);
        state.terminalLines.push({ line, exitCode: ran.exitCode });
        net.note(ACTORS.alice, `$ ${line.length > 120 ? `${line.slice(0, 118)}…` : line}  (exit status ${ran.exitCode})`, { tone: ran.exitCode === 0 ? 'info' : 'warning' });
        for (const e of kms.audit.events.slice(from)) {
          const context = encryptionContextOf(e);
          net.send({ from: ACTORS.alice, to: ACTORS.kms, label: `kms:${e.eventName}`, carries: [metadataPayload('logged', `${clockText(e.eventTime)} ${e.eventName} by ${shortPrincipal(e.userIdentity.arn)}: ${outcomeText(e)}`), ...(Object.keys(context).length ? [metadataPayload('encryptionContext', JSON.stringify(context))] : [])], wire: utf8(e.eventName) });
          // An Encrypt with a context of the learner's own counts for the step, as the form's does.
          const [key] = Object.keys(context);
          if (e.eventName === 'Encrypt' && key !== undefined) state.contextCalls.push({ key, value: context[key], plaintext: ORDER_NOTE, eventID: e.eventID, ...(e.errorCode ? { errorCode: e.errorCode } : {}) });
        }
      },
      async 'alarm-rule'() {
        clock.advance(60_000);
        // ScheduleKeyDeletion takes a key id or key ARN, never an alias.
        const keyId = state.keyArns.exports;
        if (!keyId) throw new Error('audit-with-cloudtrail: the day has not created the exports key');
        await callKms({ net, kms, from: ACTORS.carol, kmsActor: ACTORS.kms, operation: 'ScheduleKeyDeletion', input: { KeyId: keyId, PendingWindowInDays: 30 }, context: contextOf('carol'), request: [metadataPayload('KeyId', `${keyId} (alias/exports)`), metadataPayload('PendingWindowInDays', '30')], response: (out) => [metadataPayload('DeletionDate', String(out.DeletionDate))] });
        refreshKeyStates();
        const matches = matchingEventNames(state.trail, ALARM_EVENT_NAMES);
        state.alarmMatches = matches.map((e) => e.eventID);
        net.note(ACTORS.trail, `An EventBridge rule on ${ALARM_EVENT_NAMES.join(', ')} would have matched ${matches.length} events: ${matches.map((e) => `${e.eventName} by ${shortPrincipal(e.userIdentity.arn)} at ${clockText(e.eventTime)}`).join('; ')} (the rule and its alarm are not simulated)`, { tone: 'warning' });
      },
    };

    return {
      state,
      get terminal() {
        return terminal;
      },
      dispatch: dispatchByType(handlers, 'audit-with-cloudtrail'),
    };
  },

  // The terminal's files; its shell is built lazily, in the step that offers it.
  terminal: { files: TERMINAL_FILES },

  actions: {
    terminal: terminalAction(),
    'answer-reader': {
      label: 'Answer from the log',
      description: `Who decrypted ${PAYROLL_NOVEMBER}? The check compares your answer with the successful Decrypt events whose encryption context names the object.`,
      fields: [{ name: 'answer', label: `Who decrypted ${PAYROLL_NOVEMBER}`, kind: 'select', default: 'nobody', options: (Object.keys(READER_CHOICES) as ReaderChoice[]).map((value) => ({ value, label: READER_CHOICES[value] })) }],
      toEvent: (input) => ({ type: 'answer-reader', answer: validReader(input.answer) }),
    },
    'count-refusals': {
      label: 'Check the count',
      description: 'How many calls did KMS refuse with AccessDeniedException? The check counts the events with that errorCode.',
      fields: [{ name: 'count', label: 'Calls refused with AccessDeniedException', kind: 'number', default: '0' }],
      toEvent: (input) => ({ type: 'count-refusals', count: String(validCount(input.count)) }),
    },
    'log-context': {
      label: 'Encrypt and read the log',
      description: 'The web server encrypts your text with alias/app-secrets and the encryption context you choose, then decrypts it; read the Encrypt event that KMS logged.',
      fields: [
        { name: 'key', label: 'Encryption context key', kind: 'text', default: 'customer-card', maxLength: MAX_CONTEXT_CHARS },
        { name: 'value', label: 'Encryption context value', kind: 'text', default: '4111 1111 1111 1111', maxLength: MAX_CONTEXT_CHARS },
        { name: 'plaintext', label: 'Plaintext to encrypt', kind: 'text', default: 'Order A-1043: leave the parcel with the neighbour', maxLength: MAX_PLAINTEXT_CHARS },
      ],
      toEvent: (input) => ({
        type: 'log-context',
        key: validField(input.key, 'context key', MAX_CONTEXT_CHARS),
        value: validField(input.value, 'context value', MAX_CONTEXT_CHARS),
        plaintext: validField(input.plaintext, 'plaintext', MAX_PLAINTEXT_CHARS),
      }),
    },
  },

  checks: {
    dayReplayed: {
      description: 'The working day is in the log: uploads and downloads through S3, the web server\'s calls, refusals and a disabled key',
      test: (state) => state.dayEvents > 0 && failedCalls(state.trail).length > 0 && state.trail.some((e) => e.userIdentity.invokedBy),
    },
    eventRead: {
      description: 'The web server\'s Decrypt at start-up, opened field by field',
      test: (state) => state.opened.includes('app-decrypts-password'),
    },
    serviceCallRead: {
      description: 'A Decrypt S3 made on alice\'s behalf, opened field by field',
      test: (state) => state.opened.includes('alice-reads-october'),
    },
    readerFound: {
      description: `Name who decrypted ${PAYROLL_NOVEMBER}, as the log says`,
      test: (state) => state.readerAnswers.some((a) => readerAnswerMatches(state.trail.slice(0, a.trailLength), a.answer)),
    },
    refusalsCounted: {
      description: 'Count the calls KMS refused with AccessDeniedException, as the log says',
      test: (state) => state.refusalAnswers.some((a) => a.count === refusedWith(state.trail.slice(0, a.trailLength), 'AccessDeniedException').length),
    },
    writesSeparated: {
      description: 'The log split into calls that changed a key (readOnly false) and calls that only used or read one',
      test: (state) => state.writesShown,
    },
    contextLogged: {
      description: 'Encrypt with an encryption context of your own, and find its value in plaintext in the logged event (and the plaintext not there)',
      test: (state) => state.contextCalls.some((c) => {
        const logged = state.trail.find((e) => e.eventID === c.eventID);
        return Boolean(logged && !logged.errorCode && encryptionContextOf(logged)[c.key] === c.value && !eventMentions(logged, c.plaintext));
      }),
    },
    alarmEventsListed: {
      description: 'The events an EventBridge rule on DisableKey, ScheduleKeyDeletion and PutKeyPolicy would match',
      test: (state) => (state.alarmMatches?.length ?? 0) > 0,
    },
  },

  panels: auditLogPanels({ title: 'CloudTrail event history: KMS', hideUntilFirstEvent: true }),

  holdings(state) {
    return {
      // Key ids as the audit log's rows and filters name them, beside the aliases people know.
      kms: Object.entries(state.keyStates).map(([alias, keyState]) => heldKeyPayload(`alias/${alias}: key ${state.keyArns[alias as KeyAlias]?.split('/').pop() ?? '?'} (${keyState})`)),
      trail: [metadataPayload('KMS events', String(state.trail.length)), metadataPayload('failed calls', String(failedCalls(state.trail).length))],
    };
  },

  notSimulated: [
    'Trails, delivery to S3 and the 90-day event history: the log here keeps every event of the lesson, at once. In AWS, event history shows the last 90 days of management events; a trail delivers log files to an S3 bucket, typically within about 15 minutes.',
    'CloudTrail Lake, Amazon Athena queries and CloudWatch Logs metric filters: the filters of the audit log stand in for a query.',
    'EventBridge rules and alarms: the lesson lists the events such a rule would match, but no rule runs and no notification is sent.',
    'Cross-account calls: AWS logs a call like dave\'s in both accounts (his and the key owner\'s); here the one log holds it once, with his account as recipientAccountId.',
    'additionalEventData (keyMaterialId and similar), eventVersion changes and the "AWS Internal" values some service calls show are not reproduced.',
    'S3\'s own steps (reading the disk, encrypting the object) run without being drawn: lesson 2 shows them. S3\'s data events (GetObject, PutObject) are not logged here.',
    'S3 Bucket Keys: with them on, S3 sends the bucket\'s ARN as encryption context and calls KMS far less often; here every upload and download calls KMS with the object\'s ARN.',
  ],
});
