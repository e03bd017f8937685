// Saving a file fetched from the API. A plain link cannot send the session's bearer token, so the file is
// fetched (api.downloadFile) and handed to the browser through a Blob URL, which is let go once used.
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start reading the URL only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
