/** Addresses inside the sandbox: `#/sandbox`, `#/sandbox/create`, `#/sandbox/keys/<key-id>/<tab>`. */
import { href } from '../router/routes.ts';

export const sandboxLinks = {
  keys: () => href(['sandbox']),
  create: () => href(['sandbox', 'create']),
  key: (keyId: string, tab?: string) => href(tab ? ['sandbox', 'keys', keyId, tab] : ['sandbox', 'keys', keyId]),
};
