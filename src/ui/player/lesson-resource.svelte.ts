/**
 * A lesson loaded for a page, with what went wrong if anything. When the engine rejects a lesson
 * but still has its prose (a LessonError carrying `lesson`), the page shows both: the error as a
 * notice and the prose, never a blank page.
 */
import type { Lesson } from '../../lessons/types';
import { LessonError, loadLesson } from '../engine';

export class LessonResource {
  lesson = $state.raw<Lesson | undefined>();
  error = $state<string | undefined>();
  loading = $state(true);

  /** Starts loading `lessonId`; returns a cancel function for $effect cleanup. */
  load(lessonId: string): () => void {
    let cancelled = false;
    this.lesson = undefined;
    this.error = undefined;
    this.loading = true;
    loadLesson(lessonId).then(
      (lesson) => {
        if (cancelled) return;
        this.lesson = lesson;
        this.loading = false;
      },
      (error: unknown) => {
        if (cancelled) return;
        this.error = error instanceof Error ? error.message : String(error);
        if (error instanceof LessonError && error.lesson) this.lesson = error.lesson;
        this.loading = false;
      },
    );
    return () => {
      cancelled = true;
    };
  }
}
