/**
 * The contracts of the lesson engine: what a lesson folder provides (lesson.md, steps/*.md,
 * scenario.ts, quiz.ts), what the loader produces, and what the player offers to views.
 * Everything here is plain TypeScript: it runs in Node for the walkthrough replay tests.
 */
import type { ModelClock } from '../sim/core/clock';
import type { Rng } from '../sim/core/rng';
import type { EventStream, Payload, SimEvent } from '../sim/core/events';
import type { CloudTrailEvent, RecordedDecision } from '../kms/index';
import type { Shell } from '../cli/index';
import type { KeyLifecycleDiagram } from '../kms/keys/key-lifecycle-diagram';
import type { CachingResult, KmsLoadResult, OccResult, OccTimeline, StudyStrategy } from '../sim/traffic/index';

// ---------------------------------------------------------------------------------------------
// lesson.md and steps/NN-slug.md frontmatter (validated by src/lessons/schema.ts)

export type ActorKind = 'client' | 'server' | 'storage' | 'kms' | 'attacker' | 'ca' | 'service' | 'network';

export interface ActorSpec {
  /** Referenced by scenario events (`from`, `to`, `actor`) and by step `focus`. */
  id: string;
  /** Shown on the diagram and in the text twin. */
  label: string;
  kind: ActorKind;
}

export interface LessonMeta {
  /** Stable id used in URLs and saved progress; never changes once published. */
  id: string;
  title: string;
  summary: string;
  /** Exam objectives the lesson teaches, as plain sentences. */
  objectives: string[];
  estimatedMinutes: number;
  actors: ActorSpec[];
  /** Bumped when steps change meaning; saved progress and share links are keyed on it. */
  version: number;
  /** Seed for the lesson's randomness (ids, delays), so every replay is identical. */
  seed: number;
}

/** A scenario event: plain JSON, so it can be logged, replayed and stored in frontmatter. */
export interface ScenarioEvent {
  type: string;
  [field: string]: unknown;
}

/** What a learner does in a hands-on step: one of the scenario's named actions with its inputs. */
export interface LearnerAction {
  action: string;
  input?: Record<string, string>;
}

/**
 * One action in the log that built the player's current world, with the step it was taken in: the
 * learner's own, or a stored solution the player played for them (a jump over a hands-on step).
 * Share links carry these (src/lessons/share) and the player replays them (PlayerOptions.replay).
 */
export interface LoggedAction {
  stepIndex: number;
  source: 'learner' | 'solution';
  action: LearnerAction;
}

export interface StepMeta {
  /** Stable id: the deep-link id. Never reuse or rename one. */
  id: string;
  title: string;
  /** What "Next" does: scenario events dispatched when the learner enters this step. */
  send?: ScenarioEvent[];
  /** Learner actions offered in this step (names of `scenario.actions`). */
  actions?: string[];
  /** A hands-on step completes only when this named check (of `scenario.checks`) holds. */
  await?: string;
  /** The stored walkthrough: what a learner does in this step to satisfy `await`. Replayed by tests. */
  solution?: LearnerAction[];
  /** Actors and message labels the diagram highlights in this step. */
  focus?: { actors?: string[]; messages?: string[] };
  /** Ready command lines the terminal offers as chips in this step (steps that offer `terminal`). */
  chips?: string[];
  /** Markdown; shown on request in hands-on steps. */
  hint?: string;
  /** Markdown; presenter notes (every step has them). */
  notes: string;
}

// ---------------------------------------------------------------------------------------------
// scenario.ts

export interface ScenarioContext {
  seed: number;
  rng: Rng;
  clock: ModelClock;
  /** Where the world writes what happens; the player owns it and the views read it. */
  stream: EventStream;
}

export interface ActionField {
  name: string;
  label: string;
  /** 'file': a file the learner picks or drops; the input's value is a token of src/lessons/learner-files.ts. */
  kind: 'text' | 'select' | 'number' | 'file';
  default?: string;
  options?: { value: string; label: string }[];
  maxLength?: number;
}

export interface LearnerActionSpec {
  /** Button text, e.g. "Send the login". */
  label: string;
  description?: string;
  fields?: ActionField[];
  /** Turns the learner's form input into the scenario event that is dispatched (and logged for replay). */
  toEvent(input: Record<string, string>): ScenarioEvent;
}

export interface ScenarioInstance<State> {
  /** Read-only view of the world for checks and lesson-specific views. */
  readonly state: State;
  /** Applies one event to the world, emitting SimEvents into the context's stream. Must be deterministic given the seed. */
  dispatch(event: ScenarioEvent): Promise<void>;
  /** The world's terminal, when the scenario offers one (`Scenario.terminal`); its lines arrive as learner actions. */
  readonly terminal?: ScenarioTerminal;
}

/** One line the terminal ran, with what it printed. */
export interface TerminalLine {
  line: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The line ran `clear`. */
  clear?: boolean;
}

/** A shell inside a scenario's world (src/lessons/terminal.ts builds one) and the lines it has run, oldest first. */
export interface ScenarioTerminal {
  readonly shell: Shell;
  readonly lines: readonly TerminalLine[];
  run(line: string): Promise<TerminalLine>;
}

/**
 * A scenario that offers a terminal: its steps list the action `terminal` (src/lessons/terminal.ts's
 * terminalAction) and the page shows the terminal in those steps, running each line as that action.
 */
export interface ScenarioTerminalSpec {
  /** Files in the learner's home directory when the world starts, by name. */
  files: Readonly<Record<string, string | Uint8Array>>;
  /** Command lines offered as chips in every step that shows the terminal, unless the step names its own. */
  chips?: string[];
}

export interface Check<State> {
  /** Plain-language goal shown to the learner while the step waits, e.g. "Send a record the server rejects". */
  description: string;
  test(state: State, events: readonly SimEvent[]): boolean;
}

export interface Scenario<State> {
  create(ctx: ScenarioContext): Promise<ScenarioInstance<State>>;
  actions: Record<string, LearnerActionSpec>;
  checks: Record<string, Check<State>>;
  /** Who holds what right now (keys, secrets), for the diagram: actor id → payloads. */
  holdings?(state: State): Record<string, Payload[]>;
  /** KMS access decisions worth explaining right now (a refused call, say), for the decision view. */
  decisions?(state: State): ScenarioDecision[];
  /** Views of the world worth showing right now (a chart of a load run, say), in the simulation pane after the decision view. */
  panels?(state: State): ScenarioPanel[];
  /** What AWS (or the real world) does that this scenario does not simulate; shown in the UI. */
  notSimulated?: string[];
  /** The scenario's world has a terminal (its instance's `terminal`). */
  terminal?: ScenarioTerminalSpec;
}

/** One access decision the scenario's KMS made, as the engine recorded it (`kms.audit.decisionOf`). */
export interface ScenarioDecision {
  /** Stable within a run: the CloudTrail eventID of the call. */
  id: string;
  /** What the learner would ask about, e.g. "Why S3 could not decrypt the report for report-app". */
  label: string;
  decision: RecordedDecision;
}

/**
 * One view a scenario offers beside the diagram. A discriminated union on `kind`: each kind is drawn by
 * its own lazily loaded component (src/ui/player/ScenarioPanels.svelte). Plain data only, computed by
 * the scenario from its state, so panels run in Node tests and cross postMessage as they are.
 */
export type ScenarioPanel = TrafficChartPanel | AuditLogPanel | KeyLifecyclePanel | KeyPricePanel;

interface ScenarioPanelBase {
  /** Stable within a run: keys the panel in the view. */
  id: string;
  /** The panel's heading, e.g. "1,000 requests a second with no retries". */
  title: string;
}

/**
 * A chart of a traffic simulation's result (src/sim/traffic), drawn with the accessible charts of
 * src/ui/charts (each with its legend, text summary and data table) from the labs' own view models.
 */
export interface TrafficChartPanel extends ScenarioPanelBase {
  kind: 'traffic-chart';
  chart: TrafficChart;
}

/**
 * The scenario KMS's CloudTrail log, drawn by the sandbox's audit log (newest first, filters, each
 * event's JSON and its decision view).
 */
export interface AuditLogPanel extends ScenarioPanelBase {
  kind: 'audit-log';
  /** Every event so far, oldest first, as the engine logged it. */
  events: CloudTrailEvent[];
  /** The access decisions each call made, by eventID (absent: the call made none). */
  decisions: Record<string, RecordedDecision[]>;
}

/**
 * The key lifecycle drawn from the engine's key-state machine (src/kms/keys/key-lifecycle-diagram.ts),
 * with one key's current state lit and the transition that brought it there marked.
 */
export interface KeyLifecyclePanel extends ScenarioPanelBase {
  kind: 'key-lifecycle';
  diagram: KeyLifecycleDiagram;
  /** The key's state now, a node of the diagram (Deleted once the key is gone). */
  current: string;
  /** The number of the edge the key took last (absent before any transition, e.g. no key yet). */
  lastEdge?: number;
}

/** A monthly KMS bill worked out line by line (a price calculator's answer), with its total. */
export interface KeyPricePanel extends ScenarioPanelBase {
  kind: 'key-price';
  /** Each line of the bill; `usd` absent when the line is shown but not priced. */
  lines: { item: string; detail: string; usd?: number }[];
  totalUsd: number;
}

export type TrafficChart =
  /** Brooker's study: mean completion time or calls against clients, one line per strategy. */
  | { type: 'backoff-study'; metric: 'time' | 'calls'; points: OccResult[]; strategies?: StudyStrategy[] }
  /** One run of the study, write by write: the thundering herd (or its jittered spread). */
  | { type: 'backoff-timeline'; timeline: OccTimeline }
  /**
   * A KMS load run: attempts per second (successes and throttles, against the quota), latency, the
   * SDK retry quota, or adaptive mode's own send rate.
   */
  | { type: 'kms-load'; measure: 'attempts' | 'latency' | 'retry-quota' | 'adaptive-rate'; result: KmsLoadResult; quotaPerSecond: number }
  /** Data key caching: KMS calls per second with and without the cache, and the monthly bill. */
  | { type: 'caching'; result: CachingResult };

export function defineScenario<State>(scenario: Scenario<State>): Scenario<State> {
  return scenario;
}

// ---------------------------------------------------------------------------------------------
// quiz.ts

export interface QuizOption {
  id: string;
  text: string;
  /** Why this option is right or wrong (shown after answering). */
  why: string;
}

/** A fixed answer, or one the engine computes by running the scenario (so prose and engine cannot disagree). */
export type Answer<T> = T | ComputedAnswer<T>;

export interface ComputedAnswer<T> {
  /** How the answer is computed, shown to curious learners: "runs the handshake and reads what the attacker captured". */
  describe: string;
  compute(engine: QuizEngine): Promise<T>;
}

export interface QuizEngine {
  /** A fresh scenario world with the lesson's seed (or the given one), with nothing dispatched yet. */
  createScenario(seed?: number): Promise<{ instance: ScenarioInstance<unknown>; events: readonly SimEvent[] }>;
}

interface QuestionBase {
  id: string;
  prompt: string;
  /** Step ids that teach this; the quiz links back to the first. */
  refs: string[];
  /** Whole-question explanation shown after answering. */
  explanation: string;
}

export interface SingleChoiceQuestion extends QuestionBase {
  kind: 'single';
  options: QuizOption[];
  answer: Answer<string>;
}

export interface MultipleChoiceQuestion extends QuestionBase {
  kind: 'multi';
  options: QuizOption[];
  answer: Answer<string[]>;
}

export interface OrderingQuestion extends QuestionBase {
  kind: 'order';
  /** Shown in this (scrambled) order; `answer` is the correct order of ids. */
  items: QuizOption[];
  answer: Answer<string[]>;
}

export type QuizQuestion = SingleChoiceQuestion | MultipleChoiceQuestion | OrderingQuestion;

export interface Quiz {
  questions: QuizQuestion[];
}

export function defineQuiz(questions: QuizQuestion[]): Quiz {
  return { questions };
}

// ---------------------------------------------------------------------------------------------
// what the loader produces

export interface StepSummary {
  id: string;
  title: string;
  handsOn: boolean;
}

/** Loaded eagerly for the catalogue: metadata only, no scenario code. */
export interface LessonSummary extends LessonMeta {
  /** Folder name, e.g. "01-encryption-in-flight". */
  folder: string;
  /** The folder as a path from the project root, for error messages: "lessons/01-encryption-in-flight". */
  sourceDir?: string;
  order: number;
  steps: StepSummary[];
}

export interface Step extends StepMeta {
  index: number;
  /** True when the step has `await` (the learner must act); as in StepSummary. */
  handsOn: boolean;
  /** Source file, for error messages: "lessons/01-encryption-in-flight/steps/02-tls.md". */
  file: string;
  /** Body rendered from markdown at build time, raw HTML disabled (cannot inject script). */
  html: string;
  notesHtml: string;
  hintHtml?: string;
}

export interface Lesson extends LessonSummary {
  /** lesson.md body, rendered. */
  introHtml: string;
  steps: Step[];
  scenario: Scenario<any>;
  quiz: Quiz;
}

// ---------------------------------------------------------------------------------------------
// the player, as views see it (implemented by src/lessons/player.ts on an XState machine)

export type StepStatus =
  | 'replaying' // rebuilding the world from the event log (after back, go-to or reset)
  | 'narration' // a step without `await`: complete as soon as it is shown
  | 'awaiting' // a hands-on step whose check does not hold yet
  | 'complete' // the step's check holds
  | 'error'; // the scenario threw: the prose still shows, with the message

export interface PlayerSnapshot {
  lessonId: string;
  stepIndex: number;
  stepId: string;
  status: StepStatus;
  /** Every event of the world so far, in order (the diagram and its text twin render these). */
  events: readonly SimEvent[];
  /** Index into `events` where the current step's events begin (older ones are drawn dimmed). */
  stepEventsFrom: number;
  /** While awaiting: the check the learner must satisfy. */
  pendingCheck?: { id: string; description: string };
  /** Steps the learner has completed (narration steps count once shown). */
  completedSteps: readonly string[];
  /** Who holds what, from `scenario.holdings`. */
  holdings: Record<string, Payload[]>;
  /** Access decisions to explain, from `scenario.decisions` (absent when the scenario has none). */
  decisions?: ScenarioDecision[];
  /** Views to show beside the diagram, from `scenario.panels` (absent when the scenario offers none right now). */
  panels?: ScenarioPanel[];
  canNext: boolean;
  canPrevious: boolean;
  /** True while a rebuild, a step's scripted events or a learner action is in flight (commands are queued meanwhile). */
  busy?: boolean;
  error?: string;
}

export interface LessonPlayer {
  getSnapshot(): PlayerSnapshot;
  /** Called with every new snapshot; returns an unsubscribe function. */
  subscribe(listener: (snapshot: PlayerSnapshot) => void): () => void;
  next(): void;
  previous(): void;
  goTo(stepId: string): void;
  reset(): void;
  /** The learner performs one of the current step's actions; resolves when the world has applied it. */
  act(action: LearnerAction): Promise<void>;
  /** Resolves when no replay or dispatch is in flight (tests and keyboard flows wait on it). */
  settled(): Promise<PlayerSnapshot>;
  /** The scenario world's state, for lesson-specific views. */
  readonly scenarioState: unknown;
  /** The current world's terminal (a new one after each rebuild), when the scenario offers one. */
  readonly terminal: ScenarioTerminal | undefined;
  /** The actions that built the current world, oldest first (after going back: only those before that step). */
  learnerLog(): LoggedAction[];
  stop(): void;
}
