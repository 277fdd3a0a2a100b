import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  ChatScope,
  ClientFrameSchema,
  type ForwarderSignalKind,
  MediaSignalKind,
  type MediaTrackKind,
  MovementState,
  ServerFrameSchema,
  type ServerFrame,
} from "../protocol/world_pb";

/** Protocol version this client speaks (Hello.protocol_version). */
export const protocolVersion = 1;

const turn = 65536;

/** Metres to the wire's centimetres. */
export const toCm = (metres: number): number => Math.round(metres * 100);
export const fromCm = (cm: number): number => cm / 100;

/** Radians (any range) to the wire's 1/65536 of a full turn. */
export function toHeading(radians: number): number {
  const fraction = radians / (2 * Math.PI);
  return Math.round((fraction - Math.floor(fraction)) * turn) % turn;
}

export const fromHeading = (heading: number): number => (heading / turn) * 2 * Math.PI;

/** Hello; resumeAt (metres) on a reconnect: where the avatar stood, so it stands there again on whichever node answers. */
export function encodeHello(worldId: string, resumeAt?: { x: number; z: number }): Uint8Array {
  const at = resumeAt ? { x: toCm(resumeAt.x), y: 0, z: toCm(resumeAt.z) } : undefined;
  return toBinary(ClientFrameSchema, create(ClientFrameSchema, { body: { case: "hello", value: { worldId, protocolVersion, resumeAt: at } } }));
}

export interface InputValues {
  seq: number;
  clientTimeMs: number;
  x: number;
  z: number;
  heading: number;
  state: MovementState;
}

/** An Input frame; x and z in metres, heading in radians (the avatar stands on the ground, y = 0). */
export function encodeInput(input: InputValues): Uint8Array {
  return toBinary(ClientFrameSchema, create(ClientFrameSchema, {
    body: {
      case: "input",
      value: {
        seq: input.seq,
        clientTimeMs: input.clientTimeMs >>> 0,
        x: toCm(input.x),
        y: 0,
        z: toCm(input.z),
        heading: toHeading(input.heading),
        state: input.state,
      },
    },
  }));
}

export function encodeChat(scope: ChatScope, text: string): Uint8Array {
  return toBinary(ClientFrameSchema, create(ClientFrameSchema, { body: { case: "chat", value: { scope, text } } }));
}

export function encodeEmote(emote: number): Uint8Array {
  return toBinary(ClientFrameSchema, create(ClientFrameSchema, { body: { case: "emote", value: { emote } } }));
}

export function encodePing(clientTimeMs: number): Uint8Array {
  return toBinary(ClientFrameSchema, create(ClientFrameSchema, { body: { case: "ping", value: { clientTimeMs: clientTimeMs >>> 0 } } }));
}

export interface MediaStateValues {
  microphone: boolean;
  camera: boolean;
  screen: boolean;
  speaking: boolean;
  doNotDisturb: boolean;
}

export function encodeMediaState(state: MediaStateValues): Uint8Array {
  return toBinary(ClientFrameSchema, create(ClientFrameSchema, { body: { case: "mediaState", value: state } }));
}

export interface SignalValues {
  peer: number;
  kind: MediaSignalKind;
  sdp?: string;
  candidate?: string;
}

export function encodeMediaSignal(signal: SignalValues): Uint8Array {
  return toBinary(ClientFrameSchema, create(ClientFrameSchema, {
    body: { case: "mediaSignal", value: { peer: signal.peer, kind: signal.kind, sdp: signal.sdp ?? "", candidate: signal.candidate ?? "" } },
  }));
}

export interface ForwarderValues {
  feed: number;
  kind: ForwarderSignalKind;
  sdp?: string;
  candidate?: string;
  tracks?: { mid: string; kind: MediaTrackKind }[];
}

export function encodeForwarderSignal(signal: ForwarderValues): Uint8Array {
  return toBinary(ClientFrameSchema, create(ClientFrameSchema, {
    body: {
      case: "forwarderSignal",
      value: { feed: signal.feed, kind: signal.kind, sdp: signal.sdp ?? "", candidate: signal.candidate ?? "", tracks: signal.tracks ?? [] },
    },
  }));
}

export function decodeServerFrame(bytes: Uint8Array): ServerFrame {
  return fromBinary(ServerFrameSchema, bytes);
}

export { ChatScope, MediaSignalKind, MovementState };
