/**
 * `--output text`: a port of awscli/text.py. Scalars of a mapping go on one line, tab-separated,
 * in sorted key order and prefixed by the upper-cased key that led to them; nested values follow
 * on their own lines; a list of mappings shares one column set (the union of their scalar keys).
 */
import { pythonStr } from '../python-text.ts';
import { isMapping, sortedKeys, type CliValue } from './value.ts';

const isScalar = (value: CliValue) => !Array.isArray(value) && !isMapping(value);

export function formatText(value: CliValue): string {
  const out: string[] = [];
  formatValue(value, out, undefined, undefined);
  return out.join('');
}

function formatValue(item: CliValue, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  if (isMapping(item)) formatMapping(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, identifier);
  else out.push(pythonStr(item), '\n');
}

function formatList(items: CliValue[], out: string[], identifier: string | undefined): void {
  if (items.length === 0) return;
  if (items.some(isMapping)) {
    const keys = new Set<string>();
    for (const item of items) {
      if (!isMapping(item)) continue;
      for (const [key, value] of Object.entries(item)) if (isScalar(value)) keys.add(key);
    }
    const allKeys = sortedKeys(keys);
    for (const item of items) formatValue(item, out, identifier, allKeys);
  } else if (items.some(Array.isArray)) {
    const scalars = items.filter(isScalar);
    if (scalars.length > 0) formatScalarList(scalars, out, identifier);
    for (const item of items.filter((element) => !isScalar(element))) formatValue(item, out, identifier, undefined);
  } else {
    formatScalarList(items, out, identifier);
  }
}

function formatScalarList(items: CliValue[], out: string[], identifier: string | undefined): void {
  if (identifier !== undefined) {
    for (const item of items) out.push(`${identifier.toUpperCase()}\t${pythonStr(item)}\n`);
  } else {
    out.push(items.map(pythonStr).join('\t'), '\n');
  }
}

function formatMapping(item: { [key: string]: CliValue }, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  const scalars: string[] = [];
  const nested: [string, CliValue][] = [];
  if (scalarKeys === undefined) {
    for (const key of sortedKeys(Object.keys(item))) {
      if (isScalar(item[key])) scalars.push(pythonStr(item[key]));
      else nested.push([key, item[key]]);
    }
  } else {
    for (const key of scalarKeys) scalars.push(Object.hasOwn(item, key) ? pythonStr(item[key]) : '');
    const rest = sortedKeys(Object.keys(item).filter((key) => !scalarKeys.includes(key)));
    for (const key of rest) nested.push([key, item[key]]);
  }
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(scalars.join('\t'), '\n');
  }
  for (const [key, value] of nested) formatValue(value, out, key, undefined);
}
