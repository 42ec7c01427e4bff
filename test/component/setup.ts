import '@testing-library/jest-dom/vitest';

// jsdom has no layout, so no ResizeObserver: components that measure (bind:clientWidth) get one
// that never reports, and keep their default sizes.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
