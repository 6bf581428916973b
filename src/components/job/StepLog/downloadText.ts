/**
 * Offers text to the user as a file download, through a Blob and an
 * object URL that is revoked right after the download started.
 */
export function downloadText(options: { text: string; filename: string; type?: string }): void {
  const blob = new Blob([options.text], { type: options.type ?? 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = options.filename;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
