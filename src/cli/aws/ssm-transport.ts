/**
 * Sends one `aws ssm` operation to the page's Parameter Store model (src/sim/parameters) and gives
 * back the JSON body the service would answer (timestamps as epoch seconds), or the CLI's error
 * line for the service's exception. Parameter Store lives in one Region here; a request for
 * another Region is refused plainly rather than answered from the wrong one.
 */
import type { KmsCaller } from '../../kms/index.ts';
import { encodeOutput } from '../../kms/wire/encode.ts';
import { isSsmError, type ParameterStore } from '../../sim/parameters/index.ts';
import type { CliOperation } from './command-table.ts';
import { clientError, serviceError } from './usage-error.ts';

export async function sendToParameterStore(
  store: ParameterStore,
  operation: CliOperation,
  params: Record<string, unknown>,
  target: { region: string; caller: KmsCaller },
): Promise<Record<string, unknown>> {
  if (target.region !== store.region) {
    throw clientError(`KMS Lab's Parameter Store is simulated in ${store.region} only (this request named ${target.region}).`);
  }
  try {
    const output = await store.call(operation.name, params, { caller: target.caller, region: target.region });
    return encodeOutput(output, operation.output);
  } catch (error) {
    if (!isSsmError(error)) throw error;
    throw serviceError(error.code, operation.name, error.message);
  }
}
