/** The CLI's output formats; `--query` (JMESPath) is applied before any of them. */
import { formatJson } from './json.ts';
import { formatText } from './text.ts';
import { formatYaml } from './yaml.ts';
import type { CliValue } from './value.ts';

export type { CliValue } from './value.ts';

/** Table output (awscli/table.py's boxes) is not simulated yet: the caller notes it and prints JSON. */
export const TABLE_NOT_SIMULATED = 'Note: --output table is not simulated in KMS Lab yet; showing JSON instead.\n';

export function formatOutput(format: string, value: CliValue): string {
  switch (format) {
    case 'text': return formatText(value);
    case 'yaml':
    case 'yaml-stream': return formatYaml(value);
    default: return formatJson(value);
  }
}
