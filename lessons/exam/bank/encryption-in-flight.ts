/**
 * Practice exam, fixed questions on encryption in flight (lesson 01): TLS in front of and behind a load
 * balancer, forward secrecy, authenticated records, certificate checks, and what TLS leaves unprotected.
 * They ask about the lesson's ideas in AWS settings the lesson's own quiz does not use.
 */
import { defineExamQuestions } from '../../../src/lessons/exam/types';

const about = { topic: 'encryption-in-flight', lessonId: 'encryption-in-flight' } as const;

export default defineExamQuestions([
  {
    ...about,
    id: 'eif-alb-to-targets',
    kind: 'multi',
    prompt:
      'A web application runs on EC2 instances behind an Application Load Balancer. The ALB has an HTTPS listener with an ACM certificate and forwards to a target group on HTTP port 80. A new rule requires traffic to be encrypted all the way to the instances. Which two designs meet the rule? (Choose two.)',
    refs: ['server-holds-plaintext', 'tls-handshake'],
    options: [
      {
        id: 'https-target-group',
        text: 'Keep the HTTPS listener and change the target group to HTTPS, with a certificate on each instance',
        why: 'Correct: the ALB ends the client\'s TLS session and opens a second TLS session to the instance, so no hop carries plaintext.',
      },
      {
        id: 'nlb-passthrough',
        text: 'Use a Network Load Balancer with a TCP listener on port 443 and end TLS on the instances',
        why: 'Correct: the NLB forwards the TLS bytes untouched, so the session runs from the client to the instance.',
      },
      {
        id: 'security-group',
        text: 'Allow port 80 on the instances only from the ALB\'s security group',
        why: 'That limits who can connect, which is good practice, but the traffic on that hop is still unencrypted.',
      },
      {
        id: 'ebs-encryption',
        text: 'Enable EBS encryption with a customer managed KMS key on the instances\' volumes',
        why: 'That protects data at rest on the volumes. The hop from the ALB to port 80 is still plaintext.',
      },
    ],
    answer: ['https-target-group', 'nlb-passthrough'],
    explanation:
      'TLS protects one connection, between the two endpoints that run the handshake. A load balancer that ends TLS holds the plaintext and sends it on however its target group says. For encryption all the way, either re-encrypt on the second hop (HTTPS target group) or do not end TLS at the load balancer at all (TCP passthrough on an NLB).',
  },
  {
    ...about,
    id: 'eif-forward-secrecy-policy',
    kind: 'single',
    prompt:
      'A regulator requires that HTTPS traffic recorded today stays confidential even if the server certificate\'s private key is stolen next year. What should the team configure on its load balancer?',
    refs: ['tls-handshake'],
    options: [
      {
        id: 'rsa-4096',
        text: 'A 4,096-bit RSA certificate with RSA key exchange',
        why: 'With RSA key exchange the client encrypts the session secret under the certificate\'s public key, so whoever steals the private key can decrypt every recording. A longer key does not change that.',
      },
      {
        id: 'ecdhe-policy',
        text: 'A security policy that allows only ECDHE key exchange cipher suites (forward secrecy)',
        why: 'Right: each session key comes from ephemeral Diffie-Hellman key pairs that are thrown away; the certificate key only signs, so stealing it later decrypts nothing recorded.',
      },
      {
        id: 'short-lived',
        text: 'Replace the certificate every 90 days',
        why: 'Short-lived certificates limit how long a stolen key can impersonate the server, but without forward secrecy recordings made under the stolen key can still be decrypted.',
      },
      {
        id: 'sse-kms',
        text: 'Encrypt the load balancer\'s access logs with SSE-KMS',
        why: 'That protects the logs at rest; it has no effect on the session keys of the traffic.',
      },
    ],
    answer: 'ecdhe-policy',
    explanation:
      'Forward secrecy comes from the key exchange, not the certificate: with (EC)DHE both sides make fresh key pairs for each connection and discard them. AWS load balancer security policies list which suites are offered; the ECDHE suites provide forward secrecy.',
  },
  {
    ...about,
    id: 'eif-authenticated-records',
    kind: 'single',
    prompt:
      'An attacker on the network path cannot read a TLS connection, but knows the position of an amount field in a request. It flips bits at that position, hoping to change 100 into 900 without decrypting anything. Why does this fail against TLS with AES-GCM?',
    refs: ['tamper-with-a-record'],
    options: [
      {
        id: 'aead-tag',
        text: 'Every record carries an authentication tag computed with the session key; a changed record fails the tag check and the connection is closed',
        why: 'Right: AES-GCM is authenticated encryption. Without the key the attacker cannot make a tag that matches the altered bytes.',
      },
      {
        id: 'works',
        text: 'It does not fail: stream encryption lets an attacker flip bits undetected',
        why: 'That is true of unauthenticated stream or counter modes on their own, which is exactly why TLS uses AEAD ciphers such as AES-GCM.',
      },
      {
        id: 'tcp-checksum',
        text: 'The TCP checksum no longer matches',
        why: 'The TCP checksum is not keyed: the attacker simply recomputes it. It catches noise on the line, not attackers.',
      },
      {
        id: 'certificate',
        text: 'The server certificate\'s signature covers every record',
        why: 'The certificate and CertificateVerify authenticate the handshake only. Records are protected by the session keys.',
      },
    ],
    answer: 'aead-tag',
    explanation:
      'Confidentiality alone does not stop tampering: a counter-mode ciphertext can be changed bit for bit. TLS records use AEAD (AES-GCM or ChaCha20-Poly1305), whose tag makes any change detectable before the plaintext is released.',
  },
  {
    ...about,
    id: 'eif-disabled-verification',
    kind: 'single',
    prompt:
      'To get past a certificate error, a developer turns off certificate verification in the HTTP client that calls an internal API over HTTPS. What is the consequence?',
    refs: ['forged-certificate', 'certificates'],
    options: [
      {
        id: 'server-refuses',
        text: 'The server refuses the handshake because the client did not verify',
        why: 'The server cannot tell whether the client checked its certificate; the handshake succeeds with anyone.',
      },
      {
        id: 'plaintext',
        text: 'The client falls back to plain HTTP',
        why: 'The connection still uses TLS and is still encrypted; it is just no longer authenticated.',
      },
      {
        id: 'performance',
        text: 'Only the handshake gets faster; security is unchanged because the data is encrypted',
        why: 'Encryption without knowing who holds the other key is exactly what a man in the middle exploits.',
      },
      {
        id: 'mitm',
        text: 'The traffic is still encrypted, but a man in the middle can present any certificate, read and change everything, and the client will not notice',
        why: 'Right: encryption to an unauthenticated party protects nothing. Verification is what proves the other end is the real server.',
      },
    ],
    answer: 'mitm',
    explanation:
      'The certificate check (a trusted CA\'s signature, a matching name, validity dates) plus the server\'s signature in CertificateVerify is what ties the session key to the real server. Turn it off and an attacker simply runs one TLS session with the client and another with the server. Fix the trust store or the certificate instead.',
  },
  {
    ...about,
    id: 'eif-hostname-mismatch',
    kind: 'single',
    prompt:
      'A browser opens https://shop.example.com. The server presents a valid, unexpired certificate signed by a trusted CA, but issued only for api.example.com. What does the browser do?',
    refs: ['certificates', 'forged-certificate'],
    options: [
      {
        id: 'accept-domain',
        text: 'It accepts, because both names are in example.com',
        why: 'Only a wildcard (*.example.com) or an explicit subject alternative name covers other hosts.',
      },
      {
        id: 'refuse',
        text: 'It refuses the connection (or warns), because the certificate does not name the host it asked for',
        why: 'Right: a certificate vouches for the names it lists. A valid certificate for another name proves nothing about shop.example.com.',
      },
      {
        id: 'accept-ca',
        text: 'It accepts, because a trusted CA signed the certificate',
        why: 'The CA signature proves the certificate is genuine for api.example.com only; the name check is a separate, required step.',
      },
      {
        id: 'downgrade',
        text: 'It continues over plain HTTP',
        why: 'Browsers do not silently downgrade an https:// URL to HTTP.',
      },
    ],
    answer: 'refuse',
    explanation:
      'The browser checks three things about the certificate: a trusted issuer\'s signature, the validity dates, and that the requested host name is in the certificate. Then the handshake proves the server holds the private key. Any failure ends the connection.',
  },
  {
    ...about,
    id: 'eif-plaintext-in-logs',
    kind: 'single',
    prompt:
      'A payment API is only reachable over HTTPS. Its debug logging writes full request bodies, including card numbers, to CloudWatch Logs. An auditor is told "all traffic is TLS, so the card data is protected". What is the correct response?',
    refs: ['server-holds-plaintext'],
    options: [
      {
        id: 'tls-ends',
        text: 'TLS ends at the server: the application holds the plaintext and wrote it to the logs, so the logs need their own protection (stop logging the data, and encrypt and restrict the logs)',
        why: 'Right: TLS protects bytes on the wire only. What the server does with the plaintext afterwards is outside its reach.',
      },
      {
        id: 'secure-transport',
        text: 'Adding aws:SecureTransport to the log group\'s resource policy would encrypt the stored log events',
        why: 'aws:SecureTransport only tells whether a request arrived over TLS; it encrypts nothing at rest.',
      },
      {
        id: 'logs-encrypted',
        text: 'The auditor is satisfied: TLS-protected data stays encrypted in CloudWatch Logs',
        why: 'Nothing of TLS survives the connection. The log lines are the decrypted request bodies.',
      },
      {
        id: 'mutual-tls',
        text: 'Switching to mutual TLS would keep the card numbers out of the logs',
        why: 'Mutual TLS authenticates the client as well; the server still receives and logs the plaintext.',
      },
    ],
    answer: 'tls-ends',
    explanation:
      'Encryption in flight and encryption at rest are separate controls. Once a request is decrypted at its endpoint, copies of it (logs, databases, disks) need encryption at rest, access control, and ideally never to hold the sensitive field at all.',
  },
  {
    ...about,
    id: 'eif-kms-requests-in-flight',
    kind: 'single',
    prompt:
      'An application calls KMS GenerateDataKey and receives the plaintext data key in the response. What protects that plaintext key on its way from KMS to the application?',
    refs: ['login-over-tls', 'send-your-own'],
    options: [
      {
        id: 'tls',
        text: 'The HTTPS (TLS) connection to the KMS endpoint, which KMS requires for every request',
        why: 'Right: KMS endpoints only accept TLS. The Plaintext field is inside the encrypted TLS records, like a password inside a login over TLS.',
      },
      {
        id: 'nothing',
        text: 'Nothing: traffic inside AWS Regions is trusted',
        why: 'KMS never accepts plain HTTP; every call, from anywhere, travels over TLS.',
      },
      {
        id: 'sigv4',
        text: 'Signature Version 4, which encrypts the request and response bodies',
        why: 'SigV4 signs requests to prove who sent them and that they were not altered. It encrypts nothing.',
      },
      {
        id: 'kms-key',
        text: 'KMS encrypts the Plaintext field under the same KMS key before sending it',
        why: 'That is the CiphertextBlob, returned beside the plaintext. The Plaintext field itself is protected only by TLS.',
      },
    ],
    answer: 'tls',
    explanation:
      'Even a key-management service relies on encryption in flight: the plaintext data key (and any plaintext sent to Encrypt or returned by Decrypt) crosses the network only inside TLS. That is also why a TLS-terminating proxy between an application and KMS would see those keys.',
  },
]);
