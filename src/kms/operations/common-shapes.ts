import type { BlobShape, IntegerShape, ListShape, MapShape, Member, StringShape, StructureShape } from './shape.ts';

/** Shapes shared by many operations, with botocore's limits (kms-2014-11-01). */
export const KeyIdType: StringShape = { type: 'string', min: 1, max: 2048 };
export const GrantTokenType: StringShape = { type: 'string', min: 1, max: 8192 };
export const GrantTokenList: ListShape = { type: 'list', member: GrantTokenType, min: 0, max: 10 };
export const EncryptionContextType: MapShape = { type: 'map', key: { type: 'string' }, value: { type: 'string' } };
export const PlaintextType: BlobShape = { type: 'blob', min: 1, max: 4096, sensitive: true };
export const CiphertextType: BlobShape = { type: 'blob', min: 1, max: 6144 };
export const DescriptionType: StringShape = { type: 'string', min: 0, max: 8192 };
export const LimitType: IntegerShape = { type: 'integer', min: 1, max: 1000 };
export const MarkerType: StringShape = { type: 'string', min: 1, max: 1024, pattern: '[\\u0020-\\u00FF]*' };
export const AliasNameType: StringShape = { type: 'string', min: 1, max: 256, pattern: '^[a-zA-Z0-9:/_-]+$' };
export const ArnType: StringShape = { type: 'string', min: 20, max: 2048 };
export const NumberOfBytesType: IntegerShape = { type: 'integer', min: 1, max: 1024 };
export const PolicyType: StringShape = { type: 'string', min: 1, max: 131072, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' };
export const PolicyNameType: StringShape = { type: 'string', min: 1, max: 128, pattern: '[\\w]+' };
export const PrincipalIdType: StringShape = { type: 'string', min: 1, max: 256, pattern: '^[\\w+=,.@:/-]+$' };
export const GrantIdType: StringShape = { type: 'string', min: 1, max: 128 };
export const GrantNameType: StringShape = { type: 'string', min: 1, max: 256, pattern: '^[a-zA-Z0-9:/_-]+$' };
export const TagKeyType: StringShape = { type: 'string', min: 1, max: 128 };
export const TagValueType: StringShape = { type: 'string', min: 0, max: 256 };
export const TagType: StructureShape = {
  type: 'structure',
  members: {
    TagKey: { shape: TagKeyType, required: true, doc: 'The key of the tag.' },
    TagValue: { shape: TagValueType, required: true, doc: 'The value of the tag.' },
  },
};
export const TagList: ListShape = { type: 'list', member: TagType };
export const BooleanType = { type: 'boolean' } as const;
export const DateType = { type: 'timestamp' } as const;
export const StringList: ListShape = { type: 'list', member: { type: 'string' } };

export const enumOf = (values: readonly string[]): StringShape => ({ type: 'string', enum: values });

/** Members that many operations share, with their one-line docs. */
export const members = {
  keyId: (doc = 'Key ID, key ARN, alias name or alias ARN of the KMS key.'): Member => ({ shape: KeyIdType, required: true, doc }),
  managementKeyId: (): Member => ({ shape: KeyIdType, required: true, doc: 'Key ID or key ARN of the KMS key.' }),
  grantTokens: (): Member => ({ shape: GrantTokenList, doc: 'Grant tokens that make a new grant usable at once.' }),
  encryptionContext: (doc = 'Non-secret key–value pairs bound to the ciphertext.'): Member => ({ shape: EncryptionContextType, doc }),
  dryRun: (): Member => ({ shape: BooleanType, doc: 'Checks permission and parameters without performing the operation.' }),
  keyArnOut: (doc = 'ARN of the KMS key used.'): Member => ({ shape: { type: 'string' }, doc }),
  limit: (max = 1000, doc = 'Largest number of items to return.'): Member => ({ shape: { ...LimitType, max }, doc }),
  marker: (): Member => ({ shape: MarkerType, doc: 'NextMarker from a truncated response, to get the next page.' }),
  nextMarker: (): Member => ({ shape: MarkerType, doc: 'Pass as Marker to get the next page.' }),
  truncated: (): Member => ({ shape: BooleanType, doc: 'Whether more items follow.' }),
};

const S = { type: 'string' } as const;
const SList: ListShape = { type: 'list', member: S };
const doc = (text: string) => text;

/** KeyMetadata as botocore models it (the wire layer needs its timestamps: CreationDate, DeletionDate, ValidTo). */
export const KeyMetadataShape: StructureShape = {
  type: 'structure',
  members: {
    AWSAccountId: { shape: S, doc: doc('Account that owns the key.') },
    KeyId: { shape: S, doc: doc('Key ID.') },
    Arn: { shape: S, doc: doc('Key ARN.') },
    CreationDate: { shape: DateType, doc: doc('When the key was created.') },
    Enabled: { shape: BooleanType, doc: doc('True only when KeyState is Enabled.') },
    Description: { shape: S, doc: doc('Description.') },
    KeyUsage: { shape: S, doc: doc('Cryptographic operations the key is for.') },
    KeyState: { shape: S, doc: doc('Enabled, Disabled, PendingDeletion, PendingImport, …') },
    DeletionDate: { shape: DateType, doc: doc('When the key will be deleted (PendingDeletion only).') },
    ValidTo: { shape: DateType, doc: doc('When imported key material expires.') },
    Origin: { shape: S, doc: doc('AWS_KMS or EXTERNAL.') },
    CustomKeyStoreId: { shape: S, doc: doc('Custom key store (not simulated).') },
    CloudHsmClusterId: { shape: S, doc: doc('CloudHSM cluster (not simulated).') },
    ExpirationModel: { shape: S, doc: doc('Whether imported material expires.') },
    KeyManager: { shape: S, doc: doc('CUSTOMER or AWS.') },
    CustomerMasterKeySpec: { shape: S, doc: doc('Deprecated twin of KeySpec.') },
    KeySpec: { shape: S, doc: doc('Type of key.') },
    EncryptionAlgorithms: { shape: SList, doc: doc('For ENCRYPT_DECRYPT keys.') },
    SigningAlgorithms: { shape: SList, doc: doc('For SIGN_VERIFY keys.') },
    KeyAgreementAlgorithms: { shape: SList, doc: doc('For KEY_AGREEMENT keys.') },
    MultiRegion: { shape: BooleanType, doc: doc('Always false in KMS Lab.') },
    PendingDeletionWindowInDays: { shape: { type: 'integer', min: 1, max: 365 }, doc: doc('Multi-Region keys only.') },
    MacAlgorithms: { shape: SList, doc: doc('For HMAC keys.') },
    CurrentKeyMaterialId: { shape: S, doc: doc('Current key material of a symmetric encryption key.') },
  },
};
