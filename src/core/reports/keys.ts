/** Client IDs are compared the way the refresh compares them: trimmed, case-insensitive. */
export function clientKey(id: string): string {
  return id.trim().toUpperCase();
}
