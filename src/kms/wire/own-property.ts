/**
 * Sets an own, enumerable property even for names such as `__proto__` or `constructor`, which a
 * plain assignment would turn into a prototype change. Map keys (encryption contexts, tags) come
 * from requests and are kept exactly as given.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
