// Calendar files and feeds (CONTRACT.md, "Calendar feeds"). A booking's .ics needs the bearer token, which a
// plain link cannot carry: it is fetched as a blob through the API client and saved from an object URL.
import { api } from '../api/client';
import { toApiError } from '../api/problem';

/** Saves a blob as a file named `name` (an object URL clicked as a download, then released). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // released later: Chromium cancels a download whose object URL is revoked before the download started
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** GET /api/bookings/{id}/ics with the session's token, saved as booking-<id>.ics; an ApiError when refused. */
export async function downloadBookingIcs(id: string): Promise<void> {
  const { data, error, response } = await api.GET('/api/bookings/{id}/ics', { params: { path: { id } }, parseAs: 'blob' });
  if (!response.ok || !data) throw toApiError(error, response);
  saveBlob(data as Blob, `booking-${id}.ics`);
}
