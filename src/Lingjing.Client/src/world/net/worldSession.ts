import type { Scene } from "@babylonjs/core/scene";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { ChatRejectReason, MediaFlags, MovementState } from "../protocol/world_pb";
import type { LocalAvatar } from "../avatar/localAvatar";
import type { LabelLayer } from "../scene/labels";
import type { RenderPacer } from "../scene/renderPacer";
import type { Texts } from "../ui/texts";
import type { Hud } from "../ui/hud";
import type { ChatPanel } from "../ui/chatPanel";
import type { PeopleList } from "../ui/peopleList";
import type { WorldStatus } from "../world";
import { ChatScope, fromCm } from "./codec";
import { RemoteAvatars } from "./remoteAvatars";
import { fromWire } from "../avatar/avatarLook";
import { WorldConnection } from "./worldConnection";
import { ProximityMedia } from "../media/proximityMedia";
import { pushToTalkKey } from "../media/mediaBar";
import { isTyping } from "../avatar/localAvatar";

export interface WorldSessionParts {
  root: HTMLElement;
  scene: Scene;
  /** Draws when something changes; media work runs on its every tick. */
  pacer: RenderPacer;
  labels: LabelLayer;
  me: LocalAvatar;
  worldId: string;
  bounds: [number, number, number, number];
  texts: Texts;
  hud: Hud;
  chat: ChatPanel;
  people: PeopleList;
  status: WorldStatus;
  /** The scene's open ground near the centre of the (first) park, [x, z]. */
  openGround: [number, number];
  /** The park centre the server spawns arrivals around, [x, z]: [0, 0] in a park world, the first park's origin in the zone. */
  spawnCentre: [number, number];
  /** Where an arrival walks instead of the open ground (a space the page was opened at), [x, z]. */
  destination?: [number, number];
  /** Where a scene point appears on the page (CSS pixels). */
  project(x: number, y: number, z: number): { x: number; y: number };
  /** Where the voice and video controls go (the side column), and shared screens (the overlay). */
  mediaHost: HTMLElement;
  overlay: HTMLElement;
  /** A meeting room: everyone hears everyone across the room. */
  wholeRoom?: boolean;
}

/** How far the server's idea of your position may drift from yours before you are put where it says. */
const correctionMetres = 3;
/** How much of the server's spawn scatter an arrival keeps when walking to open ground. */
const scatterKept = 0.3;
/** Farther than this, the open ground is not worth the walk. */
const maxWalkToOpenGround = 80;
/** Joins announced right after connecting are the people already there, not arrivals. */
const quietAfterWelcomeMs = 1500;

/** Joins the shared world at /world/ws and connects it to the scene and the overlay. */
export function joinWorld(parts: WorldSessionParts): {
  emote(emote: number): void;
  chat(scope: ChatScope, text: string): boolean;
  /** The stage's picture for an event hall's big screen: an amplified person's shared screen, else their camera. */
  stagePicture(): { peer: number; video: HTMLVideoElement } | null;
  /** Whether the server amplifies you now (on an event hall's stage or at its microphone). */
  amplified(): boolean;
  /** The shared screen shown now, if any (a meeting room shows it on its wall screen). */
  sharedScreen(): { peer: number; video: HTMLVideoElement } | null;
} {
  const { scene, me, texts, hud, chat, people, status } = parts;
  let welcomedAt = 0;
  let roundTrip: number | undefined;
  const remotes = new RemoteAvatars(scene, parts.labels, self => {
    const x = fromCm(self.x);
    const z = fromCm(self.z);
    if (Math.hypot(x - me.position.x, z - me.position.z) > correctionMetres && !me.moving) me.place(x, z);
    // Your own figure talks when the server says you speak, as the others see it (and not while a moderator silences you).
    me.figure.setMedia(self.media);
  });
  parts.pacer.busyWhile(() => remotes.animating);
  status.remotePositions = () => remotes.positions();
  status.replayedPath = id => remotes.replayedPath(id);
  status.remotes = () => remotes.views();
  const refreshPeople = () => people.render([...remotes.profiles.values()].filter(p => p.id !== remotes.selfId));
  /** The server spawns arrivals around a park's centre, which may be inside a building; the scene's
   * spawn is open ground nearby. Arrivals walk there (the server checks every step's speed), keeping
   * part of their scatter so a crowd does not gather on one point. */
  const walkToOpenGround = (x: number, z: number): void => {
    if (parts.destination) {
      me.moveTo(new Vector3(parts.destination[0], 0, parts.destination[1]));
      return;
    }
    const [openX, openZ] = parts.openGround;
    const [centreX, centreZ] = parts.spawnCentre;
    const targetX = openX + (x - centreX) * scatterKept;
    const targetZ = openZ + (z - centreZ) * scatterKept;
    if (Math.hypot(targetX - x, targetZ - z) > 1 && Math.hypot(targetX - x, targetZ - z) < maxWalkToOpenGround) me.moveTo(new Vector3(targetX, 0, targetZ));
  };
  const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/world/ws`;

  const connection = new WorldConnection(url, parts.worldId, {
    state(state, retryInMs) {
      status.connection = state;
      status.connectionHistory.push(state);
      parts.root.dataset.worldConnection = state;
      hud.setState(state, retryInMs, roundTrip);
      if (state !== "online") {
        media.offline();
        remotes.clear();
        refreshPeople();
      }
    },
    welcome(welcome, reconnected) {
      welcomedAt = performance.now();
      remotes.clear();
      remotes.selfId = status.selfId = welcome.avatarId;
      remotes.selfMedia = 0;
      chat.setMaxLength(welcome.limits?.maxChatChars ?? 0);
      const spawn = welcome.spawn;
      const [minX, minZ, maxX, maxZ] = parts.bounds;
      if (!reconnected && spawn) {
        const x = fromCm(spawn.x);
        const z = fromCm(spawn.z);
        // The scene's own spawn point stands unless the server's lies within the scene.
        if (x >= minX && x <= maxX && z >= minZ && z <= maxZ) {
          me.place(x, z);
          walkToOpenGround(x, z);
        }
      }
      refreshPeople();
      media.welcome(welcome.media);
      if (reconnected) chat.notice(texts.get("Reconnected."));
    },
    snapshot(snapshot) {
      remotes.apply(snapshot);
      status.remoteAvatars = remotes.visibleCount;
      parts.root.dataset.remoteAvatars = String(remotes.visibleCount);
    },
    joined(avatars) {
      remotes.join(avatars);
      const self = avatars.find(a => a.id === remotes.selfId);
      const look = fromWire(self?.look);
      if (look) me.figure.setLook(look);
      if (self) me.figure.setAffiliation(self.affiliation);
      refreshPeople();
      if (performance.now() - welcomedAt > quietAfterWelcomeMs)
        for (const a of avatars) if (a.id !== remotes.selfId) hud.toast(texts.format("{0} joined", a.displayName));
    },
    left(ids) {
      for (const id of ids) {
        const name = remotes.profiles.get(id)?.displayName;
        if (name && id !== remotes.selfId) hud.toast(texts.format("{0} left", name));
      }
      remotes.leave(ids);
      refreshPeople();
    },
    chat: message => chat.add(message),
    history(messages) {
      for (const message of messages) chat.add(message);
    },
    emote(played) {
      if (played.avatarId !== remotes.selfId) remotes.playEmote(played.avatarId, played.emote);
    },
    chatRejected(rejected) {
      const why = rejected.reason === ChatRejectReason.TOO_FAST
        ? texts.format("You are sending messages too fast; try again in {0} s.", Math.ceil(rejected.retryAfterMs / 1000))
        : rejected.reason === ChatRejectReason.TOO_LONG ? texts.get("That message is too long.") : texts.get("The message was not sent.");
      chat.notice(why);
    },
    muted(muted) {
      const until = new Date(Number(muted.untilMs)).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      chat.notice(texts.format("You are muted until {0}.", until) + (muted.reason ? ` ${muted.reason}` : ""));
    },
    kicked(kicked) {
      chat.notice(texts.get("You were removed from this world.") + (kicked.reason ? ` ${kicked.reason}` : ""));
    },
    ended(code) {
      if (code === 4004) chat.notice(texts.get("This world is open in another tab or window."));
      else if (code === 4002) chat.notice(texts.get("You cannot enter this world."));
      else if (code === 4006) chat.notice(texts.get("This park's world is open to its people and invited guests only. Ask the park's operators for an invitation."));
    },
    roundTrip(ms) {
      roundTrip = ms;
      hud.setState(connection.state, undefined, ms);
    },
    mediaSignal: signal => media.signal(signal),
    mediaRefused: refused => media.refused(refused),
    forwarderSignal: signal => media.forwarded(signal),
  });
  const media = new ProximityMedia(texts, connection, remotes, me, people, parts.pacer, parts.project, parts.wholeRoom);
  parts.mediaHost.prepend(media.bar.element);
  parts.overlay.append(media.bubbles.screens);
  document.body.append(media.bubbles.layer);
  status.media = () => media.status();
  status.mediaStats = () => media.stats();
  // Push-to-talk: the microphone sends while the key is held.
  window.addEventListener("keydown", e => {
    if (e.key.toLowerCase() !== pushToTalkKey || e.repeat || isTyping(e)) return;
    void media.local.setTalking(true);
  });
  window.addEventListener("keyup", e => {
    if (e.key.toLowerCase() === pushToTalkKey) void media.local.setTalking(false);
  });
  connection.start();

  scene.onAfterRenderObservable.add(() => {
    connection.offerPose({
      x: me.position.x,
      z: me.position.z,
      heading: me.headingRadians,
      state: me.moving ? (me.running ? MovementState.RUNNING : MovementState.WALKING) : MovementState.IDLE,
    });
  });

  return {
    emote(emote) {
      me.figure.play(emote);
      connection.sendEmote(emote);
    },
    chat: (scope, text) => connection.sendChat(scope, text),
    sharedScreen: () => media.bubbles.shownScreen(),
    stagePicture: () => media.bubbles.stagePicture(peer => (remotes.mediaOf(peer) & MediaFlags.AMPLIFIED) !== 0),
    amplified: () => (remotes.selfMedia & MediaFlags.AMPLIFIED) !== 0,
  };
}
