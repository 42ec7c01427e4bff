/**
 * Practice exam, fixed questions on auditing KMS with CloudTrail (lesson 10): where cross-account calls
 * are logged, cutting event volume without losing key changes, the 90-day event history, proving logs
 * were not altered, encrypting a trail with a KMS key, and telling apart instances that share a role.
 */
import { defineExamQuestions } from '../../../src/lessons/exam/types';

const about = { topic: 'audit-with-cloudtrail', lessonId: 'audit-with-cloudtrail' } as const;

export default defineExamQuestions([
  {
    ...about,
    id: 'ct-cross-account-where-logged',
    kind: 'single',
    prompt:
      'A partner account calls Decrypt with a key owned by your account. Some of its calls succeed, and some are refused with AccessDeniedException. Where does CloudTrail record them?',
    refs: ['denied-calls', 'a-day-in-the-log'],
    options: [
      {
        id: 'owner-only',
        text: 'Only in your account, the key owner\'s',
        why: 'The caller\'s account always logs its own calls; the owner sees the successful ones too.',
      },
      {
        id: 'success-both-denied-caller',
        text: 'Successful calls in both accounts; calls refused for lack of access only in the partner\'s (the caller\'s) account',
        why: 'Right: that is how KMS logs cross-account use, so the key owner does not see the partner\'s refused attempts in its own trail.',
      },
      {
        id: 'both-always',
        text: 'Every call, successful or refused, in both accounts',
        why: 'Refused cross-account requests are logged only in the caller\'s account.',
      },
      {
        id: 'caller-only',
        text: 'Only in the partner\'s account, the caller\'s',
        why: 'Successful cross-account operations are logged in the key owner\'s account as well.',
      },
    ],
    answer: 'success-both-denied-caller',
    explanation:
      'Cross-account use of a key is visible to the key owner when it succeeds. To investigate a partner\'s refused attempts, the partner\'s own CloudTrail is the place to look.',
  },
  {
    ...about,
    id: 'ct-keep-key-changes-only',
    kind: 'single',
    prompt:
      'A trail records millions of KMS Encrypt, Decrypt and GenerateDataKey events a day, and the team wants to cut that volume. It must keep recording changes such as DisableKey, PutKeyPolicy and ScheduleKeyDeletion. What should it configure?',
    refs: ['read-only-and-management', 'beyond-the-event-history'],
    options: [
      {
        id: 'data-events-off',
        text: 'Turn off data events for the trail',
        why: 'KMS has no data events: all of its events, Encrypt and Decrypt included, are management events.',
      },
      {
        id: 'disable-trail',
        text: 'Stop the trail and rely on the 90-day event history',
        why: 'The event history is short-lived and cannot feed long-term storage or alarms the way a trail does.',
      },
      {
        id: 'exclude-kms',
        text: 'Turn on "Exclude AWS KMS events" for the trail',
        why: 'That drops every KMS event, including DisableKey, PutKeyPolicy and ScheduleKeyDeletion.',
      },
      {
        id: 'write-only',
        text: 'Record only write management events on the trail (and leave "Exclude AWS KMS events" off)',
        why: 'Right: the high-volume cryptographic calls are read-only events, while key changes are write events, so a write-only trail keeps the changes.',
      },
    ],
    answer: 'write-only',
    explanation:
      'KMS marks cryptographic and describe calls readOnly: true and key changes readOnly: false. Filtering on that field keeps the audit trail of who changed keys while shedding the bulk of routine use, at the cost of no longer seeing who used the keys.',
  },
  {
    ...about,
    id: 'ct-older-than-90-days',
    kind: 'single',
    prompt:
      'An investigator needs to know who disabled a KMS key eight months ago. The account never created a trail or a CloudTrail Lake event data store. What can be found?',
    refs: ['beyond-the-event-history'],
    options: [
      {
        id: 'nothing',
        text: 'Nothing from CloudTrail: the event history keeps only the last 90 days',
        why: 'Right: longer retention needs a trail delivering to S3 (or an event data store) created before the event happened.',
      },
      {
        id: 'event-history',
        text: 'The event history shows it: it keeps every management event for the life of the account',
        why: 'The event history covers 90 days of management events.',
      },
      {
        id: 'describe-key',
        text: 'DescribeKey shows who disabled the key and when',
        why: 'Key metadata shows the state, never who changed it.',
      },
      {
        id: 'create-trail-now',
        text: 'Create a trail now; CloudTrail backfills it with the past year\'s events',
        why: 'A new trail records events from its creation onward; it never backfills.',
      },
    ],
    answer: 'nothing',
    explanation:
      'Set up a trail (ideally an organization trail into a separate log-archive account) before you need it. With events in S3, Athena or CloudTrail Lake can answer "who did what to which key" years later.',
  },
  {
    ...about,
    id: 'ct-log-integrity',
    kind: 'single',
    prompt:
      'Auditors require proof that the CloudTrail log files recording KMS use were not modified or deleted after delivery to S3. What should the team enable?',
    refs: ['beyond-the-event-history'],
    options: [
      {
        id: 'integrity-validation',
        text: 'Log file integrity validation on the trail, and check the logs with `aws cloudtrail validate-logs`',
        why: 'Right: CloudTrail delivers signed digest files with a SHA-256 hash of each log file, so changes and deletions can be detected.',
      },
      {
        id: 'versioning',
        text: 'S3 versioning on the bucket, without anything else',
        why: 'Versioning keeps old copies but proves nothing by itself, and a privileged user can delete versions.',
      },
      {
        id: 'encryption-context',
        text: 'An encryption context on every KMS call, which CloudTrail uses to sign the events',
        why: 'The encryption context is logged as data; it plays no part in protecting the log files.',
      },
      {
        id: 'sse-kms',
        text: 'SSE-KMS encryption of the log files with a customer managed key',
        why: 'Encryption controls who can read the logs; someone allowed to write could still replace them undetected.',
      },
    ],
    answer: 'integrity-validation',
    explanation:
      'Integrity validation gives tamper evidence; S3 Object Lock, a separate log-archive account and restrictive bucket policies give tamper resistance. Audits usually want both.',
  },
  {
    ...about,
    id: 'ct-trail-encrypted-with-kms',
    kind: 'multi',
    prompt:
      'A trail must encrypt its log files with a customer managed KMS key (SSE-KMS), and the security team must be able to read them. What must the key policy allow? (Choose two.)',
    refs: ['beyond-the-event-history', 'reading-an-event'],
    options: [
      {
        id: 'cloudtrail-gdk',
        text: 'The CloudTrail service principal kms:GenerateDataKey*, with a condition on the aws:cloudtrail:arn encryption context',
        why: 'Correct: CloudTrail asks for a data key for each log file it writes; the condition limits it to your trails.',
      },
      {
        id: 's3-only',
        text: 'Nothing for readers: s3:GetObject on the bucket is enough to read SSE-KMS objects',
        why: 'S3 must decrypt the data key with the reader\'s permissions, so kms:Decrypt is required.',
      },
      {
        id: 'readers-decrypt',
        text: 'The security team\'s principals kms:Decrypt',
        why: 'Correct: reading an SSE-KMS log file needs kms:Decrypt on the key as well as s3:GetObject.',
      },
      {
        id: 'cloudtrail-decrypt',
        text: 'The CloudTrail service principal kms:Decrypt',
        why: 'CloudTrail only writes log files; it never needs to read them back.',
      },
    ],
    answer: ['cloudtrail-gdk', 'readers-decrypt'],
    explanation:
      'Encrypting logs with your own key adds one more gate to reading them: whoever investigates needs kms:Decrypt. The writer (CloudTrail) needs only to generate data keys, scoped by the aws:cloudtrail:arn encryption context.',
  },
  {
    ...about,
    id: 'ct-which-instance',
    kind: 'single',
    prompt:
      'Twenty EC2 instances share one IAM role through an instance profile. A suspicious Decrypt appears in CloudTrail. Which fields show which instance made it?',
    refs: ['reading-an-event', 'who-decrypted'],
    options: [
      {
        id: 'response-elements',
        text: 'responseElements, which names the instance that received the plaintext',
        why: 'responseElements is null for cryptographic operations.',
      },
      {
        id: 'role-only',
        text: 'None: the event names only the role, shared by all twenty',
        why: 'The ARN of an assumed role includes the session name, not just the role.',
      },
      {
        id: 'resources',
        text: 'resources, which lists the instance',
        why: 'resources lists the KMS key used, not the caller.',
      },
      {
        id: 'session-and-ip',
        text: 'userIdentity.arn, whose role session name is the instance id, and sourceIPAddress',
        why: 'Right: EC2 names each instance\'s role session after the instance, and the source address shows where the call came from.',
      },
    ],
    answer: 'session-and-ip',
    explanation:
      'userIdentity tells who signed the request: for an assumed role, arn:aws:sts::<account>:assumed-role/<role>/<session>. Session names (the instance id for EC2, a name you choose for your own AssumeRole calls) are what separate callers that share a role.',
  },
  {
    ...about,
    id: 'ct-context-opaque-id',
    kind: 'single',
    prompt:
      'A support team wants to search CloudTrail for every decryption of a given customer\'s documents. A developer proposes adding the customer\'s e-mail address to the encryption context of each GenerateDataKey and Decrypt. What is the best design?',
    refs: ['context-is-logged', 'who-decrypted'],
    options: [
      {
        id: 'email',
        text: 'Use the e-mail address as proposed: the encryption context is encrypted in the logs',
        why: 'The context is authenticated, not encrypted: every reader of CloudTrail would see the customers\' e-mail addresses.',
      },
      {
        id: 'opaque-id',
        text: 'Use an opaque, non-secret identifier such as customer=c-7f3a91, and look it up in the application when needed',
        why: 'Right: the context still names the customer for searches and binds each data key to it, without putting personal data in the logs.',
      },
      {
        id: 'in-plaintext',
        text: 'Put the e-mail address in the plaintext being encrypted instead, and search the plaintext in CloudTrail',
        why: 'CloudTrail never logs plaintext or ciphertext, so there would be nothing to search.',
      },
      {
        id: 'no-context',
        text: 'Use no encryption context and search CloudTrail by key ARN',
        why: 'If every customer\'s documents share the key, the key ARN cannot tell one customer from another.',
      },
    ],
    answer: 'opaque-id',
    explanation:
      'KMS logs requestParameters.encryptionContext in plaintext on every call, which makes the context a good search handle and a bad place for personal or secret data. Name things with identifiers that mean nothing outside your application.',
  },
]);
