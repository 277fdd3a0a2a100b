// One-click booking from the world: "Book next free slot" on a space's card posts to the booking
// API with the page's sign-in cookie and reports the outcome in the card.

export interface BookedSlot {
  id: string;
  status: "confirmed" | "pending";
  start: string;
  end: string;
}

export type BookingOutcome = { ok: true; booking: BookedSlot } | { ok: false; detail: string };

export class SpaceBooking {
  constructor(
    /** e.g. /api/v1/spaces/{id}/bookings/next */
    private readonly apiTemplate: string,
    /** e.g. /bookings/{id} */
    readonly bookingUrlTemplate: string,
    /** e.g. /directory/spaces/{id}#book: every free time of the space */
    readonly spaceUrlTemplate: string,
    /** e.g. /api/v1/spaces/{id}/availability: free slots in a range */
    private readonly availabilityTemplate = "/api/v1/spaces/{id}/availability",
  ) {}

  /** The space's first free slot within `days` days from now; null when none, undefined when it could not be asked. */
  async nextFree(spaceId: number, days = 14): Promise<{ start: string; end: string } | null | undefined> {
    const from = new Date();
    const to = new Date(from.getTime() + days * 86_400_000);
    const url = `${this.availabilityTemplate.replace("{id}", String(spaceId))}?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (!response.ok) return undefined;
      const slots = (await response.json()) as { start: string; end: string }[];
      return slots[0] ?? null;
    } catch {
      return undefined;
    }
  }

  async bookNext(spaceId: number): Promise<BookingOutcome> {
    try {
      const response = await fetch(this.apiTemplate.replace("{id}", String(spaceId)), {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ purpose: "Booked in the 3D world" }),
      });
      const body = (await response.json().catch(() => ({}))) as Partial<BookedSlot> & { detail?: string };
      if (response.status === 201 && body.id) return { ok: true, booking: body as BookedSlot };
      return { ok: false, detail: body.detail ?? `HTTP ${response.status}` };
    } catch {
      return { ok: false, detail: "" };
    }
  }

  bookingUrl(id: string): string {
    return this.bookingUrlTemplate.replace("{id}", id);
  }

  spaceUrl(spaceId: number): string {
    return this.spaceUrlTemplate.replace("{id}", String(spaceId));
  }
}

/** "Tue 15:45–17:45" in the zone time the API returns (the offset is kept, not converted to the browser's). */
export function slotText(start: string, end: string, chinese: boolean): string {
  const day = new Date(start.slice(0, 10) + "T12:00:00Z");
  const weekday = day.toLocaleDateString(chinese ? "zh-CN" : "en-GB", { weekday: "short", month: "numeric", day: "numeric", timeZone: "UTC" });
  return `${weekday} ${start.slice(11, 16)}–${end.slice(11, 16)}`;
}
