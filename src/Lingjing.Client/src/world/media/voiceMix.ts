// A meeting room's voice mix (Janus's AudioBridge), used instead of one voice per speaker once the room's forwarded
// group is large (the server marks this browser MIXED): this browser's voice goes up on one audio connection and
// everyone else's comes back down on it, mixed into one stream. The server negotiates with Janus on our behalf.
import { ForwarderSignalKind, MediaRefuseReason, type ForwarderSignal } from "../protocol/world_pb";
import type { ForwarderValues } from "../net/codec";
import { maxBitrate, type LocalMedia } from "./localMedia";
import { capBitrate, report } from "./senders";

/** The feed number the mix connection's signals carry (ForwarderFeeds.Mix on the server). */
export const mixFeed = 0xffffffff;
/** A mix connection the forwarder closed is asked for again after this long at the earliest. */
const retryAfterMs = 3000;

export interface MixEvents {
  /** The mixed voices arrived (a stream), or stopped (null). */
  heard(stream: MediaStream | null): void;
}

export class VoiceMix {
  private pc: RTCPeerConnection | null = null;
  private notBefore = 0;

  constructor(
    private readonly local: LocalMedia,
    private readonly iceServers: () => RTCIceServer[],
    private readonly send: (signal: ForwarderValues) => boolean,
    private readonly events: MixEvents,
  ) {
    local.onChange(() => void this.attachVoice().catch(report));
  }

  /** The mix connection, while there is one. */
  get connection(): RTCPeerConnection | null {
    return this.pc;
  }

  /** Keeps a connection to the mix while <paramref name="join"/>, none otherwise. */
  want(join: boolean): void {
    if (!join) this.leave(true);
    else if (!this.pc && performance.now() >= this.notBefore) void this.join().catch(error => this.failed(error));
  }

  /** The forwarder's answer to our offer, or the mix connection it closed. */
  receive(signal: ForwarderSignal): void {
    if (signal.kind === ForwarderSignalKind.MIX && this.pc?.signalingState === "have-local-offer") {
      void this.pc.setRemoteDescription({ type: "answer", sdp: signal.sdp }).catch(error => this.failed(error));
    } else if (signal.kind === ForwarderSignalKind.CLOSE) {
      // Closed because the room got smaller: the next choice decides anew. Closed because something failed: wait a little.
      if (signal.reason !== MediaRefuseReason.NOT_FORWARDED) this.notBefore = performance.now() + retryAfterMs;
      this.leave(false);
    }
  }

  close(): void {
    this.leave(false);
    this.notBefore = 0;
  }

  private async join(): Promise<void> {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers(), bundlePolicy: "max-bundle" });
    this.pc = pc;
    pc.addTransceiver("audio", { direction: "sendrecv" });
    pc.ontrack = e => this.events.heard(new MediaStream([e.track]));
    pc.onicecandidate = e => this.send({ feed: mixFeed, kind: ForwarderSignalKind.CANDIDATE, candidate: e.candidate ? JSON.stringify(e.candidate.toJSON()) : "" });
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === "failed" && this.pc === pc) this.failed(new Error("the connection to the voice mix failed"));
    };
    await this.attachVoice();
    await pc.setLocalDescription(await pc.createOffer());
    if (this.pc === pc) this.send({ feed: mixFeed, kind: ForwarderSignalKind.MIX, sdp: pc.localDescription!.sdp });
  }

  /** Your voice on the mix connection (none while the microphone is off), capped like every voice. */
  private async attachVoice(): Promise<void> {
    const sender = this.pc?.getTransceivers()[0]?.sender;
    if (!sender) return;
    const track = this.local.track("audio");
    if (sender.track !== track) await sender.replaceTrack(track);
    await capBitrate(sender, maxBitrate.audio);
  }

  private failed(error: unknown): void {
    report(error);
    this.notBefore = performance.now() + retryAfterMs;
    this.leave(true);
  }

  private leave(tell: boolean): void {
    if (!this.pc) return;
    this.pc.close();
    this.pc = null;
    this.events.heard(null);
    if (tell) this.send({ feed: mixFeed, kind: ForwarderSignalKind.CLOSE });
  }
}
