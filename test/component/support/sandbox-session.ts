/**
 * A small sandbox session for the console's component tests: the real KMS engine and shell, and a
 * two-principal world (alice the administrator, bob who may do nothing) decided by `iamAllows`.
 * The page itself runs on src/lessons/sandbox; this keeps the component tests about the console.
 */
import { createKms, type CallContext } from '../../../src/kms/index.ts';
import { createShell } from '../../../src/cli/index.ts';
import { createModelClock } from '../../../src/sim/core/clock.ts';
import type { ConsolePrincipal, ConsoleSession } from '../../../src/ui/sandbox/console-session.ts';

export const ALICE = 'arn:aws:iam::111122223333:user/alice';
export const BOB = 'arn:aws:iam::111122223333:user/bob';

export function testSession(): ConsoleSession & { resets: number; imported: string[] } {
  const clock = createModelClock();
  const kms = createKms({ clock, quotas: false });
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  kms.audit.subscribe(notify);
  const principals: ConsolePrincipal[] = [
    { arn: ALICE, name: 'alice', kind: 'user', accountId: '111122223333', description: 'Administrator' },
    { arn: BOB, name: 'bob', kind: 'user', accountId: '111122223333', description: 'No KMS permissions' },
  ];
  let current = ALICE;
  const caller = () => ({ arn: current, iamAllows: () => current === ALICE });
  const world = {
    principals: () => principals,
    get current() {
      return current;
    },
    actAs(arn: string) {
      current = arn;
      notify();
    },
    caller: (arn?: string) => ({ arn: arn ?? current, iamAllows: () => (arn ?? current) === ALICE }),
    identityPolicies: () => [],
    callContext: (): CallContext => ({ caller: caller(), region: 'eu-west-2' }),
  };
  const shell = createShell({ kms, caller, region: 'eu-west-2', clock });
  const session = {
    kms,
    world,
    clock,
    shell,
    region: 'eu-west-2',
    generation: 1,
    resets: 0,
    imported: [] as string[],
    async advance(ms: number) {
      clock.advance(ms);
      await kms.settle();
      notify();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async reset() {
      session.resets += 1;
    },
    exportJson: () => '{"version":1}',
    async importJson(text: string) {
      session.imported.push(text);
      return { note: 'Imported with new key material.' };
    },
  };
  return session;
}
