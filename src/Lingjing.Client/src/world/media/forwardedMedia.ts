// Voice and video through the server's forwarder (Janus) for groups larger than the peer limit: one sending
// connection carries this browser's audio, camera and screen once, whoever listens; one receiving connection per
// person heard. The server negotiates with Janus on our behalf (ForwarderSignal over the world connection) and
// only allows what the world allows; the media itself flows between this browser and Janus.
import { ForwarderSignalKind, MediaRefuseReason, MediaTrackKind, type ForwarderSignal } from "../protocol/world_pb";
import type { ForwarderValues } from "../net/codec";
import type { LocalMedia, MediaSlot } from "./localMedia";
import type { MeshEvents } from "./peerMesh";
import { attachTracks, report, slots } from "./senders";

/** A connection the forwarder closed is asked for again after this long at the earliest. */
const retryAfterMs = 3000;
/** The camera is sent in two layers (simulcast), so Janus can send a small picture to those who need only that. */
const cameraLayers: RTCRtpEncodingParameters[] = [
  { rid: "h", maxBitrate: 600_000 },
  { rid: "l", maxBitrate: 150_000, scaleResolutionDownBy: 2 },
];
const slotOf: Record<number, MediaSlot | undefined> = {
  [MediaTrackKind.AUDIO]: "audio", [MediaTrackKind.CAMERA]: "camera", [MediaTrackKind.SCREEN]: "screen",
};
const kindOf: Record<MediaSlot, MediaTrackKind> = { audio: MediaTrackKind.AUDIO, camera: MediaTrackKind.CAMERA, screen: MediaTrackKind.SCREEN };

export class ForwardedMedia {
  private sender: RTCPeerConnection | null = null;
  private readonly receivers = new Map<number, RTCPeerConnection | null>();
  private readonly notBefore = new Map<number, number>();
  /** The voice goes through the room's mix (VoiceMix): the sending connection carries only camera and screen. */
  private voiceInMix = false;

  constructor(
    private readonly local: LocalMedia,
    private readonly iceServers: () => RTCIceServer[],
    private readonly send: (signal: ForwarderValues) => boolean,
    private readonly events: MeshEvents,
  ) {
    local.onChange(() => {
      if (this.sender) void this.attach(this.sender).catch(report);
    });
  }

  /** The feeds received (or being negotiated). */
  get feeds(): number[] {
    return [...this.receivers.keys()];
  }

  get sending(): boolean {
    return this.sender !== null;
  }

  connection(feed: number): RTCPeerConnection | undefined {
    return this.receivers.get(feed) ?? undefined;
  }

  /** Keeps a sending connection while <paramref name="publish"/> (without the voice when it goes through the room's mix),
   * a receiving one for each wanted feed, nothing else. */
  want(publish: boolean, feeds: ReadonlySet<number>, voiceInMix = false): void {
    const now = performance.now();
    if (voiceInMix !== this.voiceInMix) {
      this.voiceInMix = voiceInMix;
      if (this.sender) void this.attach(this.sender).catch(report);
    }
    if (!publish && this.sender) this.stopSending(true);
    if (publish && !this.sender && now >= (this.notBefore.get(0) ?? 0)) void this.publish().catch(error => this.failed(0, error));
    for (const feed of [...this.receivers.keys()]) if (!feeds.has(feed)) this.stopReceiving(feed, true);
    for (const feed of feeds) {
      if (this.receivers.has(feed) || now < (this.notBefore.get(feed) ?? 0)) continue;
      if (!this.send({ feed, kind: ForwarderSignalKind.SUBSCRIBE })) continue;
      this.receivers.set(feed, null);
    }
  }

  /** The forwarder's answer to our offer, its offer for a feed, or a connection it closed. */
  receive(signal: ForwarderSignal): void {
    switch (signal.kind) {
      case ForwarderSignalKind.PUBLISH:
        if (this.sender?.signalingState === "have-local-offer")
          void this.sender.setRemoteDescription({ type: "answer", sdp: signal.sdp })
            .then(() => this.sender && this.attach(this.sender))
            .catch(error => this.failed(0, error));
        break;
      case ForwarderSignalKind.SUBSCRIBE:
        if (this.receivers.has(signal.feed)) void this.answer(signal).catch(error => this.failed(signal.feed, error));
        break;
      case ForwarderSignalKind.CLOSE:
        // Closed because the group changed: the next choice decides anew. Closed because something failed: wait a little.
        if (signal.reason !== MediaRefuseReason.NOT_FORWARDED && signal.reason !== MediaRefuseReason.TOO_FAR)
          this.notBefore.set(signal.feed, performance.now() + retryAfterMs);
        if (signal.feed === 0) this.stopSending(false);
        else this.stopReceiving(signal.feed, false);
        break;
    }
  }

  closeAll(): void {
    this.stopSending(false);
    for (const feed of [...this.receivers.keys()]) this.stopReceiving(feed, false);
    this.notBefore.clear();
  }

  private async publish(): Promise<void> {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers(), bundlePolicy: "max-bundle" });
    this.sender = pc;
    for (const slot of slots)
      pc.addTransceiver(slot === "audio" ? "audio" : "video", { direction: "sendonly", sendEncodings: slot === "camera" ? cameraLayers : undefined });
    pc.onicecandidate = e => this.send({ feed: 0, kind: ForwarderSignalKind.CANDIDATE, candidate: e.candidate ? JSON.stringify(e.candidate.toJSON()) : "" });
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === "failed" && this.sender === pc) this.failed(0, new Error("the connection to the forwarder failed"));
    };
    await this.attach(pc);
    await pc.setLocalDescription(await pc.createOffer());
    const tracks = pc.getTransceivers().map((t, i) => ({ mid: t.mid ?? "", kind: kindOf[slots[i]] }));
    if (this.sender === pc) this.send({ feed: 0, kind: ForwarderSignalKind.PUBLISH, sdp: pc.localDescription!.sdp, tracks });
  }

  private attach(pc: RTCPeerConnection): Promise<void> {
    return attachTracks(pc, this.local, this.voiceInMix ? ["audio"] : []);
  }

  private async answer(signal: ForwarderSignal): Promise<void> {
    const feed = signal.feed;
    this.receivers.get(feed)?.close();
    const pc = new RTCPeerConnection({ iceServers: this.iceServers(), bundlePolicy: "max-bundle" });
    this.receivers.set(feed, pc);
    const slotByMid = new Map(signal.tracks.map(t => [t.mid, slotOf[t.kind]]));
    pc.ontrack = e => {
      const slot = slotByMid.get(e.transceiver.mid ?? "") ?? (e.track.kind === "audio" ? "audio" : "camera");
      this.events.remote(feed, slot, new MediaStream([e.track]));
    };
    pc.onicecandidate = e => this.send({ feed, kind: ForwarderSignalKind.CANDIDATE, candidate: e.candidate ? JSON.stringify(e.candidate.toJSON()) : "" });
    pc.onconnectionstatechange = () => {
      this.events.state(feed, pc.connectionState);
      if (pc.connectionState === "failed" && this.receivers.get(feed) === pc) this.failed(feed, new Error("the connection to the forwarder failed"));
    };
    await pc.setRemoteDescription({ type: "offer", sdp: signal.sdp });
    await pc.setLocalDescription(await pc.createAnswer());
    if (this.receivers.get(feed) === pc) this.send({ feed, kind: ForwarderSignalKind.ANSWER, sdp: pc.localDescription!.sdp });
  }

  private failed(feed: number, error: unknown): void {
    report(error);
    this.notBefore.set(feed, performance.now() + retryAfterMs);
    if (feed === 0) this.stopSending(true);
    else this.stopReceiving(feed, true);
  }

  private stopSending(tell: boolean): void {
    if (!this.sender) return;
    this.sender.close();
    this.sender = null;
    if (tell) this.send({ feed: 0, kind: ForwarderSignalKind.CLOSE });
  }

  private stopReceiving(feed: number, tell: boolean): void {
    if (!this.receivers.has(feed)) return;
    this.receivers.get(feed)?.close();
    this.receivers.delete(feed);
    for (const slot of slots) this.events.remote(feed, slot, null);
    this.events.state(feed, "closed");
    if (tell) this.send({ feed, kind: ForwarderSignalKind.CLOSE });
  }
}
