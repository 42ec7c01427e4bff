/**
 * The CLI's failures before or around a call, each with the exact text and exit status of AWS
 * CLI v2: 252 for argument and parameter errors, 255 for other client-side errors, 254 for an
 * error the service answered.
 */
export const USAGE_TEXT =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n' +
  '  aws help\n' +
  '  aws <command> help\n' +
  '  aws <command> <subcommand> help\n';

export class CliFailure extends Error {
  constructor(
    /** Everything printed on stderr, newlines included. */
    readonly stderr: string,
    readonly exitCode: number,
  ) {
    super(stderr.trim());
    this.name = 'CliFailure';
  }
}

/** argparse's errors: the usage text, then `aws: error: …` (or the bare message for unknown options). */
export function argumentError(message: string): CliFailure {
  return new CliFailure(`\n${USAGE_TEXT}\naws: error: ${message}\n\n`, 252);
}

export function unknownOptions(words: readonly string[]): CliFailure {
  return new CliFailure(`\n${USAGE_TEXT}\nUnknown options: ${words.join(', ')}\n\n`, 252);
}

/** A value the CLI could not turn into a parameter (bad JSON, shorthand, missing file). */
export function parameterError(flag: string, message: string): CliFailure {
  return new CliFailure(`\nError parsing parameter '${flag}': ${message}\n`, 252);
}

/** botocore's client-side validation ("Parameter validation failed:"). */
export function validationFailed(reports: readonly string[]): CliFailure {
  return new CliFailure(`\nParameter validation failed:\n${reports.join('\n')}\n`, 252);
}

/** Any other client-side error: the message alone, status 255. */
export function clientError(message: string): CliFailure {
  return new CliFailure(`\n${message}\n`, 255);
}

export function serviceError(code: string, operation: string, message: string): CliFailure {
  return new CliFailure(`\nAn error occurred (${code}) when calling the ${operation} operation: ${message}\n`, 254);
}
