/**
 * A line bash would refuse to run. The message is bash's own, as an interactive shell prints it
 * (without the "-c: line 1:" prefix that `bash -c` adds); the exit status is 2, as in bash.
 */
export class ShellSyntaxError extends Error {
  readonly status = 2;

  constructor(message: string) {
    super(message);
    this.name = 'ShellSyntaxError';
  }

  static unexpectedToken(token: string): ShellSyntaxError {
    return new ShellSyntaxError(`bash: syntax error near unexpected token \`${token}'`);
  }

  static unexpectedEndOfFile(): ShellSyntaxError {
    return new ShellSyntaxError('bash: syntax error: unexpected end of file');
  }

  static unmatched(closer: string): ShellSyntaxError {
    return new ShellSyntaxError(`bash: unexpected EOF while looking for matching \`${closer}'`);
  }

  static unsupported(what: string): ShellSyntaxError {
    return new ShellSyntaxError(`bash: ${what} not supported in this terminal`);
  }
}
