/** A small bank for tests of drawing and grading, independent of lessons/exam/bank's content. */
import { defineExamQuestions, type ExamQuestion } from '../../../src/lessons/exam/types';

const options = [
  { id: 'a', text: 'A', why: 'Because A.' },
  { id: 'b', text: 'B', why: 'Because B.' },
  { id: 'c', text: 'C', why: 'Because C.' },
];

export const FIXTURE_BANK: ExamQuestion[] = defineExamQuestions([
  { id: 'kt-1', kind: 'single', topic: 'key-types', lessonId: 'key-types', refs: ['choose-key-spec'], prompt: 'Which key?', options, answer: 'a', explanation: 'A is right.' },
  { id: 'kt-2', kind: 'multi', topic: 'key-types', lessonId: 'key-types', refs: ['hmac-keys'], prompt: 'Which two?', options, answer: ['a', 'c'], explanation: 'A and C.' },
  { id: 'km-1', kind: 'single', topic: 'key-management', lessonId: 'key-management', refs: ['disable-and-enable'], prompt: 'Which state?', options, answer: 'b', explanation: 'B is right.' },
  { id: 'km-2', kind: 'single', topic: 'key-management', lessonId: 'key-management', refs: ['schedule-and-cancel'], prompt: 'How long?', options, answer: 'c', explanation: 'C is right.' },
  { id: 'eif-1', kind: 'single', topic: 'encryption-in-flight', lessonId: 'encryption-in-flight', refs: ['plain-http'], prompt: 'What leaks?', options, answer: 'a', explanation: 'A leaks.' },
]);
