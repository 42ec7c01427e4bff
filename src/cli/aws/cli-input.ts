/**
 * `--cli-input-json` / `--cli-input-yaml`: the whole request as one document (inline or
 * `file://`), typically a filled-in `--generate-cli-skeleton`. Flags given as well win.
 */
import { parse as parseYaml } from 'yaml';
import type { FileAccess } from './param-files.ts';
import { loadParamFile } from './param-files.ts';
import { pythonJsonLoads, PythonJsonError } from './python-json.ts';
import { isObject, type ParamValue } from './param-values.ts';
import { CliFailure, parameterError } from './usage-error.ts';

export function readCliInput(flag: string, value: string, files: FileAccess): Record<string, ParamValue> {
  const loaded = loadParamFile(flag, value, files);
  const text = typeof loaded === 'string' ? loaded : new TextDecoder().decode(loaded);
  let document: unknown;
  try {
    document = flag === '--cli-input-json' ? pythonJsonLoads(text) : parseYaml(text);
  } catch (error) {
    if (!(error instanceof PythonJsonError) && !(error instanceof Error)) throw error;
    const kind = flag === '--cli-input-json' ? 'JSON' : 'YAML';
    throw new CliFailure(`\nError parsing parameter '${flag.slice(2)}': Invalid ${kind} received.\n`, 252);
  }
  if (!isObject(document as ParamValue)) {
    const type = Array.isArray(document) ? 'list' : document === null ? 'NoneType' : typeof document === 'string' ? 'str' : typeof document === 'boolean' ? 'bool' : typeof document === 'number' ? 'int' : 'dict';
    throw parameterError(flag, `Invalid type: expecting map, received <class '${type}'>`);
  }
  return document as Record<string, ParamValue>;
}
