/** Types for static-server.mjs (used by the bench and the sub-path browser test). */
export function serveStatic(root: string, options?: { base?: string; port?: number }): Promise<{ url: string; close(): Promise<void> }>;
