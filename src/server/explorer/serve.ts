// The explorer page and its assets, served by the same server. Returns null for paths it does
// not own, so yoga handles them.

export function explorerResponse(pathname: string): Response | null {
  void pathname;
  return null;
}
