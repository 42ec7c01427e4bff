import '@testing-library/jest-dom/vitest';

// jsdom has no layout, so no ResizeObserver: components that measure (bind:clientWidth) get one
// that never reports, and keep their default sizes.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// Nor does it animate: components see a system that asks for reduced motion (animations jump to
// their end state), and scrolling into view does nothing.
globalThis.matchMedia ??= (query: string) =>
  ({
    matches: query.includes('prefers-reduced-motion: reduce'),
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  }) as MediaQueryList;
Element.prototype.scrollIntoView ??= function scrollIntoView(): void {};
