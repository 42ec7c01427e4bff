/**
 * Shell variables. Exported ones form the environment a command receives (what `env` prints and
 * what `aws` reads, e.g. AWS_DEFAULT_REGION); others exist only in the shell, as in bash.
 */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class Variables {
  private readonly values = new Map<string, { value: string; exported: boolean }>();

  get(name: string): string | undefined {
    return this.values.get(name)?.value;
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Sets a value, keeping the variable's exported flag. */
  set(name: string, value: string): void {
    const existing = this.values.get(name);
    this.values.set(name, { value, exported: existing?.exported ?? false });
  }

  /** `export NAME[=value]`: a variable without a value is exported once it gets one. */
  export(name: string, value?: string): void {
    const existing = this.values.get(name);
    this.values.set(name, { value: value ?? existing?.value ?? '', exported: true });
  }

  unset(name: string): void {
    this.values.delete(name);
  }

  /** The environment of a child process, in the order the variables were first set. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [name, { value, exported }] of this.values) if (exported) env[name] = value;
    return env;
  }

  exportedNames(): string[] {
    return [...this.values].filter(([, v]) => v.exported).map(([name]) => name);
  }

  names(): string[] {
    return [...this.values.keys()];
  }
}
