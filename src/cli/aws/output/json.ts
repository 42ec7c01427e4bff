/** `--output json`: Python's json.dump(indent=4, ensure_ascii=False); an empty response prints nothing. */
import { isEmptyObject, type CliValue } from './value.ts';

export function formatJson(value: CliValue): string {
  if (isEmptyObject(value)) return '';
  return JSON.stringify(value, null, 4) + '\n';
}
