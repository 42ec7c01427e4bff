import { cidrContains, parseCidr } from './ip.ts';
import { arnMatch, wildcardMatch } from './wildcard.ts';

/**
 * The condition operators, each as a positive comparison of one policy value with one request
 * value; the Not… forms are the same comparison negated (`negated`), which the clause evaluator
 * applies across all policy values ("matches none of them").
 * `compare` returns undefined when the request value cannot be read for this operator.
 */
export interface OperatorSpec {
  negated: boolean;
  compare: (policyValue: string, requestValue: string) => boolean | undefined;
  /** Whether a policy value is well-formed for this operator (malformed ones make the clause not evaluated). */
  validPolicyValue: (policyValue: string) => boolean;
}

const anyValue = () => true;

function numeric(test: (request: number, policy: number) => boolean): OperatorSpec['compare'] {
  return (p, r) => {
    const rn = Number(r);
    return r.trim() === '' || Number.isNaN(rn) ? undefined : test(rn, Number(p));
  };
}
const validNumber = (p: string) => p.trim() !== '' && !Number.isNaN(Number(p));

/** IAM dates: ISO 8601 text or epoch seconds. */
function dateMillis(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
function date(test: (request: number, policy: number) => boolean): OperatorSpec['compare'] {
  return (p, r) => {
    const rm = dateMillis(r);
    const pm = dateMillis(p);
    return rm === undefined || pm === undefined ? undefined : test(rm, pm);
  };
}
const validDate = (p: string) => dateMillis(p) !== undefined;

const stringEquals: OperatorSpec['compare'] = (p, r) => p === r;
const stringEqualsIgnoreCase: OperatorSpec['compare'] = (p, r) => p.toLowerCase() === r.toLowerCase();
const stringLike: OperatorSpec['compare'] = (p, r) => wildcardMatch(p, r);
const arnLike: OperatorSpec['compare'] = (p, r) => (r.startsWith('arn:') ? arnMatch(p, r) : false);
const ipIn: OperatorSpec['compare'] = (p, r) => cidrContains(p, r);
const validCidr = (p: string) => parseCidr(p) !== undefined;
const validBool = (p: string) => /^(true|false)$/i.test(p);

const eq = (a: number, b: number) => a === b;
const lt = (a: number, b: number) => a < b;
const le = (a: number, b: number) => a <= b;
const gt = (a: number, b: number) => a > b;
const ge = (a: number, b: number) => a >= b;

const spec = (compare: OperatorSpec['compare'], validPolicyValue: OperatorSpec['validPolicyValue'] = anyValue, negated = false): OperatorSpec => ({ compare, validPolicyValue, negated });

export const OPERATORS: Readonly<Record<string, OperatorSpec>> = {
  StringEquals: spec(stringEquals),
  StringNotEquals: spec(stringEquals, anyValue, true),
  StringEqualsIgnoreCase: spec(stringEqualsIgnoreCase),
  StringNotEqualsIgnoreCase: spec(stringEqualsIgnoreCase, anyValue, true),
  StringLike: spec(stringLike),
  StringNotLike: spec(stringLike, anyValue, true),
  // IAM documents ArnEquals and ArnLike as the same comparison (wildcards allowed in both).
  ArnEquals: spec(arnLike),
  ArnLike: spec(arnLike),
  ArnNotEquals: spec(arnLike, anyValue, true),
  ArnNotLike: spec(arnLike, anyValue, true),
  NumericEquals: spec(numeric(eq), validNumber),
  NumericNotEquals: spec(numeric(eq), validNumber, true),
  NumericLessThan: spec(numeric(lt), validNumber),
  NumericLessThanEquals: spec(numeric(le), validNumber),
  NumericGreaterThan: spec(numeric(gt), validNumber),
  NumericGreaterThanEquals: spec(numeric(ge), validNumber),
  DateEquals: spec(date(eq), validDate),
  DateNotEquals: spec(date(eq), validDate, true),
  DateLessThan: spec(date(lt), validDate),
  DateLessThanEquals: spec(date(le), validDate),
  DateGreaterThan: spec(date(gt), validDate),
  DateGreaterThanEquals: spec(date(ge), validDate),
  Bool: spec(stringEqualsIgnoreCase, validBool),
  IpAddress: spec(ipIn, validCidr),
  NotIpAddress: spec(ipIn, validCidr, true),
};

export interface ParsedOperator {
  set?: 'ForAnyValue' | 'ForAllValues';
  base: string;
  ifExists: boolean;
}

/** Splits `ForAllValues:StringLikeIfExists` into its qualifier, base operator and IfExists flag. */
export function parseOperator(operator: string): ParsedOperator {
  let rest = operator;
  let set: ParsedOperator['set'];
  for (const q of ['ForAnyValue', 'ForAllValues'] as const) {
    if (rest.startsWith(`${q}:`)) {
      set = q;
      rest = rest.slice(q.length + 1);
    }
  }
  const ifExists = rest.endsWith('IfExists') && rest !== 'IfExists';
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  return set ? { set, base, ifExists } : { base, ifExists };
}
