/**
 * Practice exam, fixed questions on secrets and integrated services (lesson 11): a leaked hard-coded
 * password, decrypting a secret once per start-up, Parameter Store SecureString permissions and tiers,
 * the shared aws/ssm key, Secrets Manager for rotation, EBS and RDS with KMS (sharing a snapshot,
 * encryption by default, encrypting an existing database) and Redshift's key hierarchy.
 */
import { defineExamQuestions } from '../../../src/lessons/exam/types';

const about = { topic: 'secrets-and-integrated-services', lessonId: 'secrets-and-integrated-services' } as const;

export default defineExamQuestions([
  {
    ...about,
    id: 'sec-password-in-git',
    kind: 'single',
    prompt:
      'A production database password was written into application code and pushed to the company\'s Git repository months ago. What is the right remediation?',
    refs: ['password-in-code', 'where-secrets-belong'],
    options: [
      {
        id: 'rotate-kms',
        text: 'Rotate the KMS key that protects the database storage',
        why: 'Rotating KMS key material does not change the database password, which is the secret that leaked.',
      },
      {
        id: 'rotate-and-move',
        text: 'Change the database password, store the new one in a secrets store (for example Secrets Manager), and have the code fetch it at run time',
        why: 'Right: the old password must be treated as known, since every clone and the history hold it; the new one must never be in code again.',
      },
      {
        id: 'delete-line',
        text: 'Delete the line in a new commit',
        why: 'The password stays in the repository\'s history and in every clone made before the commit.',
      },
      {
        id: 'encrypt-repo',
        text: 'Make the repository private and encrypt its storage with a KMS key',
        why: 'Everyone with access to the repository can still read the password; encryption at rest changes nothing for them.',
      },
    ],
    answer: 'rotate-and-move',
    explanation:
      'A secret in code is copied wherever the code goes: repositories, build logs, artifacts, laptops. Once exposed, rotate it; then keep secrets in a service that encrypts them with KMS, controls who may read them, and logs every read.',
  },
  {
    ...about,
    id: 'sec-decrypt-once-per-start',
    kind: 'single',
    prompt:
      'A Lambda function keeps an API key as KMS ciphertext in an environment variable and calls KMS Decrypt at the start of every invocation. At 3,000 invocations a second it is throttled and the KMS bill is growing. What is the best fix?',
    refs: ['decrypt-at-start-up', 'encrypted-environment-variable'],
    options: [
      {
        id: 'quota-only',
        text: 'Ask for a higher KMS request quota and keep decrypting on every invocation',
        why: 'That treats the symptom: the calls are unnecessary, and each one still costs money.',
      },
      {
        id: 'init-once',
        text: 'Decrypt once in the function\'s initialization code, outside the handler, and keep the plaintext in memory for the execution environment\'s lifetime',
        why: 'Right: one Decrypt per execution environment instead of one per invocation; the secret stays in memory only.',
      },
      {
        id: 'plaintext-env',
        text: 'Store the API key in plaintext in the environment variable instead',
        why: 'Then anyone who can read the function\'s configuration reads the key, which is what encrypting it prevented.',
      },
      {
        id: 'write-tmp',
        text: 'Decrypt on the first invocation and write the plaintext to /tmp for later ones',
        why: 'That puts the secret on disk, where it outlives the process and can leak, for no gain over memory.',
      },
    ],
    answer: 'init-once',
    explanation:
      'Decrypt secrets at start-up, not per request. The same applies to any service reading a secret: fetch it once (or cache it with a refresh interval, as the Secrets Manager caching clients do) and keep it in memory.',
  },
  {
    ...about,
    id: 'sec-securestring-permissions',
    kind: 'multi',
    prompt:
      'An application reads a SecureString parameter encrypted with a customer managed KMS key, by calling GetParameter with WithDecryption=true. Which permissions does its role need? (Choose two.)',
    refs: ['securestring-parameter', 'ssm-calls-kms-for-you'],
    options: [
      {
        id: 'secrets-manager',
        text: 'secretsmanager:GetSecretValue',
        why: 'That is the Secrets Manager API, a different service.',
      },
      {
        id: 'kms-gdk',
        text: 'kms:GenerateDataKey on the key',
        why: 'That is needed to write a SecureString (advanced tier), not to read one.',
      },
      {
        id: 'ssm-get',
        text: 'ssm:GetParameter on the parameter',
        why: 'Correct: Parameter Store checks its own permission on the parameter first.',
      },
      {
        id: 'kms-decrypt',
        text: 'kms:Decrypt on the customer managed key',
        why: 'Correct: Parameter Store calls KMS Decrypt on the role\'s behalf, so the role itself must be allowed.',
      },
    ],
    answer: ['ssm-get', 'kms-decrypt'],
    explanation:
      'Reading a SecureString takes two permissions from two services: the parameter (ssm:GetParameter) and the key (kms:Decrypt). Without WithDecryption the caller gets the ciphertext, and needs no KMS permission.',
  },
  {
    ...about,
    id: 'sec-aws-ssm-key-shared',
    kind: 'single',
    prompt:
      'All SecureString parameters in an account are encrypted with the AWS managed key aws/ssm. The payments team\'s parameters must be decryptable only by payments roles, even though other roles have ssm:GetParameter on all parameters. What should the team do?',
    refs: ['securestring-parameter', 'ssm-calls-kms-for-you'],
    options: [
      {
        id: 'edit-aws-ssm',
        text: 'Edit the key policy of aws/ssm to allow only the payments roles',
        why: 'AWS managed key policies cannot be changed, and aws/ssm lets every principal in the account use it through Parameter Store.',
      },
      {
        id: 'rotate-aws-ssm',
        text: 'Rotate aws/ssm so that old readers lose access',
        why: 'Rotation changes no permissions; everyone who could decrypt still can.',
      },
      {
        id: 'string-type',
        text: 'Change the parameters to type String and restrict ssm:GetParameter',
        why: 'That removes encryption altogether and leaves only one gate.',
      },
      {
        id: 'cmk-per-team',
        text: 'Re-encrypt the payments parameters with a customer managed key whose key policy allows kms:Decrypt only to the payments roles',
        why: 'Right: kms:Decrypt on that key becomes a second gate that the other roles do not pass, whatever their SSM permissions.',
      },
    ],
    answer: 'cmk-per-team',
    explanation:
      'AWS managed keys are convenient but shared by the whole account through their service. When different people must be kept apart, use customer managed keys whose key policies say who may decrypt.',
  },
  {
    ...about,
    id: 'sec-securestring-tiers',
    kind: 'single',
    prompt:
      'A team stores a 6 KB certificate bundle as a SecureString parameter. How does Parameter Store protect it with KMS?',
    refs: ['ssm-calls-kms-for-you', 'securestring-parameter'],
    options: [
      {
        id: 'standard-encrypt',
        text: 'As a standard parameter, encrypted with one KMS Encrypt call',
        why: 'Standard parameters hold at most 4 KB, and KMS Encrypt takes at most 4,096 bytes.',
      },
      {
        id: 'split',
        text: 'As two standard parameters, each encrypted with KMS Encrypt',
        why: 'Parameter Store does not split values; the team would have to, which is exactly what envelope encryption avoids.',
      },
      {
        id: 'no-encryption',
        text: 'It cannot: SecureString values over 4 KB are stored unencrypted',
        why: 'Parameter Store never stores a SecureString value unencrypted.',
      },
      {
        id: 'advanced-envelope',
        text: 'It needs the advanced tier (up to 8 KB), and Parameter Store uses envelope encryption: a data key from KMS encrypts the value',
        why: 'Right: values above 4 KB do not fit through KMS Encrypt, so advanced parameters are encrypted locally with a data key that KMS protects.',
      },
    ],
    answer: 'advanced-envelope',
    explanation:
      'Standard SecureString parameters (up to 4 KB) go through KMS Encrypt and Decrypt directly; advanced ones (up to 8 KB) use a data key. Either way Parameter Store calls KMS on the caller\'s behalf, with the parameter\'s ARN as encryption context.',
  },
  {
    ...about,
    id: 'sec-rotating-db-credentials',
    kind: 'single',
    prompt:
      'Database credentials for an Amazon RDS database must be rotated automatically every 30 days, and applications must always read the current value. Which service meets this with the least custom work?',
    refs: ['where-secrets-belong', 'rds-and-redshift'],
    options: [
      {
        id: 'secrets-manager',
        text: 'AWS Secrets Manager with rotation turned on for the secret',
        why: 'Right: Secrets Manager rotates the password in the database and in the secret on a schedule, with built-in support for RDS.',
      },
      {
        id: 'env-var',
        text: 'A KMS-encrypted Lambda environment variable updated by hand',
        why: 'Manual updates are neither automatic nor reliable, and every function holding a copy must be redeployed.',
      },
      {
        id: 'kms-rotation',
        text: 'Automatic rotation on the KMS key that encrypts the credentials, every 30 days',
        why: 'KMS rotation changes key material, not the database password; the same credentials would stay valid forever. (And 90 days is its minimum.)',
      },
      {
        id: 'parameter-store',
        text: 'A SecureString parameter in Parameter Store',
        why: 'Parameter Store stores and encrypts the value but has no built-in rotation; the team would have to write and schedule it.',
      },
    ],
    answer: 'secrets-manager',
    explanation:
      'Rotating a secret (the password) and rotating a key (the KMS material protecting it) are different things. Secrets Manager encrypts each secret with KMS and adds scheduled rotation; Parameter Store SecureString encrypts but does not rotate.',
  },
  {
    ...about,
    id: 'sec-share-ebs-snapshot',
    kind: 'single',
    prompt:
      'An EBS snapshot encrypted with the AWS managed key aws/ebs must be shared with another AWS account. What must be done?',
    refs: ['s3-and-ebs'],
    options: [
      {
        id: 'share-directly',
        text: 'Share the snapshot directly; the other account uses its own aws/ebs key',
        why: 'Each account\'s aws/ebs is a different key, and yours cannot be shared: its key policy cannot be edited.',
      },
      {
        id: 'edit-aws-ebs',
        text: 'Add the other account to the key policy of aws/ebs, then share the snapshot',
        why: 'AWS managed key policies cannot be changed.',
      },
      {
        id: 'copy-with-cmk',
        text: 'Copy the snapshot, re-encrypting it with a customer managed key; allow the other account to use that key in its key policy; share the copy',
        why: 'Right: the other account needs permission to use the key, and only a customer managed key\'s policy can give it.',
      },
      {
        id: 'decrypt-snapshot',
        text: 'Decrypt the snapshot in place, share it, then encrypt it again',
        why: 'EBS snapshots cannot be decrypted in place, and sharing unencrypted data is what encryption was meant to prevent.',
      },
    ],
    answer: 'copy-with-cmk',
    explanation:
      'Sharing encrypted resources across accounts (snapshots, AMIs, S3 objects) needs a customer managed key whose key policy allows the other account, plus an IAM policy there. AWS managed keys only serve their own account.',
  },
  {
    ...about,
    id: 'sec-encrypt-existing-rds',
    kind: 'single',
    prompt:
      'An existing Amazon RDS DB instance was created without encryption. It must now be encrypted at rest with a customer managed KMS key. How?',
    refs: ['rds-and-redshift'],
    options: [
      {
        id: 'snapshot-copy-restore',
        text: 'Take a snapshot, copy it with encryption under the KMS key, and restore a new DB instance from the encrypted copy',
        why: 'Right: encryption is chosen when an instance is created; the encrypted copy of a snapshot is how existing data gets there.',
      },
      {
        id: 'ebs-default',
        text: 'Turn on EBS encryption by default in the Region',
        why: 'That affects new EBS volumes created by EC2, not the storage of an existing RDS instance.',
      },
      {
        id: 'modify-instance',
        text: 'Modify the instance and turn encryption on',
        why: 'RDS cannot encrypt an existing unencrypted instance in place.',
      },
      {
        id: 'read-replica',
        text: 'Create an encrypted read replica of the unencrypted instance and promote it',
        why: 'A read replica of an unencrypted instance is unencrypted too.',
      },
    ],
    answer: 'snapshot-copy-restore',
    explanation:
      'For RDS the KMS key is fixed when the storage is created. The snapshot copy is where the data is re-encrypted; the new instance, its automated backups, snapshots and replicas are then encrypted under that key.',
  },
  {
    ...about,
    id: 'sec-ebs-encryption-by-default',
    kind: 'single',
    prompt:
      'Every new EBS volume in an account\'s Region must be encrypted with the customer managed key alias/ebs-prod, including volumes created by teams that forget to ask for encryption in their launch templates. What should the administrator do?',
    refs: ['s3-and-ebs', 'where-secrets-belong'],
    options: [
      {
        id: 's3-default',
        text: 'Set SSE-KMS default encryption with alias/ebs-prod on the account\'s S3 buckets',
        why: 'S3 default encryption applies to objects in those buckets, not to EBS volumes.',
      },
      {
        id: 'aws-ebs-policy',
        text: 'Change the key policy of aws/ebs so that it points at alias/ebs-prod',
        why: 'AWS managed key policies cannot be changed, and a key policy cannot redirect to another key.',
      },
      {
        id: 'default-encryption',
        text: 'Turn on EBS encryption by default for the Region and set alias/ebs-prod\'s key as the default EBS encryption key',
        why: 'Right: new volumes (and snapshot copies) in that Region are then encrypted, with that key unless a request names another.',
      },
      {
        id: 'kms-rotation',
        text: 'Enable automatic rotation on alias/ebs-prod\'s key',
        why: 'Rotation changes the key\'s material; it does not make any volume encrypted.',
      },
    ],
    answer: 'default-encryption',
    explanation:
      'EBS encryption by default is a per-Region account setting: once on, new volumes cannot be created unencrypted, and the default key (aws/ebs unless you choose a customer managed key) applies whenever a request names none. Existing unencrypted volumes are not changed; copy their snapshots with encryption to move them.',
  },
  {
    ...about,
    id: 'sec-redshift-key-hierarchy',
    kind: 'single',
    prompt:
      'An Amazon Redshift cluster is encrypted with a customer managed KMS key. Its key hierarchy is: KMS key, cluster encryption key, database encryption key, data block keys. Which statement about KMS requests is true?',
    refs: ['rds-and-redshift'],
    options: [
      {
        id: 'per-query',
        text: 'Each query makes one KMS Decrypt call for the database encryption key',
        why: 'The database key is encrypted under the cluster key, not under the KMS key, and stays in the cluster.',
      },
      {
        id: 'no-kms',
        text: 'Redshift never calls KMS; the KMS key is only a label',
        why: 'Redshift calls KMS for the cluster key (CreateGrant, GenerateDataKeyWithoutPlaintext, Decrypt); without the KMS key the cluster key cannot be decrypted.',
      },
      {
        id: 'per-block',
        text: 'Each data block\'s key is decrypted by KMS when a query reads the block',
        why: 'Block keys are encrypted under the database key inside the cluster; KMS never sees them.',
      },
      {
        id: 'top-tiers-only',
        text: 'Only the cluster encryption key involves KMS (generated under the KMS key, and decrypted into the cluster\'s memory); queries never call KMS',
        why: 'Right: the lower tiers are made and used inside the cluster, so query volume does not turn into KMS requests.',
      },
    ],
    answer: 'top-tiers-only',
    explanation:
      'A key hierarchy is envelope encryption stacked: KMS protects the top key, and everything below is protected locally. That keeps KMS requests (and their quota and cost) independent of how much data the cluster reads and writes.',
  },
]);
