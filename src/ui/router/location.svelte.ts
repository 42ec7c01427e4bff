/**
 * The current hash as reactive state. Pages read `hashLocation.hash`; links are ordinary `<a href="#/…">`
 * so the browser's history, middle-click and copy-link all work. `replace` rewrites the address
 * without a history entry or a hashchange (used when the player moves on by itself).
 */
class HashLocation {
  hash = $state(typeof window === 'undefined' ? '' : window.location.hash);

  constructor() {
    if (typeof window === 'undefined') return;
    window.addEventListener('hashchange', () => {
      this.hash = window.location.hash;
    });
  }

  replace(hash: string): void {
    // Compared with the address, not with `this.hash`: a caller inside an effect must not come to
    // depend on the hash (it would undo the next navigation by writing its own hash back).
    if (hash === window.location.hash) return;
    history.replaceState(history.state, '', hash);
    this.hash = hash;
  }

  navigate(hash: string): void {
    window.location.hash = hash;
  }
}

export const hashLocation = new HashLocation();
