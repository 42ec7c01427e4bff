/**
 * Markdown → HTML at build time (markdown-it never ships to the browser).
 *
 * `html: false` is the security boundary: raw HTML in lesson text is shown as text, so a lesson can never
 * inject a script or an event handler. markdown-it also refuses javascript:, vbscript: and data: links
 * (except images). Typographer turns "--" and quotes into proper punctuation.
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true });

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
