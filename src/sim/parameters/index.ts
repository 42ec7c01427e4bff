/**
 * SSM Parameter Store, the part that uses KMS: SecureString parameters encrypted with Encrypt
 * (standard tier) or a data key (advanced tier), bound to their ARN by the PARAMETER_ARN
 * encryption context, every KMS call made for the caller through ssm.<region>.amazonaws.com.
 *
 *   parameter-store.ts  ParameterStore: PutParameter, GetParameter(s), DeleteParameter, DescribeParameters
 *   operations.ts       the operations' input and output shapes (the terminal's `aws ssm` is built from them)
 *   errors.ts           SsmError with AWS's codes and messages
 */
export {
  ParameterStore, AWS_MANAGED_SSM_ALIAS, PARAMETER_ARN_CONTEXT, STANDARD_VALUE_LIMIT, ADVANCED_VALUE_LIMIT,
  type ParameterStoreOptions, type ParameterKmsCall, type ParameterRequest, type ParameterSummary, type ParameterType, type ParameterTier, type RequestContext, type PutParameterInput,
} from './parameter-store';
export { PARAMETER_OPERATIONS, PARAMETER_TYPES, PARAMETER_TIERS, type ParameterOperation } from './operations';
export { SsmError, isSsmError, ssmMessages } from './errors';
