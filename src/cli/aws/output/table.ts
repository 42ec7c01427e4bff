/**
 * `--output table`: awscli's TableFormatter — a titled section per mapping, sorted scalar keys as
 * columns (a single scalar as a key/value row), nested values as indented sub-sections.
 */
import { pythonStr } from '../python-text.ts';
import { MultiTable } from './table-layout.ts';
import { isMapping, sortedKeys, type CliValue } from './value.ts';

const isScalar = (value: CliValue | undefined) => !Array.isArray(value) && !isMapping(value as CliValue);

function isFalsy(value: CliValue): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (isMapping(value)) return Object.keys(value).length === 0;
  return value === null || value === false || value === 0 || value === '';
}

function groupScalarKeys(current: { [key: string]: CliValue }): [string[], string[]] {
  const headers: string[] = [];
  const more: string[] = [];
  for (const key of Object.keys(current)) (isScalar(current[key]) ? headers : more).push(key);
  return [sortedKeys(headers), sortedKeys(more)];
}

export function formatTable(value: CliValue, title: string): string {
  const table = new MultiTable();
  return buildTable(table, title, value, 0) ? table.render() : '';
}

function buildTable(table: MultiTable, title: string | undefined, current: CliValue, indentLevel: number): boolean {
  if (isFalsy(current)) return false;
  if (title !== undefined) table.newSection(title, indentLevel);
  if (Array.isArray(current)) {
    if (isMapping(current[0])) {
      fromListOfMappings(table, current as { [key: string]: CliValue }[], indentLevel, title);
    } else {
      for (const item of current) {
        if (isScalar(item)) table.addRow([pythonStr(item)]);
        else if (Array.isArray(item) && item.every((element) => isScalar(element))) table.addRow(item.map(pythonStr));
        else buildTable(table, undefined, item, 0);
      }
    }
  }
  if (isMapping(current)) {
    const [headers, more] = groupScalarKeys(current);
    if (headers.length === 1) table.addRow([headers[0], pythonStr(current[headers[0]])]);
    else if (headers.length > 0) {
      table.addRowHeader(headers);
      table.addRow(headers.map((key) => pythonStr(current[key])));
    }
    for (const key of more) buildTable(table, key, current[key], indentLevel + 1);
  }
  return true;
}

function fromListOfMappings(table: MultiTable, items: { [key: string]: CliValue }[], indentLevel: number, title: string | undefined): void {
  const headerSet = new Set<string>();
  const moreSet = new Set<string>();
  for (const item of items) {
    if (!isMapping(item)) continue;
    const [headers, more] = groupScalarKeys(item);
    headers.forEach((key) => headerSet.add(key));
    more.forEach((key) => moreSet.add(key));
  }
  const headers = sortedKeys(headerSet);
  const more = sortedKeys(moreSet);
  table.addRowHeader(headers);
  let first = true;
  for (const element of items) {
    if (!first && more.length > 0) {
      table.newSection(title ?? '', indentLevel);
      table.addRowHeader(headers);
    }
    first = false;
    table.addRow(headers.map((key) => (Object.hasOwn(element, key) ? pythonStr(element[key]) : '')));
    for (const key of more) if (Object.hasOwn(element, key)) buildTable(table, key, element[key], indentLevel + 1);
  }
}
