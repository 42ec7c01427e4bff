import * as sdk from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { KMS_OPERATION_NAMES } from '../../../src/kms/wire/kms-operation-names';

describe('the list of KMS operations the front door knows', () => {
  it('is exactly the set of commands of the pinned @aws-sdk/client-kms', () => {
    const commands = Object.keys(sdk)
      .filter((name) => /^[A-Z][A-Za-z]+Command$/.test(name))
      .map((name) => name.slice(0, -'Command'.length))
      .sort();
    expect([...KMS_OPERATION_NAMES].sort()).toEqual(commands);
  });
});
