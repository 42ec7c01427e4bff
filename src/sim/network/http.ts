/**
 * Plain HTTP/1.1 messages as text: what a browser writes onto the wire when nothing encrypts it,
 * and what TLS carries inside its records otherwise.
 */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  host: string;
  /** Extra header lines after Host, in order (e.g. S3's `x-amz-…` headers). */
  headers?: Record<string, string>;
  /** A form body (application/x-www-form-urlencoded); absent for GET. */
  form?: Record<string, string>;
  /** A raw text body (an uploaded object); ignored when `form` is given. */
  body?: string;
}

export function formatRequest({ method, path, host, headers = {}, form, body }: HttpRequest): string {
  const lines = [`${method} ${path} HTTP/1.1`, `Host: ${host}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  if (!form && body !== undefined) {
    lines.push(`Content-Length: ${new TextEncoder().encode(body).length}`);
    return `${lines.join('\r\n')}\r\n\r\n${body}`;
  }
  if (!form) return `${lines.join('\r\n')}\r\n\r\n`;
  const encoded = new URLSearchParams(form).toString();
  lines.push('Content-Type: application/x-www-form-urlencoded', `Content-Length: ${new TextEncoder().encode(encoded).length}`);
  return `${lines.join('\r\n')}\r\n\r\n${encoded}`;
}

export function formatResponse(status: string, body: string, headers: Record<string, string> = {}): string {
  const lines = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  lines.push(`Content-Length: ${new TextEncoder().encode(body).length}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** The request line ("POST /login"): what a diagram labels an HTTP message with. */
export const requestLine = (request: HttpRequest): string => `${request.method} ${request.path}`;
