/** Titles of lessons and their steps, for links back from exam questions ("Review the step …"). */
import { listLessons } from '../engine';
import type { ExamTopic } from '../../lessons/exam/index';
import { topicLabel } from '../../lessons/exam/index';

export function stepTitleIn(lessonId: string): (stepId: string) => string {
  const lesson = listLessons().find((candidate) => candidate.id === lessonId);
  return (stepId) => lesson?.steps.find((step) => step.id === stepId)?.title ?? stepId;
}

/** A topic's name: the title of the lesson with the same id, once that lesson exists. */
export function topicName(topic: ExamTopic): string {
  return topicLabel(topic, listLessons().find((lesson) => lesson.id === topic)?.title);
}

export function lessonTitle(lessonId: string): string {
  return listLessons().find((lesson) => lesson.id === lessonId)?.title ?? lessonId;
}
