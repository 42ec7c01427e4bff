/** The CLI's output formats; `--query` (JMESPath) is applied before any of them. */
import { formatJson } from './json.ts';
import { formatText } from './text.ts';
import { formatYaml } from './yaml.ts';
import { formatTable } from './table.ts';
import type { CliValue } from './value.ts';

export type { CliValue } from './value.ts';

/** `title` is the operation's name (DescribeKey), which table output puts at the top. */
export function formatOutput(format: string, value: CliValue, title: string): string {
  switch (format) {
    case 'text': return formatText(value);
    case 'table': return formatTable(value, title);
    case 'yaml':
    case 'yaml-stream': return formatYaml(value);
    default: return formatJson(value);
  }
}
