/**
 * One polite live region for the console's results. A result box appears where the action was
 * taken; screen readers hear its words through this region, which is in the page from the start
 * (a live region that appears together with its text is often not read).
 */
class Announcer {
  text = $state('');

  say(words: string): void {
    // Emptied first, so the same words said twice are read twice.
    this.text = '';
    queueMicrotask(() => (this.text = words));
  }
}

export const announcer = new Announcer();
