// eslint-disable-next-line no-control-regex
const CONTROL = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]|[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f]/g;

/**
 * Removes terminal escape sequences and control characters from text that
 * is shown outside a log (commit subjects, branch names). React renders it
 * as text either way; this only keeps it readable.
 */
export function stripControl(text: string | null | undefined): string {
  return (text ?? '').replace(CONTROL, '');
}

/** What is shown for a value that is missing or cannot be read: an em dash. */
export const NO_VALUE = '—';
