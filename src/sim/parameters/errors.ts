/**
 * Parameter Store's errors, with the codes and messages AWS answers (the CLI prints them as
 * `An error occurred (<code>) when calling the <Operation> operation: <message>`). ParameterNotFound
 * really has an empty message. When KMS refuses a call Parameter Store made for the caller, Parameter
 * Store passes KMS's exception on with KMS's message and the Java SDK's suffix naming the service.
 */
export class SsmError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SsmError';
  }
}

export const isSsmError = (value: unknown): value is SsmError => value instanceof SsmError;

export const ssmMessages = {
  parameterNotFound: () => '',
  alreadyExists: () => 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
  typeRequired: () => 'A parameter type is required when you create a parameter.',
  keyIdOnlyForSecureString: () => 'KeyId is required for SecureString type parameter only.',
  standardTooLong: () =>
    'Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html',
  tooLong: (member: string, max: number) => `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
  notInEnum: (value: string, member: string, choices: readonly string[]) =>
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${[...choices].reverse().join(', ')}]`,
  intelligentTiering: () => 'Intelligent-Tiering is not simulated in KMS Lab: choose Standard or Advanced.',
};

/** Which SSM code a KMS refusal becomes: a key that cannot be found is SSM's InvalidKeyId; the rest keep KMS's code. */
export function fromKmsError(code: string, message: string, requestId: string): SsmError {
  const ssmCode = code === 'NotFoundException' ? 'InvalidKeyId' : code;
  return new SsmError(ssmCode, `${message} (Service: AWSKMS; Status Code: 400; Error Code: ${code}; Request ID: ${requestId}; Proxy: null)`);
}
