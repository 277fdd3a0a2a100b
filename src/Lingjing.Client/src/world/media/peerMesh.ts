// Direct (peer-to-peer) WebRTC connections to the people nearby. The server only relays the negotiation
// (MediaSignal over the world connection); audio and video flow between the browsers.
//
// One rule keeps negotiation free of glare: the avatar with the lower id offers, always with the same three
// transceivers (audio, camera, screen). Turning a device on or off afterwards only replaces a sender's track,
// which needs no new offer; an ICE restart (a dropped network) is offered by the same side.
import { MediaSignalKind, type MediaSignal } from "../protocol/world_pb";
import type { SignalValues } from "../net/codec";
import type { LocalMedia, MediaSlot } from "./localMedia";
import { attachTracks, report, slots } from "./senders";

export interface MeshEvents {
  /** A peer's audio, camera or screen arrived (or, with null, ended). */
  remote(peer: number, slot: MediaSlot, stream: MediaStream | null): void;
  /** A connection's state changed (for the people list and tests). */
  state(peer: number, state: RTCPeerConnectionState): void;
}

/** One connection to one peer. */
class PeerLink {
  readonly pc: RTCPeerConnection;
  private pending: RTCIceCandidateInit[] = [];
  private local: LocalMedia | undefined;

  constructor(
    readonly peer: number,
    readonly offerer: boolean,
    iceServers: RTCIceServer[],
    private readonly send: (signal: SignalValues) => void,
    private readonly events: MeshEvents,
  ) {
    this.pc = new RTCPeerConnection({ iceServers, bundlePolicy: "max-bundle" });
    this.pc.onicecandidate = e => this.send({ peer, kind: MediaSignalKind.CANDIDATE, candidate: e.candidate ? JSON.stringify(e.candidate.toJSON()) : "" });
    this.pc.ontrack = e => {
      const slot = slots[this.pc.getTransceivers().indexOf(e.transceiver)];
      if (slot) this.events.remote(peer, slot, new MediaStream([e.track]));
    };
    this.pc.onconnectionstatechange = () => {
      this.events.state(peer, this.pc.connectionState);
      // A network that dropped is tried again from the offering side; the other side waits for its offer.
      if (this.pc.connectionState === "failed" && this.offerer) void this.offer(true);
    };
  }

  async offer(iceRestart = false): Promise<void> {
    if (this.pc.getTransceivers().length === 0)
      for (const slot of slots) this.pc.addTransceiver(slot === "audio" ? "audio" : "video", { direction: "sendrecv" });
    await this.attach();
    await this.pc.setLocalDescription(await this.pc.createOffer({ iceRestart }));
    this.send({ peer: this.peer, kind: MediaSignalKind.OFFER, sdp: this.pc.localDescription!.sdp });
  }

  async answer(sdp: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: "offer", sdp });
    for (const transceiver of this.pc.getTransceivers()) transceiver.direction = "sendrecv";
    await this.attach();
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    this.send({ peer: this.peer, kind: MediaSignalKind.ANSWER, sdp: this.pc.localDescription!.sdp });
    await this.flush();
    await this.attach(); // the senders' encodings exist now: cap their bitrates
  }

  async answered(sdp: string): Promise<void> {
    if (this.pc.signalingState !== "have-local-offer") return;
    await this.pc.setRemoteDescription({ type: "answer", sdp });
    await this.flush();
    await this.attach(); // the senders' encodings exist now: cap their bitrates
  }

  async candidate(json: string): Promise<void> {
    const candidate: RTCIceCandidateInit | null = json ? (JSON.parse(json) as RTCIceCandidateInit) : null;
    if (!this.pc.remoteDescription) {
      if (candidate) this.pending.push(candidate);
      return;
    }
    await this.pc.addIceCandidate(candidate ?? undefined);
  }

  /** Puts this browser's current tracks on the senders (no renegotiation needed). */
  async attach(local?: LocalMedia): Promise<void> {
    this.local = local ?? this.local;
    if (this.local) await attachTracks(this.pc, this.local);
  }

  close(): void {
    this.pc.close();
  }

  private async flush(): Promise<void> {
    const waiting = this.pending;
    this.pending = [];
    for (const candidate of waiting) await this.pc.addIceCandidate(candidate);
  }
}

/** Keeps one connection to each wanted peer, no more. */
export class PeerMesh {
  private readonly links = new Map<number, PeerLink>();

  constructor(
    private readonly local: LocalMedia,
    private readonly iceServers: () => RTCIceServer[],
    private readonly selfId: () => number,
    private readonly send: (signal: SignalValues) => void,
    private readonly events: MeshEvents,
  ) {
    local.onChange(() => {
      for (const link of this.links.values()) void link.attach(this.local).catch(report);
    });
  }

  /** The peers connected or being connected. */
  get peers(): number[] {
    return [...this.links.keys()];
  }

  connection(peer: number): RTCPeerConnection | undefined {
    return this.links.get(peer)?.pc;
  }

  /** Connects to the peers in <paramref name="wanted"/> (offering to those with a higher id; the others offer
   * to us) and hangs up on everyone else. */
  want(wanted: ReadonlySet<number>): void {
    for (const [peer] of [...this.links]) if (!wanted.has(peer)) this.hangUp(peer);
    const self = this.selfId();
    for (const peer of wanted) {
      if (this.links.has(peer) || self === 0 || self > peer) continue;
      const link = this.open(peer, true);
      void link.offer().catch(report);
    }
  }

  /** A signal from a peer; <paramref name="accept"/> says whether an offer from it may be answered. */
  receive(signal: MediaSignal, accept: (peer: number) => boolean): void {
    const peer = signal.peer;
    let link = this.links.get(peer);
    switch (signal.kind) {
      case MediaSignalKind.OFFER:
        if (!link) {
          if (!accept(peer)) {
            this.send({ peer, kind: MediaSignalKind.HANG_UP });
            return;
          }
          link = this.open(peer, false);
        }
        void link.answer(signal.sdp).catch(report);
        break;
      case MediaSignalKind.ANSWER:
        void link?.answered(signal.sdp).catch(report);
        break;
      case MediaSignalKind.CANDIDATE:
        void link?.candidate(signal.candidate).catch(report);
        break;
      case MediaSignalKind.HANG_UP:
        this.close(peer);
        break;
    }
  }

  /** The server refused to relay to this peer (too far, gone, do not disturb): the connection is over. */
  refused(peer: number): void {
    this.close(peer);
  }

  hangUp(peer: number): void {
    if (!this.links.has(peer)) return;
    this.send({ peer, kind: MediaSignalKind.HANG_UP });
    this.close(peer);
  }

  /** Ends every connection (the world connection dropped: avatar ids are new after it comes back). */
  closeAll(): void {
    for (const peer of [...this.links.keys()]) this.close(peer);
  }

  private open(peer: number, offerer: boolean): PeerLink {
    const link = new PeerLink(peer, offerer, this.iceServers(), this.send, this.events);
    this.links.set(peer, link);
    void link.attach(this.local).catch(report);
    return link;
  }

  private close(peer: number): void {
    const link = this.links.get(peer);
    if (!link) return;
    link.close();
    this.links.delete(peer);
    for (const slot of slots) this.events.remote(peer, slot, null);
    this.events.state(peer, "closed");
  }
}
