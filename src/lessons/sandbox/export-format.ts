/**
 * The sandbox export: a JSON file a learner can keep or hand on. It holds everything that is not
 * secret; key material cannot leave KMS, and the note inside the file says what that means.
 */
import * as v from 'valibot';
import { modelTimeSchema, publicKmsStateSchema } from '../../kms/persist/index.ts';

export const SANDBOX_EXPORT_FORMAT = 'kms-lab-sandbox-export';
export const SANDBOX_EXPORT_VERSION = 1;

export const EXPORT_NOTE =
  'Key material cannot leave KMS, so this file holds none. It has the world (principals and their IAM policies), ' +
  'the files and history of the terminal, and for each KMS key its metadata, key policy, aliases, tags, grants ' +
  '(without their tokens) and the audit log. Importing it creates every key again with the same id, settings, ' +
  'policy and aliases but NEW key material: ciphertexts, signatures and MACs made before the export cannot be ' +
  'decrypted or verified with the imported keys, and keys whose material was imported (origin EXTERNAL) wait ' +
  'for it to be imported again.';

export const IMPORT_NOTE =
  'Imported. Every key was created again with NEW key material (key material cannot leave KMS), so ciphertexts, ' +
  'signatures and MACs made before the export cannot be decrypted or verified with these keys.';

export const sandboxExportSchema = v.object({
  format: v.literal(SANDBOX_EXPORT_FORMAT, `format must be "${SANDBOX_EXPORT_FORMAT}": this is not a KMS Lab sandbox export`),
  version: v.literal(SANDBOX_EXPORT_VERSION, (issue) => `version ${String(issue.input)} cannot be read: this KMS Lab reads version ${SANDBOX_EXPORT_VERSION}`),
  note: v.optional(v.string()),
  /** Model time of the export, ISO 8601 (for people; `clock` is what the import uses). */
  exportedAt: v.optional(v.string()),
  /** Model time (ms), up to the end of year 9999. */
  clock: modelTimeSchema,
  world: v.unknown(),
  files: v.unknown(),
  history: v.pipe(v.array(v.string()), v.maxLength(1000)),
  cwd: v.string(),
  kms: publicKmsStateSchema,
});

export type SandboxExport = v.InferInput<typeof sandboxExportSchema>;
