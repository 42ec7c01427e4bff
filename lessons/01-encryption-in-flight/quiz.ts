/**
 * Exam-style questions on encryption in flight. Where the scenario can answer, the answer is
 * computed by running it (what the eavesdropper captured, which check refuses a forgery, what
 * happens to a tampered record), so the quiz cannot disagree with what the lesson shows.
 */
import { defineQuiz, type QuizEngine } from '../../src/lessons/types';
import type { MessageEvent } from '../../src/sim/core/events';
import type { EncryptionInFlightState } from './scenario';

/** A fresh world with the lesson's seed, after dispatching `events` in order. */
async function run(engine: QuizEngine, ...events: { type: string; [field: string]: unknown }[]) {
  const { instance, events: log } = await engine.createScenario();
  for (const event of events) await instance.dispatch(event);
  return { state: instance.state as EncryptionInFlightState, log };
}

/** Which check refused the impostor, as an option id. */
function refusingCheck(state: EncryptionInFlightState): string {
  const attempt = state.mitmAttempts.at(-1);
  if (!attempt?.refused) return 'connects';
  if (attempt.refusedAt === 'CertificateVerify') return 'certificate-verify';
  if (attempt.reason?.includes('signature does not verify against the trusted CA key')) return 'ca-signature';
  if (attempt.reason?.includes('not in the trust store')) return 'unknown-issuer';
  if (attempt.reason?.includes('expired')) return 'expired';
  return 'name';
}

export default defineQuiz([
  {
    id: 'http-eavesdropper',
    kind: 'single',
    prompt: 'Alice logs in over plain HTTP while an attacker captures traffic on the same network. What can the attacker do with what it captured?',
    refs: ['plain-http'],
    options: [
      { id: 'reads-password', text: 'Read her password and session cookie directly from the captured bytes', why: 'Right: plain HTTP sends the form and the cookie as readable text; a search for "password=" finds it.' },
      { id: 'hash-only', text: 'See only a hash of the password, which it would have to crack', why: 'Browsers send form fields as typed. Any hashing happens on the server, after the password has crossed the network.' },
      { id: 'ciphertext', text: 'See only ciphertext', why: 'Nothing encrypts plain HTTP. Ciphertext on the wire is what TLS adds.' },
      { id: 'address-only', text: 'See only the server\'s address, not the contents', why: 'That is roughly what remains visible over TLS. Over plain HTTP the contents are visible too.' },
    ],
    answer: {
      describe: 'runs the plain HTTP login and reads what the eavesdropper found in its captured bytes',
      async compute(engine) {
        const { state } = await run(engine, { type: 'http-login' });
        return state.attackerRead.some((r) => r.field === 'password' && r.over === 'http') ? 'reads-password' : 'ciphertext';
      },
    },
    explanation: 'Plain HTTP provides no confidentiality: every device on the path sees every byte. The session cookie is as valuable as the password, because it lets the attacker act as Alice.',
  },
  {
    id: 'tls-eavesdropper',
    kind: 'single',
    prompt: 'The same login is sent over TLS. The attacker captures the record and searches it for "password=". What does it find?',
    refs: ['login-over-tls', 'send-your-own'],
    options: [
      { id: 'nothing', text: 'Nothing: the record holds only ciphertext', why: 'Right: the request is encrypted with AES-256-GCM under a session key the attacker never sees.' },
      { id: 'password', text: 'The password, because the header of the record is not encrypted', why: 'The 5-byte header holds only the record type, version and length. It is authenticated, not secret, and contains no data.' },
      { id: 'username', text: 'The username but not the password', why: 'The whole request is encrypted, every field of the form included.' },
      { id: 'after-handshake', text: 'The password, if it also recorded the handshake', why: 'The handshake carries only public key shares. Without one of the ECDH private keys, the session keys cannot be computed.' },
    ],
    answer: {
      describe: 'runs the TLS handshake and login, then reads what the eavesdropper found',
      async compute(engine) {
        const { state } = await run(engine, { type: 'tls-handshake' }, { type: 'tls-login' });
        return state.attackerRead.some((r) => r.over === 'tls') ? 'password' : 'nothing';
      },
    },
    explanation: 'TLS encrypts application data with keys derived on each side from an ECDH exchange. An eavesdropper sees both public key shares, but it needs one of the private keys, and those never leave their owners.',
  },
  {
    id: 'handshake-order',
    kind: 'order',
    prompt: 'Put the messages of the TLS handshake in the order they cross the network.',
    refs: ['tls-handshake'],
    items: [
      { id: 'certificate-verify', text: 'CertificateVerify: the server signs the transcript with its certificate key', why: 'Comes right after the certificate: it proves the server holds the private key of the certificate it just sent.' },
      { id: 'client-finished', text: 'Finished from the browser', why: 'Last: the browser confirms the handshake after it has checked everything the server sent.' },
      { id: 'server-hello', text: 'ServerHello with the server\'s key share', why: 'The server answers the ClientHello with its own random value and ECDHE key share.' },
      { id: 'certificate', text: 'Certificate', why: 'Sent after ServerHello so that the browser can check who it is talking to.' },
      { id: 'client-hello', text: 'ClientHello with the browser\'s key share', why: 'First: the browser opens the handshake with its random value, the host name and its ECDHE key share.' },
      { id: 'server-finished', text: 'Finished from the server', why: 'The server closes its flight with a MAC over the whole transcript.' },
    ],
    answer: {
      describe: 'runs the handshake and lists its messages in the order they were sent',
      async compute(engine) {
        const { log } = await run(engine, { type: 'tls-handshake' });
        const ids: Record<string, string> = {
          ClientHello: 'client-hello',
          ServerHello: 'server-hello',
          Certificate: 'certificate',
          CertificateVerify: 'certificate-verify',
        };
        return log
          .filter((e): e is MessageEvent => e.type === 'message' && e.to !== 'ca' && e.from !== 'ca')
          .map((m) => (m.label === 'Finished' ? (m.from === 'client' ? 'client-finished' : 'server-finished') : ids[m.label]))
          .filter((id): id is string => id !== undefined);
      },
    },
    explanation: 'Key shares first (ClientHello, ServerHello), then the server proves its identity (Certificate, CertificateVerify), then both sides confirm the whole transcript (Finished). Session keys are derived from the shared secret and the transcript; they never travel.',
  },
  {
    id: 'forged-ca-signature',
    kind: 'single',
    prompt: 'A man in the middle presents a certificate for bank.example that names "KMS Lab Root CA" as its issuer, but signs it with its own private key. Which check makes the browser refuse it?',
    refs: ['forged-certificate', 'certificates'],
    options: [
      { id: 'ca-signature', text: 'The certificate signature does not verify against the trusted CA\'s public key', why: 'Right: the browser verifies with the public key of the CA named as issuer, taken from its trust store. Only the CA\'s private key can produce a matching signature.' },
      { id: 'unknown-issuer', text: 'The issuer is not in the trust store', why: 'The forger named a trusted issuer, so this check passes. It catches self-signed certificates.' },
      { id: 'name', text: 'The host name does not match', why: 'The forger wrote bank.example into the certificate; the name matches.' },
      { id: 'expired', text: 'The certificate has expired', why: 'The forger chose valid dates. Dates are just fields; the signature over them is what the forger cannot produce.' },
      { id: 'connects', text: 'None: the browser connects to the attacker', why: 'It would if the browser only read the issuer name. It verifies the signature.' },
    ],
    answer: {
      describe: 'runs the man-in-the-middle handshake with this forgery and reads the browser\'s reason',
      async compute(engine) {
        const { state } = await run(engine, { type: 'mitm-handshake', forgery: 'claims-trusted-ca' });
        return refusingCheck(state);
      },
    },
    explanation: 'Anyone can write any name into a certificate. Trust comes from the signature, checked with a key the browser already holds. That is why the trust store matters, and why installing an unknown root CA is dangerous.',
  },
  {
    id: 'copied-certificate',
    kind: 'single',
    prompt: 'Instead of forging, the attacker copies bank.example\'s real, valid certificate from the wire and presents it. What happens?',
    refs: ['forged-certificate', 'tls-handshake'],
    options: [
      { id: 'certificate-verify', text: 'The certificate checks pass, but CertificateVerify fails: the attacker cannot sign with the certificate\'s private key', why: 'Right: a certificate is public. What proves identity is a fresh signature over this handshake, made with the matching private key.' },
      { id: 'ca-signature', text: 'The CA signature on the certificate fails', why: 'The certificate is genuine, so its CA signature verifies.' },
      { id: 'connects', text: 'The browser connects: the certificate is genuine', why: 'A genuine certificate is not enough. The peer must also prove it holds the private key, and the attacker does not.' },
      { id: 'expired', text: 'The certificate is rejected as expired, because it was copied', why: 'Copying does not change the dates; the certificate is still valid.' },
    ],
    answer: {
      describe: 'runs the man-in-the-middle handshake with the copied certificate and reads where the browser refused',
      async compute(engine) {
        const { state } = await run(engine, { type: 'mitm-handshake', forgery: 'copied-certificate' });
        return refusingCheck(state);
      },
    },
    explanation: 'CertificateVerify is a signature over the handshake transcript, made with the private key of the certificate. Certificates are public; private keys are not. So possessing a certificate proves nothing by itself.',
  },
  {
    id: 'tampered-record',
    kind: 'single',
    prompt: 'An attacker on the path flips one bit in the ciphertext of a TLS record on its way to the server. What does the server do?',
    refs: ['tamper-with-a-record'],
    options: [
      { id: 'reject-close', text: 'Rejects the record because its authentication tag does not verify, and closes the connection', why: 'Right: AES-GCM checks the tag before releasing any plaintext, and TLS treats a bad record as fatal (bad_record_mac).' },
      { id: 'garbled', text: 'Decrypts it to slightly garbled text and passes it to the application', why: 'That is what encryption without integrity would do. AES-GCM is authenticated encryption: a failed tag releases nothing.' },
      { id: 'one-char', text: 'Decrypts it with one character changed', why: 'Without its tag, AES-GCM\'s counter mode would allow exactly this. The tag makes any change detectable.' },
      { id: 'retransmit', text: 'Asks the browser to send the record again', why: 'TLS has no retransmission of bad records: it sends a fatal alert and the connection ends.' },
    ],
    answer: {
      describe: 'runs the handshake, flips a bit of byte 20 of the next record, and reads what the server did',
      async compute(engine) {
        const { state } = await run(engine, { type: 'tls-handshake' }, { type: 'tamper-record', byte: 20 });
        const attempt = state.tamperAttempts.at(-1);
        return attempt?.rejected && state.connection === 'closed' ? 'reject-close' : 'garbled';
      },
    },
    explanation: 'AES-GCM authenticates the ciphertext and the record header (as associated data) with a 16-byte tag. Any change fails the tag. TLS then closes the connection with a bad_record_mac alert.',
  },
  {
    id: 'replayed-record',
    kind: 'single',
    prompt: 'The attacker re-sends an exact copy of a record the server already accepted. Why does the server reject the copy?',
    refs: ['tamper-with-a-record'],
    options: [
      { id: 'sequence', text: 'Each side counts records; the count goes into the nonce, so the copy is checked with a different sequence number and its tag fails', why: 'Right: the sequence number is implicit (never sent), so a replayed or reordered record cannot pass.' },
      { id: 'timestamp', text: 'Records carry a timestamp that has expired', why: 'TLS records carry no timestamp. Freshness comes from the implicit sequence number.' },
      { id: 'hash-list', text: 'The server keeps the hash of every record it has received', why: 'No list is needed: a counter per direction is enough.' },
      { id: 'accepted', text: 'It does not: the copy is accepted a second time', why: 'That would allow replaying a payment. The implicit sequence number prevents it.' },
    ],
    answer: {
      describe: 'runs the handshake, replays a captured record, and reads the server\'s reason',
      async compute(engine) {
        const { state } = await run(engine, { type: 'tls-handshake' }, { type: 'replay-record' });
        const attempt = state.tamperAttempts.at(-1);
        if (!attempt?.rejected) return 'accepted';
        return attempt.reason?.includes('replayed') ? 'sequence' : 'hash-list';
      },
    },
    explanation: 'The nonce of each record is the static IV XOR the record\'s sequence number. A replayed copy arrives when the receiver expects the next number, so decryption uses a different nonce and the tag check fails.',
  },
  {
    id: 'still-visible',
    kind: 'multi',
    prompt: 'Alice uses HTTPS (TLS). Which of these can the eavesdropper on her network still learn? Choose all that apply.',
    refs: ['login-over-tls', 'send-your-own'],
    options: [
      { id: 'server-name', text: 'That she connected to bank.example', why: 'Correct: the ClientHello carries the server name in the clear (Encrypted Client Hello is not simulated here and not yet universal).' },
      { id: 'sizes', text: 'Roughly how large each message is', why: 'Correct: AES-GCM ciphertext is as long as the plaintext, plus a fixed header and tag.' },
      { id: 'timing', text: 'When she sends and receives messages', why: 'Correct: encryption hides contents, not the fact or the time of the traffic.' },
      { id: 'password', text: 'Her password', why: 'No: the login form is inside the encrypted record.' },
      { id: 'cookie', text: 'Her session cookie', why: 'No: cookies are HTTP headers, and the whole HTTP message is encrypted.' },
    ],
    answer: ['server-name', 'sizes', 'timing'],
    explanation: 'TLS gives confidentiality and integrity to the contents. Metadata remains: who talks to whom, when, and how much.',
  },
  {
    id: 'never-sent',
    kind: 'multi',
    prompt: 'Which of these never cross the network during the handshake and the login over TLS? Choose all that apply.',
    refs: ['tls-handshake', 'certificates'],
    options: [
      { id: 'session-keys', text: 'The AES-256-GCM session keys', why: 'Correct: each side derives them with HKDF from the ECDH shared secret.' },
      { id: 'server-private', text: 'The private key of the server\'s certificate', why: 'Correct: it only signs CertificateVerify; the signature travels, the key does not.' },
      { id: 'ca-private', text: 'The CA\'s private key', why: 'Correct: it signed the certificate once, at the CA. Browsers verify with the CA\'s public key.' },
      { id: 'key-shares', text: 'The ECDHE public key shares', why: 'These do cross the network, in ClientHello and ServerHello. They are public on purpose.' },
      { id: 'certificate', text: 'The server\'s certificate', why: 'It crosses the network in the Certificate message. Certificates are public.' },
    ],
    answer: ['session-keys', 'server-private', 'ca-private'],
    explanation: 'Public keys, certificates and signatures travel; private keys and session keys never do. That is why a passive eavesdropper that records everything still cannot decrypt.',
  },
  {
    id: 'forward-secrecy',
    kind: 'single',
    prompt: 'An attacker records today\'s TLS traffic to bank.example. Six months later it steals the private key of the server\'s certificate. Can it decrypt the recording?',
    refs: ['tls-handshake'],
    options: [
      { id: 'no-ephemeral', text: 'No: the session keys came from ephemeral ECDH key pairs that were discarded; the certificate key only signed', why: 'Right: this property is forward secrecy. The certificate key authenticates; it does not encrypt.' },
      { id: 'yes-decrypt', text: 'Yes: the certificate key decrypts the session keys', why: 'That was true of the old RSA key exchange. With ECDHE, session keys are never encrypted under the certificate key.' },
      { id: 'yes-ca', text: 'Only if it also steals the CA\'s private key', why: 'The CA key only signs certificates; it has no part in the session keys either.' },
      { id: 'yes-finished', text: 'Yes: the Finished messages contain the session keys', why: 'Finished carries an HMAC over the transcript, not a key.' },
    ],
    answer: 'no-ephemeral',
    explanation: 'With ephemeral ECDH, every connection has fresh key pairs that are thrown away after the handshake. Nothing stored on the server, not even its certificate key, can recreate them.',
  },
  {
    id: 's3-secure-transport',
    kind: 'single',
    prompt: 'A security team must ensure that objects can only be uploaded to an S3 bucket over HTTPS. What should they do?',
    refs: ['login-over-tls', 'server-holds-plaintext'],
    options: [
      { id: 'secure-transport', text: 'Add a bucket policy that denies s3:PutObject when aws:SecureTransport is false', why: 'Right: aws:SecureTransport is true only for requests sent over TLS; an explicit deny refuses the rest.' },
      { id: 'sse-kms', text: 'Enable default encryption with SSE-KMS', why: 'SSE-KMS encrypts objects at rest. It does not control how the request travels.' },
      { id: 'rotation', text: 'Enable automatic rotation of the KMS key', why: 'Key rotation changes key material for data at rest. It has nothing to do with the transport.' },
      { id: 'versioning', text: 'Enable bucket versioning', why: 'Versioning keeps old object versions; it does not affect encryption in transit.' },
    ],
    answer: 'secure-transport',
    explanation: 'Encryption in transit and encryption at rest are separate controls. aws:SecureTransport enforces TLS on the request; SSE-KMS protects the stored object.',
  },
  {
    id: 'after-tls',
    kind: 'single',
    prompt: 'A web application receives form data over HTTPS and writes it to a database on an EBS volume. Nothing else is configured. Which statement is true?',
    refs: ['server-holds-plaintext'],
    options: [
      { id: 'plaintext-at-rest', text: 'The data is plaintext on the server once received, and it is stored as plaintext unless encryption at rest is enabled', why: 'Right: TLS ends at the server. Storage needs its own protection, such as EBS encryption with a KMS key.' },
      { id: 'still-encrypted', text: 'The data stays encrypted on disk because it arrived over TLS', why: 'The server decrypts every record on arrival; TLS keys protect the connection only.' },
      { id: 'tls-keys-disk', text: 'The TLS session keys are reused to encrypt the volume', why: 'Session keys exist only for one connection and are discarded when it ends.' },
      { id: 'no-plaintext', text: 'The application never sees the plaintext', why: 'It must see it to use it. Only client-side encryption (a later lesson) keeps the server from seeing data.' },
    ],
    answer: 'plaintext-at-rest',
    explanation: 'TLS protects data in transit between two endpoints. At rest, the data needs encryption of its own, which is what AWS KMS provides for EBS, S3, RDS and your own application data.',
  },
]);
