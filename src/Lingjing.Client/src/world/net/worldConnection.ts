import type {
  AvatarProfile,
  ChatMessage,
  ChatRejected,
  EmotePlayed,
  Kicked,
  MediaRefused,
  MediaSignal,
  ForwarderSignal,
  Muted,
  Snapshot,
  Welcome,
} from "../protocol/world_pb";
import {
  ChatScope, decodeServerFrame, encodeChat, encodeEmote, encodeHello, encodeInput, encodeForwarderSignal, encodeMediaSignal, encodeMediaState, encodePing,
  type ForwarderValues, type MediaStateValues, type SignalValues,
} from "./codec";
import { Backoff } from "./backoff";
import { InputThrottle, type AvatarPose } from "./inputThrottle";

export type ConnectionState = "connecting" | "online" | "offline" | "removed";

export interface WorldEvents {
  state(state: ConnectionState, retryInMs?: number): void;
  welcome(welcome: Welcome, reconnected: boolean): void;
  snapshot(snapshot: Snapshot): void;
  joined(avatars: AvatarProfile[]): void;
  left(ids: number[]): void;
  chat(message: ChatMessage): void;
  history(messages: ChatMessage[]): void;
  emote(emote: EmotePlayed): void;
  chatRejected(rejected: ChatRejected): void;
  muted(muted: Muted): void;
  kicked(kicked: Kicked): void;
  roundTrip(ms: number): void;
  mediaSignal(signal: MediaSignal): void;
  mediaRefused(refused: MediaRefused): void;
  forwarderSignal(signal: ForwarderSignal): void;
  /** The server ended the connection for good (4002 refused, 4003 removed, 4004 replaced by another tab, 4006 not admitted). */
  ended(code: number): void;
}

/** Close codes after which coming back would only repeat the refusal (docs/protocol.md). */
const final = new Set([4002, 4003, 4004, 4006]);
const pingEveryMs = 5000;

/** The connection to /world/ws: Hello first, then Input only when the avatar moved (at most 15 Hz),
 * chat, emotes and pings; server frames go to the events. Reconnects by itself with backoff and
 * jitter; while it is down the world stays usable on its own. */
export class WorldConnection {
  private socket: WebSocket | null = null;
  private readonly backoff = new Backoff();
  private readonly throttle = new InputThrottle(15);
  private seq = 0;
  private welcomed = false;
  private everWelcomed = false;
  private stopped = false;
  private pingTimer = 0;
  private retryTimer = 0;
  /** The pose last offered: a reconnect (the node may have gone down) resumes there. */
  private lastPose: AvatarPose | null = null;
  state: ConnectionState = "connecting";

  constructor(
    private readonly url: string,
    private readonly worldId: string,
    private readonly events: WorldEvents,
  ) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.retryTimer);
    window.clearInterval(this.pingTimer);
    this.socket?.close(1000);
  }

  /** Call every frame with the avatar's pose; sends only what the throttle lets through. */
  offerPose(pose: AvatarPose): void {
    this.lastPose = pose;
    if (!this.welcomed) return;
    const now = performance.now();
    const send = this.throttle.offer(pose, now);
    if (send) this.send(encodeInput({ seq: ++this.seq, clientTimeMs: Math.floor(now), ...send }));
  }

  sendChat(scope: ChatScope, text: string): boolean {
    return this.welcomed && this.send(encodeChat(scope, text));
  }

  sendEmote(emote: number): void {
    if (this.welcomed) this.send(encodeEmote(emote));
  }

  sendMediaState(state: MediaStateValues): boolean {
    return this.welcomed && this.send(encodeMediaState(state));
  }

  sendSignal(signal: SignalValues): boolean {
    return this.welcomed && this.send(encodeMediaSignal(signal));
  }

  sendForwarderSignal(signal: ForwarderValues): boolean {
    return this.welcomed && this.send(encodeForwarderSignal(signal));
  }

  private open(): void {
    this.setState(this.everWelcomed ? "offline" : "connecting");
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch {
      this.retry();
      return;
    }
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    socket.onopen = () => socket.send(asBuffer(encodeHello(this.worldId, this.everWelcomed ? this.lastPose ?? undefined : undefined)));
    socket.onmessage = e => {
      if (e.data instanceof ArrayBuffer) this.receive(new Uint8Array(e.data));
    };
    socket.onclose = e => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.welcomed = false;
      window.clearInterval(this.pingTimer);
      if (this.stopped) return;
      if (final.has(e.code)) {
        this.setState("removed");
        this.events.ended(e.code);
      }
      else this.retry();
    };
  }

  private retry(): void {
    const delay = this.backoff.next();
    this.setState("offline", delay);
    this.retryTimer = window.setTimeout(() => this.open(), delay);
  }

  private receive(bytes: Uint8Array): void {
    let frame;
    try {
      frame = decodeServerFrame(bytes);
    } catch {
      return; // a frame this client cannot read is skipped, the next snapshot replaces it anyway
    }
    const body = frame.body;
    switch (body.case) {
      case "welcome": {
        const reconnected = this.everWelcomed;
        this.welcomed = this.everWelcomed = true;
        this.seq = 0;
        this.throttle.reset();
        this.backoff.reset();
        this.setState("online");
        this.pingTimer = window.setInterval(() => this.send(encodePing(Math.floor(performance.now()))), pingEveryMs);
        this.events.welcome(body.value, reconnected);
        break;
      }
      case "snapshot": this.events.snapshot(body.value); break;
      case "avatarsJoined": this.events.joined(body.value.avatars); break;
      case "avatarsLeft": this.events.left(body.value.avatarIds); break;
      case "chat": this.events.chat(body.value); break;
      case "chatHistory": this.events.history(body.value.messages); break;
      case "emote": this.events.emote(body.value); break;
      case "pong": this.events.roundTrip(Math.max(0, Math.floor(performance.now()) - body.value.clientTimeMs)); break;
      case "chatRejected": this.events.chatRejected(body.value); break;
      case "muted": this.events.muted(body.value); break;
      case "kicked": this.events.kicked(body.value); break;
      case "mediaSignal": this.events.mediaSignal(body.value); break;
      case "mediaRefused": this.events.mediaRefused(body.value); break;
      case "forwarderSignal": this.events.forwarderSignal(body.value); break;
    }
  }

  private send(bytes: Uint8Array): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(asBuffer(bytes));
    return true;
  }

  private setState(state: ConnectionState, retryInMs?: number): void {
    this.state = state;
    this.events.state(state, retryInMs);
  }
}

/** protobuf-es writes into ordinary ArrayBuffers; the DOM typings want that said. */
function asBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}
