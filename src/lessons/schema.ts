/**
 * The lesson format, as valibot schemas. Every schema message says what is EXPECTED, in words an author
 * understands ("a list of step ids"), because it becomes the "expected …" part of the error
 * (see schema-issues.ts): `lessons/01-x/steps/02-tls.md: field "await": expected a check name, got number`.
 *
 *   lessonMetaSchema   lesson.md frontmatter            → LessonMeta
 *   stepMetaSchema     steps/NN-slug.md frontmatter      → StepMeta
 *   quizSchema         quiz.ts default export (defineQuiz) → Quiz (shape only; references are checked by references.ts)
 *   scenarioShapeSchema scenario.ts default export (defineScenario), shape only
 *   SLUG_PATTERN       ids of lessons, steps and actors
 *
 * Rules that span fields (unique ids, `await` needs `solution`…) live in build/parse-*.ts and references.ts.
 */
import * as v from 'valibot';
import type { ActorKind } from './types.ts';

/** Lowercase words joined by single hyphens: stable in URLs and saved progress. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Step ids that would collide with a route of their own. */
export const RESERVED_STEP_IDS: readonly string[] = ['quiz'];

const ACTOR_KINDS = [
  'client',
  'server',
  'storage',
  'kms',
  'attacker',
  'ca',
  'service',
  'network',
] as const satisfies readonly ActorKind[];

const text = (what: string) => v.pipe(v.string(what), v.trim(), v.minLength(1, what));
const slug = (what: string) => v.pipe(v.string(what), v.regex(SLUG_PATTERN, what));
const list = <T extends v.GenericSchema>(item: T, what: string) => v.array(item, what);
const nonEmptyList = <T extends v.GenericSchema>(item: T, what: string) =>
  v.pipe(v.array(item, what), v.minLength(1, what));

const actorSchema = v.strictObject(
  {
    id: slug('an actor id in lowercase-with-hyphens, such as "client"'),
    label: text('a label shown on the diagram'),
    kind: v.picklist(ACTOR_KINDS, `one of ${ACTOR_KINDS.join(', ')}`),
  },
  'an actor such as { id: client, label: Browser, kind: client }',
);

export const lessonMetaSchema = v.strictObject(
  {
    id: slug('a lesson id in lowercase-with-hyphens, such as "encryption-in-flight"'),
    title: text('a title'),
    summary: text('a one-sentence summary'),
    objectives: nonEmptyList(text('an objective sentence'), 'a non-empty list of objectives'),
    estimatedMinutes: v.pipe(
      v.number('a number of minutes'),
      v.integer('a whole number of minutes'),
      v.minValue(1, 'at least 1 minute'),
    ),
    actors: nonEmptyList(actorSchema, 'a non-empty list of actors'),
    version: v.pipe(
      v.number('a version number'),
      v.integer('a whole version number'),
      v.minValue(1, 'a version of at least 1'),
    ),
    seed: v.pipe(
      v.number('a seed number'),
      v.integer('a whole seed number'),
      v.minValue(0, 'a seed between 0 and 4294967295'),
      v.maxValue(0xffffffff, 'a seed between 0 and 4294967295'),
    ),
  },
  'frontmatter: a YAML mapping between --- lines',
);

const scenarioEventSchema = v.looseObject(
  { type: text('an event type') },
  'a scenario event such as { type: send-login }',
);

const learnerActionSchema = v.strictObject(
  {
    action: text('an action name (of scenario.ts actions)'),
    input: v.optional(
      v.record(
        v.string(),
        v.string('a string (quote numbers in YAML: "3")'),
        'a mapping of field names to strings',
      ),
    ),
  },
  'a learner action such as { action: send-login, input: { password: hunter2 } }',
);

export const stepMetaSchema = v.strictObject(
  {
    // "quiz" is taken: #/lessons/<id>/quiz is the lesson's quiz, so no step may be called that.
    id: v.pipe(
      slug('a step id in lowercase-with-hyphens, such as "plain-http"'),
      v.check((id) => !RESERVED_STEP_IDS.includes(id), 'a step id other than "quiz" (that address is the lesson\'s quiz)'),
    ),
    title: text('a title'),
    send: v.optional(list(scenarioEventSchema, 'a list of scenario events')),
    actions: v.optional(nonEmptyList(text('an action name'), 'a non-empty list of action names')),
    await: v.optional(text('a check name (of scenario.ts checks)')),
    solution: v.optional(list(learnerActionSchema, 'a list of learner actions')),
    focus: v.optional(
      v.strictObject(
        {
          actors: v.optional(list(text('an actor id'), 'a list of actor ids')),
          messages: v.optional(list(text('a message label'), 'a list of message labels')),
        },
        'a mapping with actors and/or messages',
      ),
    ),
    chips: v.optional(list(text('a command line'), 'a list of command lines')),
    hint: v.optional(text('a hint (markdown)')),
    notes: text('presenter notes (markdown)'),
  },
  'frontmatter: a YAML mapping between --- lines',
);

// ---------------------------------------------------------------------------------------------
// code modules: only their shape can be checked by a schema

const computedAnswerSchema = v.strictObject(
  {
    describe: text('a description of how the answer is computed'),
    compute: v.function('a function compute(engine)'),
  },
  'a computed answer { describe, compute }',
);

const optionSchema = v.strictObject(
  {
    id: text('an option id'),
    text: text('the option text'),
    why: text('why this option is right or wrong'),
  },
  'an option { id, text, why }',
);

const questionBase = {
  id: text('a question id'),
  prompt: text('a prompt'),
  refs: nonEmptyList(text('a step id'), 'a non-empty list of step ids that teach this'),
  explanation: text('an explanation'),
};
const choices = (what: string) => v.pipe(v.array(optionSchema, what), v.minLength(2, what));

export const quizSchema = v.strictObject(
  {
    questions: nonEmptyList(
      v.variant(
        'kind',
        [
          v.strictObject({
            ...questionBase,
            kind: v.literal('single'),
            options: choices('at least two options'),
            answer: v.union([text('an option id'), computedAnswerSchema], 'an option id, or a computed answer'),
          }),
          v.strictObject({
            ...questionBase,
            kind: v.literal('multi'),
            options: choices('at least two options'),
            answer: v.union(
              [nonEmptyList(text('an option id'), 'option ids'), computedAnswerSchema],
              'a non-empty list of option ids, or a computed answer',
            ),
          }),
          v.strictObject({
            ...questionBase,
            kind: v.literal('order'),
            items: choices('at least two items'),
            answer: v.union(
              [nonEmptyList(text('an item id'), 'item ids'), computedAnswerSchema],
              'the item ids in the right order, or a computed answer',
            ),
          }),
        ],
        'a question of kind single, multi or order',
      ),
      'a non-empty list of questions',
    ),
  },
  'the value of defineQuiz([...]) as the default export',
);

const actionShapeSchema = v.looseObject(
  { label: text('a button label'), toEvent: v.function('a function toEvent(input)') },
  'an action { label, toEvent }',
);

const checkShapeSchema = v.looseObject(
  { description: text('a description shown while the step waits'), test: v.function('a function test(state, events)') },
  'a check { description, test }',
);

export const scenarioShapeSchema = v.looseObject(
  {
    create: v.function('a function create(context)'),
    actions: v.record(v.string(), actionShapeSchema, 'a mapping of action names to actions'),
    checks: v.record(v.string(), checkShapeSchema, 'a mapping of check names to checks'),
    holdings: v.optional(v.function('a function holdings(state)')),
    notSimulated: v.optional(list(text('a sentence'), 'a list of sentences')),
    terminal: v.optional(v.looseObject({ files: v.record(v.string(), v.any(), 'a mapping of file names to contents') }, 'a terminal { files, chips? }')),
  },
  'the value of defineScenario({...}) as the default export',
);
