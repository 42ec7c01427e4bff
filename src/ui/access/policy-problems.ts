/**
 * Everything the policy editor says about a draft before it is saved: the JSON syntax error (with
 * its line and column), the grammar problems of validatePolicy (each pointed at its statement's
 * line), and the size limit, each with the exception PutKeyPolicy answers with.
 */
import { KEY_POLICY_MAX_BYTES, validatePolicy } from '../../kms/index.ts';
import { positionAt, scanJson, type TextPosition } from './json-scan';

export type PolicyException = 'MalformedPolicyDocumentException' | 'LimitExceededException';

export interface EditorProblem {
  severity: 'error' | 'warning';
  /** What PutKeyPolicy would answer (errors only). */
  exception?: PolicyException;
  message: string;
  where?: TextPosition;
  /** "Line 3, column 7" or "Statement 2 (line 9)". */
  place?: string;
}

export function draftProblems(text: string): EditorProblem[] {
  const scan = scanJson(text);
  const problems: EditorProblem[] = [];
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > KEY_POLICY_MAX_BYTES) {
    problems.push({ severity: 'error', exception: 'LimitExceededException', message: `The key policy is ${bytes} bytes; a key policy can be at most ${KEY_POLICY_MAX_BYTES} bytes.` });
  }
  if (scan.error) {
    const { message, ...where } = scan.error;
    problems.push({ severity: 'error', exception: 'MalformedPolicyDocumentException', message: `The policy is not valid JSON: ${message}`, where, place: `Line ${where.line}, column ${where.column}` });
    return problems;
  }
  for (const p of validatePolicy(text, 'key-policy')) {
    // The size problem is said above, with the byte count.
    if (p.message.startsWith('The key policy is larger than')) continue;
    const offset = p.statement === undefined ? undefined : scan.statementOffsets[p.statement];
    const problem: EditorProblem = { severity: p.severity, message: p.message };
    if (p.severity === 'error') problem.exception = 'MalformedPolicyDocumentException';
    if (offset !== undefined && p.statement !== undefined) {
      problem.where = positionAt(text, offset);
      problem.place = `Statement ${p.statement + 1} (line ${problem.where.line})`;
    } else if (p.statement !== undefined) problem.place = `Statement ${p.statement + 1}`;
    problems.push(problem);
  }
  return problems;
}

export const blocksSaving = (problems: readonly EditorProblem[]): boolean => problems.some((p) => p.severity === 'error');
