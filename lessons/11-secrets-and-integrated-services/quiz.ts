/**
 * Exam-style questions on secrets and integrated services. Where the scenario can answer (which
 * calls Parameter Store makes, which encryption context and ViaService KMS logs, which exception a
 * role without kms:Decrypt gets, how many KMS calls a flow makes, which key a service uses), the
 * answer is computed by running it, so the quiz cannot disagree with what the lesson shows.
 */
import { TERMINAL_EVENT } from '../../src/lessons/terminal';
import { defineQuiz, type QuizEngine, type ScenarioEvent } from '../../src/lessons/types';
import { PARAMETER_NAME, type SecretsState } from './scenario';

/** A fresh world with the lesson's seed, after dispatching `events` in order. */
async function run(engine: QuizEngine, ...events: ScenarioEvent[]) {
  const { instance } = await engine.createScenario();
  for (const event of events) await instance.dispatch(event);
  return { state: instance.state as SecretsState, terminal: instance.terminal! };
}

const line = (text: string): ScenarioEvent => ({ type: TERMINAL_EVENT, line: text });
const ENCRYPT_INTO_ENV = line('echo "DB_PASSWORD_ENCRYPTED=$(aws kms encrypt --key-id alias/tutorial --plaintext fileb://db-password.txt --output text --query CiphertextBlob)" > app.env');
const PUT = (extra = '') => line(`aws ssm put-parameter --name ${PARAMETER_NAME} --type SecureString --value file://db-password.txt${extra}`);
const GET_DECRYPTED = line(`aws ssm get-parameter --name ${PARAMETER_NAME} --with-decryption --query Parameter.Value --output text`);
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

export default defineQuiz([
  {
    id: 'standard-securestring-calls',
    kind: 'multi',
    prompt: 'A standard-tier SecureString is written with `aws ssm put-parameter` and read with `aws ssm get-parameter --with-decryption`. Which KMS operations does Parameter Store call? (Choose all that apply.)',
    refs: ['securestring-parameter', 'ssm-calls-kms-for-you'],
    options: [
      { id: 'Encrypt', text: 'Encrypt', why: 'Right: a standard parameter (up to 4 KB) is encrypted directly by KMS Encrypt when it is written.' },
      { id: 'Decrypt', text: 'Decrypt', why: 'Right: reading it with --with-decryption makes Parameter Store call Decrypt for you.' },
      { id: 'GenerateDataKey', text: 'GenerateDataKey', why: 'Only advanced parameters use envelope encryption with a data key.' },
      { id: 'GenerateDataKeyWithoutPlaintext', text: 'GenerateDataKeyWithoutPlaintext', why: 'That is what EBS, RDS and Redshift ask for; Parameter Store never needs a data key it cannot read.' },
      { id: 'ReEncrypt', text: 'ReEncrypt', why: 'Parameter Store does not re-encrypt; a new value is simply encrypted again.' },
    ],
    answer: {
      describe: 'stores a standard SecureString, reads it with decryption and lists the KMS calls Parameter Store made',
      async compute(engine) {
        const { state } = await run(engine, PUT(), GET_DECRYPTED);
        return sorted(state.ssmCalls.filter((c) => !c.errorCode).map((c) => c.operation));
      },
    },
    explanation: 'Standard SecureStrings are encrypted with KMS Encrypt (values up to 4 KB) and decrypted with Decrypt, one KMS call each way, both made by Parameter Store with the caller\'s identity.',
  },
  {
    id: 'advanced-securestring-calls',
    kind: 'multi',
    prompt: 'The same secret is stored as an **advanced** parameter (`--tier Advanced`) and read with decryption. Which KMS operations appear in CloudTrail? (Choose all that apply.)',
    refs: ['ssm-calls-kms-for-you'],
    options: [
      { id: 'GenerateDataKey', text: 'GenerateDataKey', why: 'Right: advanced parameters use envelope encryption, starting with a data key from KMS.' },
      { id: 'Decrypt', text: 'Decrypt', why: 'Right: reading decrypts the stored data key, which then decrypts the value.' },
      { id: 'Encrypt', text: 'Encrypt', why: 'Advanced values (up to 8 KB) are encrypted with the data key outside KMS, not by Encrypt.' },
      { id: 'GenerateRandom', text: 'GenerateRandom', why: 'Parameter Store does not ask KMS for random bytes.' },
    ],
    answer: {
      describe: 'stores an advanced SecureString, reads it with decryption and lists the KMS calls Parameter Store made',
      async compute(engine) {
        const { state } = await run(engine, PUT(' --tier Advanced'), GET_DECRYPTED);
        return sorted(state.ssmCalls.filter((c) => !c.errorCode).map((c) => c.operation));
      },
    },
    explanation: 'Advanced parameters use envelope encryption: GenerateDataKey when written (the value is encrypted locally with the data key), Decrypt of that data key when read.',
  },
  {
    id: 'ssm-encryption-context',
    kind: 'single',
    prompt: 'In the CloudTrail record of the Decrypt that Parameter Store made for `get-parameter --with-decryption`, what is the encryption context?',
    refs: ['ssm-calls-kms-for-you'],
    options: [
      { id: 'parameter-arn', text: 'PARAMETER_ARN = the parameter\'s ARN', why: 'Right: Parameter Store binds every SecureString to its ARN, and KMS logs the context in plaintext.' },
      { id: 'parameter-name', text: 'aws:ssm:name = the parameter\'s name', why: 'Parameter Store uses the ARN under the key PARAMETER_ARN, not the bare name.' },
      { id: 'none', text: 'None: Parameter Store sends no encryption context', why: 'It always sends one; that is what lets a key policy limit a key to a parameter path.' },
      { id: 'value', text: 'The parameter\'s value, so it can be checked', why: 'Never: the encryption context is logged in plaintext, so it must never hold a secret.' },
    ],
    answer: {
      describe: 'reads the encryption context of the Decrypt Parameter Store made for the learner',
      async compute(engine) {
        const { state } = await run(engine, PUT(), GET_DECRYPTED);
        const decrypt = state.ssmCalls.find((c) => c.operation === 'Decrypt');
        const keys = Object.keys(decrypt?.encryptionContext ?? {});
        return keys.length === 0 ? 'none' : keys[0] === 'PARAMETER_ARN' && decrypt!.encryptionContext.PARAMETER_ARN === decrypt!.parameterArn ? 'parameter-arn' : 'parameter-name';
      },
    },
    explanation: 'The context is {"PARAMETER_ARN": "arn:aws:ssm:<region>:<account>:parameter/<name>"}. A ciphertext moved to another parameter does not decrypt, and a key policy can require kms:EncryptionContext:PARAMETER_ARN to match a path.',
  },
  {
    id: 'ssm-via-service',
    kind: 'single',
    prompt: 'A key policy should allow kms:Decrypt only when the request comes through Parameter Store in eu-west-2. Which kms:ViaService value does KMS see?',
    refs: ['ssm-calls-kms-for-you'],
    options: [
      { id: 'ssm.eu-west-2.amazonaws.com', text: 'ssm.eu-west-2.amazonaws.com', why: 'Right: the service\'s endpoint in the Region, which is what Parameter Store\'s calls carry.' },
      { id: 'ssm.amazonaws.com', text: 'ssm.amazonaws.com', why: 'That is the service principal (and CloudTrail\'s invokedBy); kms:ViaService names the Regional endpoint.' },
      { id: 'kms.eu-west-2.amazonaws.com', text: 'kms.eu-west-2.amazonaws.com', why: 'That is KMS\'s own endpoint, not the service calling it.' },
      { id: 'none', text: 'None: the call comes from the user, so there is no ViaService', why: 'The call is made for the user, but through SSM, and KMS sees that.' },
    ],
    answer: {
      describe: 'opens the decision KMS recorded for a Decrypt Parameter Store made, and reads kms:ViaService from its request context',
      async compute(engine) {
        const { state } = await run(engine, line(`aws ssm put-parameter --name ${PARAMETER_NAME} --type SecureString --key-id alias/tutorial --value file://db-password.txt`), { type: 'ssm-demo' });
        const via = state.decisions.at(-1)?.decision.request.context?.['kms:ViaService'];
        return typeof via === 'string' ? via : 'none';
      },
    },
    explanation: 'Integrated services call KMS with kms:ViaService = <service>.<region>.amazonaws.com. A key policy condition on it limits a key to use through that service, as AWS managed keys do.',
  },
  {
    id: 'role-without-decrypt',
    kind: 'single',
    prompt: 'The payroll app keeps its database password as a KMS ciphertext in an environment variable. It is deployed with a role that has no kms:Decrypt permission (the key\'s policy delegates to IAM). What happens at start-up?',
    refs: ['decrypt-at-start-up'],
    options: [
      { id: 'AccessDeniedException', text: 'Decrypt fails with AccessDeniedException, so the app cannot read its password', why: 'Right: KMS refuses a caller that neither the key policy nor IAM allows, and the app has nothing to connect with.' },
      { id: 'InvalidCiphertextException', text: 'Decrypt fails with InvalidCiphertextException', why: 'The ciphertext is fine; it is the caller that is not allowed.' },
      { id: 'ok', text: 'It starts: an environment variable needs no permission', why: 'The variable holds ciphertext; turning it into the password needs kms:Decrypt.' },
      { id: 'DisabledException', text: 'Decrypt fails with DisabledException', why: 'The key is enabled; only its use by this role is refused.' },
    ],
    answer: {
      describe: 'encrypts the password into app.env and starts the app as the BatchJob role',
      async compute(engine) {
        const { state } = await run(engine, ENCRYPT_INTO_ENV, { type: 'start-app', as: 'BatchJob' });
        const start = state.starts.at(-1);
        return start?.ok ? 'ok' : (start?.errorCode ?? 'unknown');
      },
    },
    explanation: 'Keeping a secret as ciphertext moves the question "who may read it" to KMS. A role without kms:Decrypt gets AccessDeniedException and the app fails safely at start-up, and CloudTrail records the refused call.',
  },
  {
    id: 'starts-per-day',
    kind: 'single',
    prompt: 'With the encrypted environment variable, the app is started 3 times today (two deployments and a restart). How many KMS API calls does that add to CloudTrail?',
    refs: ['decrypt-at-start-up'],
    options: [
      { id: '3', text: '3: one Decrypt per start', why: 'Right: each start decrypts the password once and keeps it in memory.' },
      { id: '0', text: '0: the environment variable is read locally', why: 'Reading the variable is local, but turning the ciphertext into the password is a KMS Decrypt.' },
      { id: '6', text: '6: a GenerateDataKey and a Decrypt per start', why: 'No data key is involved: the password was encrypted directly with Encrypt, once.' },
      { id: '1', text: '1: KMS caches the answer for the day', why: 'KMS caches nothing for callers; every Decrypt is a request (and a line in the audit log).' },
    ],
    answer: {
      describe: 'encrypts the password into app.env, starts the app three times as AppServer and counts the KMS calls the starts made',
      async compute(engine) {
        const { state } = await run(engine, ENCRYPT_INTO_ENV, { type: 'start-app', as: 'AppServer' }, { type: 'start-app', as: 'AppServer' }, { type: 'start-app', as: 'AppServer' });
        return String(state.starts.filter((s) => s.eventId).length);
      },
    },
    explanation: 'Each start is exactly one Decrypt call by the app\'s role: the audit trail of who read the password, and a cost and quota to keep in mind for apps that start very often.',
  },
  {
    id: 'aws-ssm-shared',
    kind: 'single',
    prompt: 'A SecureString was stored without --key-id. A role whose IAM policies allow ssm:GetParameter but no KMS action reads it with --with-decryption. What does it get?',
    refs: ['ssm-calls-kms-for-you'],
    options: [
      { id: 'value', text: 'The decrypted value', why: 'Right: without --key-id the AWS managed key aws/ssm is used, and its policy allows every principal of the account to decrypt through SSM.' },
      { id: 'AccessDeniedException', text: 'AccessDeniedException from KMS', why: 'That is what a customer managed key whose policy delegates to IAM would give; aws/ssm allows the whole account through SSM.' },
      { id: 'ciphertext', text: 'The ciphertext, because decryption is not allowed', why: 'Parameter Store either decrypts or fails; it does not silently return ciphertext when you asked for decryption.' },
      { id: 'ParameterNotFound', text: 'ParameterNotFound', why: 'The parameter exists; what matters is who may decrypt it.' },
    ],
    answer: {
      describe: 'lets the operations team store a SecureString with the default key and has BatchJob read it with decryption',
      async compute(engine) {
        const { state } = await run(engine, { type: 'ssm-demo' });
        const read = state.ssmReads.find((r) => r.keyId === 'alias/aws/ssm');
        return read?.ok ? 'value' : (read?.errorCode ?? 'unknown');
      },
    },
    explanation: 'AWS managed keys are used through their service by anyone in the account whom the service lets in. To decide who may read a secret, encrypt it with a customer managed key and grant kms:Decrypt only to those who need it.',
  },
  {
    id: 'parameter-not-found',
    kind: 'single',
    prompt: 'A script runs `aws ssm get-parameter --name /payroll/db-pasword` (a typo). What does the AWS CLI print on stderr?',
    refs: ['securestring-parameter'],
    options: [
      { id: 'empty-message', text: 'An error occurred (ParameterNotFound) when calling the GetParameter operation: (and nothing after the colon)', why: 'Right: ParameterNotFound comes with an empty message, so the line ends at the colon; log the name yourself.' },
      { id: 'named', text: 'An error occurred (ParameterNotFound) when calling the GetParameter operation: Parameter /payroll/db-pasword not found.', why: 'A helpful message, but not the one AWS sends: the message is empty.' },
      { id: 'access-denied', text: 'An error occurred (AccessDeniedException) when calling the GetParameter operation', why: 'A missing parameter is ParameterNotFound, not a permission error.' },
      { id: 'usage', text: 'aws: error: the following arguments are required: --name', why: 'That is the usage error for a missing --name; here --name is given.' },
    ],
    answer: {
      describe: 'runs get-parameter for a name that does not exist in the lesson\'s terminal and compares what it printed',
      async compute(engine) {
        const { terminal } = await run(engine, line('aws ssm get-parameter --name /payroll/db-pasword'));
        const printed = terminal.lines.at(-1)?.stderr ?? '';
        if (printed === '\nAn error occurred (ParameterNotFound) when calling the GetParameter operation: \n') return 'empty-message';
        return printed.includes('ParameterNotFound') ? 'named' : printed.includes('AccessDenied') ? 'access-denied' : 'usage';
      },
    },
    explanation: 'The CLI prints `An error occurred (<code>) when calling the <Operation> operation: <message>` and exits with status 254. ParameterNotFound\'s message is empty, which is why scripts should say which name they asked for.',
  },
  {
    id: 'ebs-calls',
    kind: 'multi',
    prompt: 'An encrypted EBS volume is created with a customer managed key and attached to an instance. Which KMS operations appear in CloudTrail? (Choose all that apply.)',
    refs: ['s3-and-ebs'],
    options: [
      { id: 'GenerateDataKeyWithoutPlaintext', text: 'GenerateDataKeyWithoutPlaintext', why: 'Right: at creation EBS wants only the encrypted data key, to store with the volume.' },
      { id: 'CreateGrant', text: 'CreateGrant', why: 'Right: at attach, a grant lets EC2 decrypt the volume\'s data key for the instance.' },
      { id: 'Decrypt', text: 'Decrypt', why: 'Right: EC2, under the grant, decrypts the data key into the host\'s memory.' },
      { id: 'GenerateDataKey', text: 'GenerateDataKey', why: 'EBS never needs a plaintext data key at creation; it asks for the encrypted one only.' },
      { id: 'Encrypt', text: 'Encrypt', why: 'Volume blocks are encrypted with the data key on the host, never sent to KMS.' },
    ],
    answer: {
      describe: 'runs the EBS scenario and lists the KMS operations CloudTrail recorded',
      async compute(engine) {
        const { state } = await run(engine, { type: 'service', service: 'ebs' });
        return sorted(state.services.ebs?.calls.filter((c) => !c.errorCode).map((c) => c.operation) ?? []);
      },
    },
    explanation: 'EBS: GenerateDataKeyWithoutPlaintext at CreateVolume; CreateGrant and Decrypt when the volume is attached (the Decrypt made by EC2 under the grant). The caller needs kms:CreateGrant, and kms:ViaService is ec2.<region>.amazonaws.com.',
  },
  {
    id: 's3-default-key',
    kind: 'single',
    prompt: 'A bucket\'s default encryption is SSE-KMS and no key is named. Which key protects the objects, and who manages it?',
    refs: ['s3-and-ebs', 'where-secrets-belong'],
    options: [
      { id: 'aws-managed', text: 'aws/s3, an AWS managed key created on first use', why: 'Right: S3 uses its AWS managed key when none is named; it is free and rotated yearly by AWS.' },
      { id: 'customer-managed', text: 'A customer managed key S3 creates for the bucket', why: 'S3 does not create customer managed keys; the default is the AWS managed aws/s3.' },
      { id: 'sse-s3', text: 'S3\'s own keys (SSE-S3): KMS is not involved', why: 'That is SSE-S3 (AES256). SSE-KMS always uses a KMS key.' },
      { id: 'tutorial', text: 'The account\'s first customer managed key', why: 'S3 never picks one of your keys for you.' },
    ],
    answer: {
      describe: 'runs the S3 scenario and reads which key its calls used and who manages it',
      async compute(engine) {
        const { state } = await run(engine, { type: 'service', service: 's3' });
        const s3 = state.services.s3;
        return s3?.keyAlias === 'alias/aws/s3' && s3.keyManager === 'AWS' ? 'aws-managed' : s3?.keyManager === 'CUSTOMER' ? 'customer-managed' : 'sse-s3';
      },
    },
    explanation: 'With SSE-KMS and no key named, S3 uses alias/aws/s3 (KeyManager AWS): one GenerateDataKey per object written and one Decrypt per object read, with the context aws:s3:arn.',
  },
  {
    id: 'redshift-hierarchy',
    kind: 'order',
    prompt: 'Put Amazon Redshift\'s encryption keys in order, from the one that protects all the others down to the ones that encrypt data blocks.',
    refs: ['rds-and-redshift'],
    items: [
      { id: 'dek', text: 'Database encryption key (DEK)', why: 'Third: made inside the cluster and encrypted under the CEK.' },
      { id: 'kms', text: 'KMS key (root key)', why: 'First: the only tier inside KMS.' },
      { id: 'blocks', text: 'Data encryption keys (one per data block)', why: 'Last: random AES-256 keys encrypted under the DEK.' },
      { id: 'cek', text: 'Cluster encryption key (CEK)', why: 'Second: a data key generated under the KMS key and decrypted into the cluster\'s memory.' },
    ],
    answer: ['kms', 'cek', 'dek', 'blocks'],
    explanation: 'Redshift\'s four tiers: KMS key → cluster encryption key → database encryption key → data encryption keys. Only the first two involve KMS calls, so queries do not call KMS.',
  },
  {
    id: 'password-in-code',
    kind: 'multi',
    prompt: 'Why is a database password written in the application\'s source code a problem? (Choose all that apply.)',
    refs: ['password-in-code'],
    options: [
      { id: 'copies', text: 'It is copied into every clone, build and backup, and stays in the repository history', why: 'Right: deleting the line later does not remove it from earlier commits or copies.' },
      { id: 'no-audit', text: 'Nothing records who read it', why: 'Right: it never passes through KMS, so there is no CloudTrail event for a read.' },
      { id: 'no-rotation', text: 'Changing it needs a code change and a redeploy, so it is rarely rotated', why: 'Right: rotation is the third thing a secrets store gives you.' },
      { id: 'too-long', text: 'Passwords longer than 4 KB do not fit in code', why: 'Size is not the issue; a password is a few bytes. The 4 KB limit is KMS Encrypt\'s.' },
    ],
    answer: ['copies', 'no-audit', 'no-rotation'],
    explanation: 'Secrets in code fail access control, audit and rotation at once. An encrypted secret (a KMS ciphertext, a SecureString or a Secrets Manager secret) moves all three to KMS and the store.',
  },
]);
