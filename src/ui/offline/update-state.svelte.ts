/** Whether a new version of KMS Lab is ready, and how to take it; the shell shows the notice from this. */
export interface OfflineUpdateState {
  /** Set once a new version waits: activates it and reloads (only ever on the learner's click). */
  apply: (() => void) | undefined;
  /** "Later": the notice stays hidden until another new version is found. */
  dismissed: boolean;
}

export const offlineUpdate = $state<OfflineUpdateState>({ apply: undefined, dismissed: false });
