/**
 * A client's trust store and the certificate checks a browser makes before it believes a server.
 *
 * The chain is walked from the server's certificate up: each certificate must be signed by the
 * next one presented (which must be a CA certificate) or by a trust anchor in the store, found by
 * the issuer name it claims. The signature is always checked against the key of that issuer: a
 * forger can write any issuer name, but cannot produce a signature the trusted key verifies.
 * Every check is recorded in `trace`, passed or failed, so the lesson can show its reasoning.
 */
import { encodeToBeSigned, formatDate, isSelfSigned, type Certificate } from './certificate';
import { importVerifyKey, verify } from './crypto';

export type ChainFailureCode = 'empty-chain' | 'unknown-issuer' | 'not-a-ca' | 'bad-signature' | 'expired' | 'not-yet-valid' | 'name-mismatch';

export interface ChainCheck {
  check: 'issuer' | 'signature' | 'validity' | 'name';
  passed: boolean;
  detail: string;
}

export type ChainVerdict =
  | { ok: true; trace: ChainCheck[]; anchor: string }
  | { ok: false; code: ChainFailureCode; reason: string; trace: ChainCheck[] };

interface Signer {
  name: string;
  publicKey: CryptoKey;
  /** How the reason names this key: `the trusted CA key "KMS Lab Root CA"`. */
  describe: string;
  anchor: boolean;
}

export interface TrustStore {
  /** Names of the trusted root CAs, for the diagram's "who holds what". */
  readonly anchors: readonly string[];
  verifyChain(chain: readonly Certificate[], options: { host: string; now: number }): Promise<ChainVerdict>;
}

export async function createTrustStore(roots: readonly Certificate[]): Promise<TrustStore> {
  const anchors = new Map<string, Signer>();
  for (const root of roots) {
    if (!root.isCA) throw new Error(`"${root.subject}" is not a CA certificate and cannot be a trust anchor`);
    anchors.set(root.subject, {
      name: root.subject,
      publicKey: await importVerifyKey(root.subjectPublicKey),
      describe: `the trusted CA key "${root.subject}"`,
      anchor: true,
    });
  }

  async function verifyChain(chain: readonly Certificate[], { host, now }: { host: string; now: number }): Promise<ChainVerdict> {
    const trace: ChainCheck[] = [];
    const fail = (code: ChainFailureCode, check: ChainCheck['check'], reason: string): ChainVerdict => {
      trace.push({ check, passed: false, detail: reason });
      return { ok: false, code, reason, trace };
    };
    if (chain.length === 0) return fail('empty-chain', 'issuer', 'no certificate was presented');

    for (let i = 0; i < chain.length; i++) {
      const certificate = chain[i];
      const presentedIssuer = chain[i + 1];
      let signer: Signer | undefined = anchors.get(certificate.issuer);
      if (!signer && presentedIssuer && presentedIssuer.subject === certificate.issuer) {
        if (!presentedIssuer.isCA) {
          return fail('not-a-ca', 'issuer', `"${presentedIssuer.subject}" is not a CA certificate and cannot sign other certificates`);
        }
        signer = {
          name: presentedIssuer.subject,
          publicKey: await importVerifyKey(presentedIssuer.subjectPublicKey),
          describe: `the key of intermediate CA "${presentedIssuer.subject}"`,
          anchor: false,
        };
      }
      if (!signer) {
        const selfSigned = isSelfSigned(certificate) ? ' (the certificate is self-signed)' : '';
        return fail('unknown-issuer', 'issuer', `certificate issuer "${certificate.issuer}" is not in the trust store${selfSigned}`);
      }
      trace.push({
        check: 'issuer',
        passed: true,
        detail: signer.anchor ? `issuer "${signer.name}" is in the trust store` : `issuer "${signer.name}" is presented in the chain`,
      });

      const signatureValid = await verify(signer.publicKey, certificate.signature, encodeToBeSigned(certificate));
      if (!signatureValid) return fail('bad-signature', 'signature', `certificate signature does not verify against ${signer.describe}`);
      trace.push({ check: 'signature', passed: true, detail: `signature verifies against ${signer.describe}` });

      if (now > certificate.notAfter) {
        return fail('expired', 'validity', `certificate "${certificate.subject}" expired on ${formatDate(certificate.notAfter)} (today is ${formatDate(now)})`);
      }
      if (now < certificate.notBefore) {
        return fail('not-yet-valid', 'validity', `certificate "${certificate.subject}" is not valid before ${formatDate(certificate.notBefore)} (today is ${formatDate(now)})`);
      }
      trace.push({ check: 'validity', passed: true, detail: `valid from ${formatDate(certificate.notBefore)} to ${formatDate(certificate.notAfter)}` });

      if (signer.anchor) {
        const leaf = chain[0];
        if (leaf.subject !== host) {
          return fail('name-mismatch', 'name', `certificate is for "${leaf.subject}", not for "${host}", the host the client dialled`);
        }
        trace.push({ check: 'name', passed: true, detail: `certificate name "${leaf.subject}" matches the host` });
        return { ok: true, trace, anchor: signer.name };
      }
    }
    // Every presented certificate was checked but none was signed by an anchor.
    const top = chain[chain.length - 1];
    return fail('unknown-issuer', 'issuer', `certificate issuer "${top.issuer}" is not in the trust store`);
  }

  return { anchors: [...anchors.keys()], verifyChain };
}
