/**
 * The AWS CLI's names for operations and members: botocore's `xform_name` with `-` as the
 * separator (`GenerateDataKeyPair` → `generate-data-key-pair`, `AWSAccountId` → `aws-account-id`),
 * so that every command and flag is derived from the operation registry, never typed twice.
 */
const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;
/** botocore keeps a trailing plural acronym together ("ARNs" → "arns"). */
const SPECIAL_PLURAL = /[A-Z]{2,}s$/;

export function kebabCase(name: string): string {
  let head = name;
  let tail = '';
  const special = SPECIAL_PLURAL.exec(name);
  if (special) {
    head = name.slice(0, -special[0].length);
    tail = '-' + special[0].toLowerCase();
  }
  return head.replace(FIRST_CAP, '$1-$2').replace(END_CAP, '$1-$2').toLowerCase() + tail;
}
