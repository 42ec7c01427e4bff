/** Dates as the console shows them: model time, always in UTC so every reader sees the same. */
export function formatDate(value: unknown): string {
  const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return '—';
  return date.toISOString().replace('T', ' ').replace(/:\d\d\.\d{3}Z$/, ' UTC');
}

/** A public key (DER SubjectPublicKeyInfo) as PEM, 64 characters a line, as `openssl` writes it. */
export { spkiToPem as publicKeyPem } from '../../sim/pki/index.ts';

/** Offers text as a file download (a same-origin object URL; nothing is sent anywhere). */
export function downloadText(fileName: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
