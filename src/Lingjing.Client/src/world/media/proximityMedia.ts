// Proximity voice and video: who this browser connects to (the nearest people within hearing, when either
// side sends something), what it tells the world it sends, and where voices and pictures appear.
import type { RenderPacer } from "../scene/renderPacer";
import { ForwarderSignalKind, MediaFlags, type ForwarderSignal, type MediaRefused, type MediaSettings, type MediaSignal } from "../protocol/world_pb";
import type { ForwarderValues, MediaStateValues, SignalValues } from "../net/codec";
import { fromCm } from "../net/codec";
import type { RemoteAvatars } from "../net/remoteAvatars";
import type { LocalAvatar } from "../avatar/localAvatar";
import type { Texts } from "../ui/texts";
import type { PeopleList } from "../ui/peopleList";
import { LocalMedia, type MediaSlot } from "./localMedia";
import { PeerMesh } from "./peerMesh";
import { ForwardedMedia } from "./forwardedMedia";
import { mixFeed, VoiceMix } from "./voiceMix";
import { inboundBytes } from "./senders";
import { SpatialAudio } from "./spatialAudio";
import { VideoBubbles } from "./videoBubbles";
import { MediaBar } from "./mediaBar";

export interface MediaLink {
  sendMediaState(state: MediaStateValues): boolean;
  sendSignal(signal: SignalValues): boolean;
  sendForwarderSignal(signal: ForwarderValues): boolean;
}

/** What the page tells tests about its connections (window.lingjingWorld.media()): direct ones, and through the forwarder. */
export interface MediaStatus {
  sending: string;
  forwarded: boolean;
  /** The room's voices come mixed (a large meeting): the state of this browser's connection to the mix, or "none". */
  mix: RTCPeerConnectionState | "none";
  peers: { id: number; state: RTCPeerConnectionState; via: "direct" | "forwarder" }[];
}

/** Inbound bytes per peer and kind (the connections' own statistics) and the loudness of what is heard of each now
 * (window.lingjingWorld.mediaStats()); a meeting room's voice mix is the entry with id 4294967295. */
export type MediaStats = { id: number; audioBytes: number; videoBytes: number; audioLevel: number }[];

/** How often the set of people to connect to is worked out again. */
const chooseEveryMs = 500;
/** A connection survives until its peer is this much farther than the hearing radius (no flapping at the edge). */
const keepFactor = 1.1;
const sendsSomething = MediaFlags.MICROPHONE | MediaFlags.CAMERA | MediaFlags.SCREEN;

export class ProximityMedia {
  readonly local = new LocalMedia();
  readonly bubbles: VideoBubbles;
  readonly bar: MediaBar;
  private readonly audio = new SpatialAudio(15);
  private readonly mesh: PeerMesh;
  private readonly forwarder: ForwardedMedia;
  private readonly mix: VoiceMix;
  /** The server mixes this room's voices for us (MIXED): feeds' own voices are not played, the mix is. */
  private mixedMe = false;
  private hasForwarder = false;
  private hearingRadius = 15;
  private peerLimit = 6;
  private iceServers: RTCIceServer[] = [];
  private online = false;
  private sentState = "";
  private chosenAt = 0;

  constructor(
    private readonly texts: Texts,
    private readonly link: MediaLink,
    private readonly remotes: RemoteAvatars,
    private readonly me: LocalAvatar,
    private readonly people: PeopleList,
    ticks: RenderPacer,
    head: (x: number, y: number, z: number) => { x: number; y: number },
    /** A meeting room: everyone in the world is heard, at nearly the same volume. */
    private readonly wholeRoom = false,
  ) {
    this.bubbles = new VideoBubbles(texts);
    this.bar = new MediaBar(texts, this.local, () => this.audio.resume());
    this.mesh = new PeerMesh(this.local, () => this.iceServers, () => this.remotes.selfId, signal => this.link.sendSignal(signal), {
      remote: (peer, slot, stream) => this.remote(peer, slot, stream),
      state: () => undefined,
    });
    this.forwarder = new ForwardedMedia(this.local, () => this.iceServers, signal => this.link.sendForwarderSignal(signal), {
      remote: (peer, slot, stream) => this.remote(peer, slot, stream),
      state: () => undefined,
    });
    this.mix = new VoiceMix(this.local, () => this.iceServers, signal => this.link.sendForwarderSignal(signal), {
      heard: stream => stream ? this.audio.attach(mixFeed, stream, false) : this.audio.detach(mixFeed),
    });
    this.local.onChange(() => this.announce());
    ticks.onTick(() => this.frame(head)); // voice activity and audio positions follow the clock, not the drawing
    window.addEventListener("pagehide", () => this.local.stop());
    // Browsers play sound only after a gesture; walking (a key or a click) is one.
    for (const gesture of ["pointerdown", "keydown"]) window.addEventListener(gesture, () => this.audio.resume(), { passive: true });
  }

  /** The world welcomed us (again): new settings, new avatar ids, no connection from before is valid. */
  welcome(settings: MediaSettings | undefined): void {
    this.mesh.closeAll();
    this.forwarder.closeAll();
    this.mix.close();
    this.hasForwarder = settings?.forwarder ?? false;
    this.hearingRadius = fromCm(settings?.hearingRadiusCm ?? 1500);
    this.peerLimit = settings?.peerLimit || 6;
    this.iceServers = (settings?.iceServers ?? []).map(s => ({ urls: s.urls, username: s.username || undefined, credential: s.credential || undefined }));
    this.audio.setHearingRadius(this.hearingRadius);
    if (this.wholeRoom) this.audio.hearWholeRoom();
    this.online = true;
    this.sentState = "";
    this.announce();
  }

  offline(): void {
    this.online = false;
    this.mesh.closeAll();
    this.forwarder.closeAll();
    this.mix.close();
    this.bubbles.clear();
  }

  signal(signal: MediaSignal): void {
    this.mesh.receive(signal, peer => !this.local.doNotDisturb && this.mesh.peers.length < this.peerLimit
      && (this.amplified(peer) || this.selfAmplified || this.within(peer, this.hearingRadius * 1.25)));
  }

  refused(refused: MediaRefused): void {
    this.mesh.refused(refused.peer);
  }

  forwarded(signal: ForwarderSignal): void {
    if (signal.feed === mixFeed || signal.kind === ForwarderSignalKind.MIX) this.mix.receive(signal);
    else this.forwarder.receive(signal);
  }

  status(): MediaStatus {
    return {
      sending: this.bar.element.dataset.sending ?? "",
      forwarded: this.forwarder.sending || this.forwarder.feeds.length > 0,
      mix: this.mix.connection?.connectionState ?? "none",
      peers: [
        ...this.mesh.peers.map(id => ({ id, state: this.mesh.connection(id)?.connectionState ?? "closed", via: "direct" as const })),
        ...this.forwarder.feeds.map(id => ({ id, state: this.forwarder.connection(id)?.connectionState ?? "new", via: "forwarder" as const })),
      ],
    };
  }

  async stats(): Promise<MediaStats> {
    const entry = async (id: number, pc: RTCPeerConnection | undefined) => ({ id, ...await inboundBytes(pc), audioLevel: this.audio.level(id) });
    const direct = this.mesh.peers.map(id => entry(id, this.mesh.connection(id)));
    const forwarded = this.forwarder.feeds.map(id => entry(id, this.forwarder.connection(id)));
    const mixed = this.mix.connection ? [entry(mixFeed, this.mix.connection)] : [];
    return Promise.all([...direct, ...forwarded, ...mixed]);
  }

  private frame(head: (x: number, y: number, z: number) => { x: number; y: number }): void {
    const now = performance.now();
    this.local.sample(now);
    const me = this.me.position;
    this.audio.listen(me.x, me.z, this.me.headingRadians);
    for (const peer of [...this.mesh.peers, ...this.forwarder.feeds]) {
      const figure = this.remotes.figureOf(peer);
      if (figure) this.audio.place(peer, figure.root.position.x, figure.root.position.z, this.audible(peer), this.amplified(peer));
    }
    this.bubbles.follow(peer => {
      const figure = this.remotes.figureOf(peer);
      if (!figure) return null;
      const p = figure.root.position;
      return { ...head(p.x, 2.6, p.z), distance: Math.hypot(p.x - me.x, p.z - me.z) };
    }, (peer, what) => this.audible(peer) && (this.flags(peer) & (what === "camera" ? MediaFlags.CAMERA : MediaFlags.SCREEN)) !== 0);
    if (now - this.chosenAt >= chooseEveryMs) {
      this.chosenAt = now;
      this.choose();
    }
  }

  /**
   * Connects to the people within hearing when either side sends something. Two people the server marked as
   * forwarded (a group larger than the peer limit) go through the forwarder; everyone else directly, the nearest
   * first, up to the peer limit; tells how many more there are when there is no forwarder to carry them.
   */
  private choose(): void {
    if (!this.online || this.remotes.selfId === 0) return;
    this.people.showMedia(id => this.remotes.mediaOf(id));
    const me = this.me.position;
    const sending = this.local.sendingAudio || this.local.cameraOn || this.local.screenOn;
    const quiet = this.local.doNotDisturb;
    const forwardedMe = this.hasForwarder && !quiet && (this.remotes.selfMedia & MediaFlags.FORWARDED) !== 0;
    const connected = new Set([...this.mesh.peers, ...this.forwarder.feeds]);
    const candidates = this.remotes.views()
      .filter(v => v.id !== this.remotes.selfId && (v.media & MediaFlags.DO_NOT_DISTURB) === 0)
      .filter(v => sending || (v.media & sendsSomething) !== 0)
      // Someone amplified (an event hall's stage) is heard whatever the distance, and first.
      .map(v => ({ id: v.id, media: v.media, distance: (v.media & MediaFlags.AMPLIFIED) !== 0 ? 0 : Math.hypot(v.x - me.x, v.z - me.z) }))
      .filter(c => c.distance <= this.hearingRadius * (connected.has(c.id) ? keepFactor : 1))
      .sort((a, b) => a.distance - b.distance);
    const viaForwarder = (c: { media: number }) => forwardedMe && (c.media & MediaFlags.FORWARDED) !== 0;
    const direct = quiet ? [] : candidates.filter(c => !viaForwarder(c));
    const wanted = direct.slice(0, this.peerLimit);
    this.mesh.want(new Set(wanted.map(c => c.id)));
    this.mixedMe = forwardedMe && (this.remotes.selfMedia & MediaFlags.MIXED) !== 0;
    // In a mixed room voices come in the mix: a feed is worth receiving only for a camera or a screen.
    const worthAFeed = this.mixedMe ? MediaFlags.CAMERA | MediaFlags.SCREEN : sendsSomething;
    const feeds = candidates.filter(c => viaForwarder(c) && (c.media & worthAFeed) !== 0).map(c => c.id);
    this.forwarder.want(forwardedMe && (this.local.cameraOn || this.local.screenOn || this.local.sendingAudio && !this.mixedMe), new Set(feeds), this.mixedMe);
    this.mix.want(this.mixedMe);
    const beyond = direct.length - wanted.length;
    this.bar.setNote(beyond > 0
      ? this.texts.format("{0} more people are within hearing than direct connections reach; you hear the nearest {1}.", beyond, this.peerLimit)
      : "");
  }

  private remote(peer: number, slot: MediaSlot, stream: MediaStream | null): void {
    const name = this.remotes.profiles.get(peer)?.displayName ?? "";
    if (slot === "audio") {
      if (stream && !this.mixedMe) this.audio.attach(peer, stream); // in a mixed room their voice is in the mix
      else this.audio.detach(peer);
    } else if (slot === "camera") this.bubbles.camera(peer, stream, name);
    else this.bubbles.screen(peer, stream, name);
  }

  /** Tells the world what this browser sends, when that changes. */
  private announce(): void {
    if (!this.online) return;
    const local = this.local;
    const state: MediaStateValues = {
      microphone: local.sendingAudio, camera: local.cameraOn && !local.doNotDisturb, screen: local.screenOn && !local.doNotDisturb,
      speaking: local.sendingAudio && local.speaking, doNotDisturb: local.doNotDisturb,
    };
    const key = JSON.stringify(state);
    if (key === this.sentState) return;
    if (this.link.sendMediaState(state)) this.sentState = key;
    if (local.doNotDisturb) {
      this.mesh.want(new Set());
      this.forwarder.want(false, new Set());
      this.mix.want(false);
    }
  }

  private flags(peer: number): number {
    return this.remotes.mediaOf(peer);
  }

  /** Silenced by an operator, or in do-not-disturb: their voice and pictures are not played. */
  private audible(peer: number): boolean {
    return (this.flags(peer) & (MediaFlags.SILENCED | MediaFlags.DO_NOT_DISTURB)) === 0 && !this.local.doNotDisturb;
  }

  /** On an event hall's stage or at its microphone: heard by everyone in the hall. */
  private amplified(peer: number): boolean {
    return (this.flags(peer) & MediaFlags.AMPLIFIED) !== 0;
  }

  private get selfAmplified(): boolean {
    return (this.remotes.selfMedia & MediaFlags.AMPLIFIED) !== 0;
  }

  private within(peer: number, metres: number): boolean {
    const figure = this.remotes.figureOf(peer);
    if (!figure) return false;
    const me = this.me.position;
    return Math.hypot(figure.root.position.x - me.x, figure.root.position.z - me.z) <= metres;
  }
}
