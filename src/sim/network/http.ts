/**
 * Plain HTTP/1.1 messages as text: what a browser writes onto the wire when nothing encrypts it,
 * and what TLS carries inside its records otherwise.
 */
export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  host: string;
  /** A form body (application/x-www-form-urlencoded); absent for GET. */
  form?: Record<string, string>;
}

export function formatRequest({ method, path, host, form }: HttpRequest): string {
  const lines = [`${method} ${path} HTTP/1.1`, `Host: ${host}`];
  if (!form) return `${lines.join('\r\n')}\r\n\r\n`;
  const body = new URLSearchParams(form).toString();
  lines.push('Content-Type: application/x-www-form-urlencoded', `Content-Length: ${new TextEncoder().encode(body).length}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

export function formatResponse(status: string, body: string, headers: Record<string, string> = {}): string {
  const lines = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  lines.push(`Content-Length: ${new TextEncoder().encode(body).length}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** The request line ("POST /login"): what a diagram labels an HTTP message with. */
export const requestLine = (request: HttpRequest): string => `${request.method} ${request.path}`;
