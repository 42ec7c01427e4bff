/**
 * Puts text on the clipboard. The asynchronous Clipboard API needs a secure context (https or
 * localhost) and may be refused; the caller then tells the learner to select the text instead.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
