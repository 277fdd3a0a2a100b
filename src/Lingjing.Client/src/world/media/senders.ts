// What direct and forwarded connections share: the three media lines every sending connection has, in this
// order, and putting this browser's current tracks on them.
import { maxBitrate, type LocalMedia, type MediaSlot } from "./localMedia";

export const slots: MediaSlot[] = ["audio", "camera", "screen"];

/** Puts the current tracks on a connection's first three senders (no renegotiation needed) and caps their bitrates;
 * a slot in <paramref name="without"/> sends nothing there (a voice that goes through a room's mix instead). */
export async function attachTracks(pc: RTCPeerConnection, local: LocalMedia, without: MediaSlot[] = []): Promise<void> {
  const transceivers = pc.getTransceivers();
  await Promise.all(slots.map(async (slot, i) => {
    const sender = transceivers[i]?.sender;
    if (!sender) return;
    const track = without.includes(slot) ? null : local.track(slot);
    if (sender.track !== track) await sender.replaceTrack(track);
    await capBitrate(sender, maxBitrate[slot]);
  }));
}

/** Caps what a sender sends; the encodings exist only once the connection is negotiated, so failing early is fine.
 * A simulcast sender keeps its layers' own caps. */
export async function capBitrate(sender: RTCRtpSender, bitsPerSecond: number): Promise<void> {
  const parameters = sender.getParameters();
  if (parameters.encodings?.length !== 1 || parameters.encodings[0].maxBitrate === bitsPerSecond) return;
  parameters.encodings[0].maxBitrate = bitsPerSecond;
  await sender.setParameters(parameters).catch(() => undefined);
}

/** Inbound bytes of one connection by kind, and how loud its audio is now (0 to 1), from its own statistics. */
export async function inboundBytes(pc: RTCPeerConnection | undefined): Promise<{ audioBytes: number; videoBytes: number }> {
  let audioBytes = 0;
  let videoBytes = 0;
  const report = await pc?.getStats();
  report?.forEach((entry: { type: string; kind?: string; bytesReceived?: number }) => {
    if (entry.type !== "inbound-rtp") return;
    if (entry.kind === "audio") audioBytes += entry.bytesReceived ?? 0;
    else videoBytes += entry.bytesReceived ?? 0;
  });
  return { audioBytes, videoBytes };
}

export function report(error: unknown): void {
  console.warn("Voice and video:", error);
}
