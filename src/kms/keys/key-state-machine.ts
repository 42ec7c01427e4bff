import { setup, transition } from 'xstate';

/**
 * The lifecycle of a KMS key (reference §7) as ONE XState machine. The engine moves every key
 * through it (`nextKeyState`), and the UI draws the lifecycle diagram from the same definition, so
 * the picture a learner sees is the rule the engine enforces. Which operations each state allows
 * is the key-state table in key-state-rules.ts.
 *
 * Multi-Region states (Creating, Updating, PendingReplicaDeletion) are not simulated: KMS Lab has
 * single-Region keys only. Unavailable belongs to custom key stores, which are also not simulated;
 * it is drawn for completeness and the engine never enters it.
 */
export const KEY_STATES = ['Enabled', 'Disabled', 'PendingDeletion', 'PendingImport', 'Unavailable'] as const;
export type KeyState = (typeof KEY_STATES)[number];

export type KeyLifecycleEvent =
  | { type: 'ENABLE' }
  | { type: 'DISABLE' }
  | { type: 'SCHEDULE_DELETION' }
  | { type: 'CANCEL_DELETION' }
  | { type: 'IMPORT_MATERIAL' }
  | { type: 'MATERIAL_REMOVED' } // DeleteImportedKeyMaterial, or imported material expired
  | { type: 'DELETION_WINDOW_ENDED' }
  | { type: 'DISCONNECT' }
  | { type: 'CONNECT' };

export interface KeyLifecycleContext {
  /** False for an EXTERNAL key until material is imported (and again after it is removed). */
  hasKeyMaterial: boolean;
}

export const keyStateMachine = setup({
  types: {
    context: {} as KeyLifecycleContext,
    events: {} as KeyLifecycleEvent,
    input: {} as { hasKeyMaterial: boolean },
  },
  guards: {
    hasKeyMaterial: ({ context }) => context.hasKeyMaterial,
  },
  actions: {
    materialArrived: ({ context }) => {
      context.hasKeyMaterial = true;
    },
    materialGone: ({ context }) => {
      context.hasKeyMaterial = false;
    },
  },
}).createMachine({
  id: 'kmsKey',
  context: ({ input }) => ({ hasKeyMaterial: input.hasKeyMaterial }),
  initial: 'Creating',
  states: {
    // Transient: CreateKey decides between Enabled and PendingImport (Origin EXTERNAL).
    Creating: {
      always: [{ target: 'Enabled', guard: 'hasKeyMaterial' }, { target: 'PendingImport' }],
    },
    Enabled: {
      description: 'Usable for every operation its key usage allows.',
      on: {
        DISABLE: 'Disabled',
        ENABLE: 'Enabled',
        SCHEDULE_DELETION: 'PendingDeletion',
        MATERIAL_REMOVED: { target: 'PendingImport', actions: 'materialGone' },
        DISCONNECT: 'Unavailable',
      },
    },
    Disabled: {
      description: 'Cannot be used in cryptographic operations until enabled again.',
      on: {
        ENABLE: 'Enabled',
        DISABLE: 'Disabled',
        SCHEDULE_DELETION: 'PendingDeletion',
        MATERIAL_REMOVED: { target: 'PendingImport', actions: 'materialGone' },
        DISCONNECT: 'Unavailable',
      },
    },
    PendingImport: {
      description: 'An EXTERNAL key waiting for key material (or whose material expired or was deleted).',
      on: {
        IMPORT_MATERIAL: { target: 'Enabled', actions: 'materialArrived' },
        SCHEDULE_DELETION: 'PendingDeletion',
      },
    },
    PendingDeletion: {
      description: 'Scheduled for deletion: unusable; CancelKeyDeletion returns it Disabled.',
      on: {
        CANCEL_DELETION: [{ target: 'Disabled', guard: 'hasKeyMaterial' }, { target: 'PendingImport' }],
        DELETION_WINDOW_ENDED: 'Deleted',
        MATERIAL_REMOVED: { target: 'PendingDeletion', actions: 'materialGone' },
      },
    },
    Unavailable: {
      description: 'Custom key store disconnected (custom key stores are not simulated in KMS Lab).',
      on: { CONNECT: 'Enabled', SCHEDULE_DELETION: 'PendingDeletion' },
    },
    Deleted: {
      type: 'final',
      description: 'Gone for good: its ciphertexts can never be decrypted again.',
    },
  },
});

export type KeyLifecycleState = KeyState | 'Deleted';

/**
 * The state after `event`, or undefined when the machine does not accept the event in `state`
 * (the caller then raises the key-state table's exception).
 */
export function nextKeyState(state: KeyState, event: KeyLifecycleEvent, hasKeyMaterial: boolean): KeyLifecycleState | undefined {
  const snapshot = keyStateMachine.resolveState({ value: state, context: { hasKeyMaterial } });
  const [next] = transition(keyStateMachine, snapshot, event);
  const accepted = keyStateMachine.getTransitionData(snapshot, event).length > 0;
  return accepted ? (next.value as KeyLifecycleState) : undefined;
}

/** The state a new key is born in. */
export function initialKeyState(hasKeyMaterial: boolean): KeyState {
  return hasKeyMaterial ? 'Enabled' : 'PendingImport';
}
