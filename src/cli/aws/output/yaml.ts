/**
 * `--output yaml`: ruamel's safe dump as the CLI configures it — keys sorted, block style, list
 * items not indented under their key, strings quoted where YAML 1.1 would read them as something
 * else. Scalars (and null) are printed as JSON, as the CLI does.
 */
import { stringify } from 'yaml';
import { isEmptyObject, type CliValue } from './value.ts';

export function formatYaml(value: CliValue): string {
  if (isEmptyObject(value)) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) + '\n';
  return stringify(value, { version: '1.1', sortMapEntries: true, indentSeq: false, singleQuote: true, lineWidth: 0 });
}
