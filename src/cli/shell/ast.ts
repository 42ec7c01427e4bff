/**
 * The parsed form of a command line: a list of pipelines joined by `;`, `&&`, `||` (and `&`), each
 * pipeline a chain of simple commands. Words keep their quoting, because expansion, field
 * splitting and globbing depend on it and happen only when the command runs (so `$?` is current).
 */
export interface Word {
  parts: WordPart[];
  /** The word as typed, for messages such as "bash: $x: ambiguous redirect". */
  raw: string;
}

export type WordPart = TextPart | TildePart | ParameterPart | SubstitutionPart;

/** Literal characters; `quoted` ones take no part in field splitting or globbing. */
export interface TextPart {
  kind: 'text';
  value: string;
  quoted: boolean;
}

/** A leading unquoted `~` (alone or before `/`): the home directory. */
export interface TildePart {
  kind: 'tilde';
}

export type ParameterModifier =
  | { op: 'length' }
  | { op: ':-' | '-' | ':=' | '=' | ':+' | '+'; word: Word }
  /** Syntax bash accepts while parsing but rejects when expanding ("bad substitution"). */
  | { op: 'bad' }
  /** Syntax this terminal recognises but does not run (said so, never silently ignored). */
  | { op: 'unsupported'; what: string };

export interface ParameterPart {
  kind: 'parameter';
  name: string;
  quoted: boolean;
  modifier?: ParameterModifier;
  /** As typed (e.g. `${1a}`), for "bad substitution" messages. */
  source: string;
}

/** `$( … )` or `` ` … ` ``: the output of a command list, trailing newlines removed. */
export interface SubstitutionPart {
  kind: 'substitution';
  list: CommandList;
  quoted: boolean;
}

export type RedirectOperator = '<' | '>' | '>>' | '>&' | '<&' | '&>' | '&>>' | '<<<';

export interface Redirection {
  /** The file descriptor written before the operator (`2>`); undefined means the operator's default. */
  fd?: number;
  op: RedirectOperator;
  target: Word;
}

export interface Assignment {
  name: string;
  value: Word;
}

export interface SimpleCommand {
  assignments: Assignment[];
  words: Word[];
  redirections: Redirection[];
}

export interface Pipeline {
  commands: SimpleCommand[];
  /** For each command but the last: true when joined by `|&` (stderr goes down the pipe too). */
  pipeStderr: boolean[];
}

export type Connector = ';' | '&' | '&&' | '||';

export interface CommandList {
  /** `connector` joins an item to the NEXT one; the last item's connector is ';' (or a trailing '&'). */
  items: { pipeline: Pipeline; connector: Connector }[];
}
