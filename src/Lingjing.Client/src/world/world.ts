// Entry point of the /world pages: builds the Babylon.js scene from the scene API, puts your avatar
// in it and joins the shared world over /world/ws (the scene stays usable alone when that fails).
import "./world.css";
import { Engine } from "@babylonjs/core/Engines/engine";
import { Scene } from "@babylonjs/core/scene";
import { Matrix, Vector3 } from "@babylonjs/core/Maths/math.vector";
import { PointerEventTypes } from "@babylonjs/core/Events/pointerEvents";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import "@babylonjs/core/Culling/ray";
import type { SpaceSceneData, StandSceneData, WorldSceneData } from "./scene/worldScene";
import { buildGround } from "./scene/ground";
import { buildParkBuildings, buildZoneBuildings } from "./scene/buildings";
import { buildSpaceMarkers, spaceInBuilding, type SpaceMarkers } from "./scene/spaces";
import { buildShowroomSigns } from "./scene/showrooms";
import { loadBuildingModels } from "./scene/buildingModels";
import { LabelLayer, parkLabel } from "./scene/labels";
import { buildSky } from "./scene/sky";
import { buildStreets } from "./scene/streets";
import { createFollowCamera } from "./camera/followCamera";
import { addSelfMarker } from "./avatar/selfMarker";
import { centroid } from "./scene/geometry";
import { AvatarFigure, type FigurePose } from "./avatar/avatarFigure";
import { fromPage, lookFor } from "./avatar/avatarLook";
import { isTyping, LocalAvatar } from "./avatar/localAvatar";
import { Texts } from "./ui/texts";
import { Hud } from "./ui/hud";
import { ChatPanel } from "./ui/chatPanel";
import { PeopleList } from "./ui/peopleList";
import { Moderation } from "./ui/moderation";
import { SpaceBooking } from "./ui/spaceBooking";
import { SpaceDetails } from "./ui/spaceDetails";
import { createJoystick } from "./ui/joystick";
import { el } from "./ui/dom";
import { joinWorld } from "./net/worldSession";
import type { ConnectionState } from "./net/worldConnection";
import type { RemoteAvatarView } from "./net/remoteAvatars";
import type { MediaStats, MediaStatus } from "./media/proximityMedia";
import { GraphicsQuality } from "./scene/graphicsQuality";
import { RenderPacer } from "./scene/renderPacer";
import type { FrameFigures } from "./scene/frameStats";
import { buildMeetingRoom } from "./scene/meetingRoom";
import { buildEventHall } from "./scene/eventHall";
import { buildExpoHall } from "./scene/expoHall";
import { BoothCard } from "./ui/boothCard";
import { DeskCard } from "./ui/deskCard";
import { HallApi, type StageState } from "./hall/hallApi";
import { HallPanel } from "./hall/hallPanel";
import { RoomScreen } from "./media/roomScreen";

/** What the page exposes for tests and diagnostics (window.lingjingWorld). */
export interface WorldStatus {
  ready: boolean;
  state: "loading" | "ready" | "error";
  error?: string;
  /** Milliseconds from navigation start to the first rendered frame of the scene. */
  firstFrameMs?: number;
  /** Milliseconds from navigation start to: scene data received, meshes built. */
  sceneDataMs?: number;
  builtMs?: number;
  kind?: "park" | "zone" | "meeting" | "hall" | "expo" | "service-hall";
  /** An expo hall's stands (0 elsewhere), and the booth whose card is open. */
  stands: number;
  boothShown?: number;
  /** In the service hall: the number this person holds (its place, its call), null for none. */
  ticket?: () => import("./ui/deskCard").Ticket | null;
  /** Where a booth's stand stands: its centre [x, z] and square size (m); null for none. */
  stand(boothId: number): { x: number; z: number; size: number } | null;
  /** An event hall's stage as its stream said last (null elsewhere, and until it answers). */
  hallStage(): StageState | null;
  /** Whether the server amplifies you now (on an event hall's stage or at its microphone). */
  amplified(): boolean;
  buildings: number;
  spaces: number;
  showrooms: number;
  /** Uploaded building models loaded in place of extruded shapes (counted once they are in). */
  models: number;
  labels: number;
  connection: ConnectionState;
  /** Every connection state in order (a short offline spell is over before a test looks). */
  connectionHistory: ConnectionState[];
  /** Your avatar id in the shared world (0 until welcomed). */
  selfId: number;
  remoteAvatars: number;
  /** Rendered positions of the other avatars in view. */
  remotePositions(): { id: number; x: number; z: number }[];
  /** What the world is drawn at now: every pixel, or a quarter of them (see GraphicsQuality). */
  graphics(): "sharp" | "light";
  /** A meeting room's wall screen or an event hall's big screen: whether it shows a shared screen (or a camera on stage), and whose. */
  roomScreen(): { showing: boolean; peer: number; centre: number[] };
  /** "every frame" while something moves, "still" when the view is only redrawn now and then (see RenderPacer). */
  drawing(): "every frame" | "still";
  /** Frames drawn since the page opened. */
  framesDrawn(): number;
  /** Frame time over the last frames drawn back to back: interval and drawing time, p50 and p95 (ms). */
  frameStats(): FrameFigures;
  /** The x positions (metres) a visible avatar is replayed through: each received pose and a point between. */
  replayedPath(id: number): number[];
  /** The other avatars in view: who they are, their look and where they are drawn. */
  remotes(): RemoteAvatarView[];
  position(): { x: number; z: number };
  /** Your avatar's heading in radians; 0 faces north (+z). */
  heading(): number;
  moving(): boolean;
  moveTo(x: number, z: number): void;
  /** The scene's spawn point (open ground), [x, z]. */
  spawn: [number, number];
  /** A close third-person view from above: the camera this far (metres) from your avatar, looking north, tilted
   * beta radians from straight down (0.8 unless given). */
  frame(distance: number, beta?: number): void;
  /** Where the camera looks (it follows your avatar) and how far it is from there. */
  camera(): { x: number; z: number; radius: number; alpha: number; beta: number };
  /** Whether your avatar carries the "you" marker (ring and arrow). */
  selfMarked: boolean;
  /** What your own figure does (walking, talking, its tag), as the others' figures report it in remotes(). */
  selfPose(): FigurePose;
  /** Where a space's marker stands, [x, z] (an indoor space's at its building's door). */
  spacePlace(id: number): [number, number] | null;
  /** The name of the mesh under a page point (CSS pixels), as a click there would pick it; null for none. */
  pickedAt(x: number, y: number): string | null;
  /** Labels drawn right now, in render pixels (they never overlap). */
  labelsShown(): { text: string; x: number; y: number; width: number; height: number }[];
  /** Where a scene point appears on the page (CSS pixels), e.g. to click a space marker. */
  screenPoint(x: number, y: number, z: number): { x: number; y: number };
  /** Resolves once this many more frames have been drawn, drawing them at once even in a still view (for tests:
   * let the camera settle by frames, not by time). */
  rendered(frames: number): Promise<void>;
  /** The space the page was opened at (?space=id, e.g. from a booking), once its card is shown. */
  focusedSpace?: number;
  /** Voice and video: what this browser sends and its connections to the people nearby. */
  media(): MediaStatus;
  /** Bytes received from each connected person, by kind (from WebRTC's own statistics). */
  mediaStats(): Promise<MediaStats>;
}

declare global {
  interface Window {
    lingjingWorld: WorldStatus;
  }
}

/** Builds the world in a page's #lingjing-world element, once per element. The module starts it on
 * load; after a Blazor enhanced navigation (which runs no page scripts) the portal can call it again. */
export function startWorld(root: HTMLElement | null = document.getElementById("lingjing-world")): void {
  if (!root || root.dataset.worldStarted) return;
  root.dataset.worldStarted = "true";
  void start(root);
}

startWorld();

async function start(root: HTMLElement): Promise<void> {
  const status: WorldStatus = {
    ready: false, state: "loading", stands: 0, stand: () => null, buildings: 0, spaces: 0, showrooms: 0, models: 0, labels: 0, connection: "connecting", connectionHistory: [], selfId: 0, remoteAvatars: 0,
    position: () => ({ x: 0, z: 0 }),
    heading: () => 0,
    moving: () => false,
    moveTo: () => {},
    spawn: [0, 0],
    frame: () => {},
    camera: () => ({ x: 0, z: 0, radius: 0, alpha: 0, beta: 0 }),
    selfMarked: false,
    selfPose: () => ({ walking: false, stride: 0, talking: false, shape: "average", model: "none", tag: "" }),
    spacePlace: () => null,
    labelsShown: () => [],
    roomScreen: () => ({ showing: false, peer: 0, centre: [] }),
    hallStage: () => null,
    amplified: () => false,
    pickedAt: () => null,
    screenPoint: () => ({ x: 0, y: 0 }),
    rendered: () => Promise.resolve(),
    remotePositions: () => [],
    graphics: () => "sharp",
    drawing: () => "still",
    framesDrawn: () => 0,
    frameStats: () => ({ frames: 0, intervalP50: 0, intervalP95: 0, renderP50: 0, renderP95: 0 }),
    replayedPath: () => [],
    remotes: () => [],
    media: () => ({ sending: "", forwarded: false, mix: "none", peers: [] }),
    mediaStats: () => Promise.resolve([]),
  };
  window.lingjingWorld = status;
  const texts = new Texts(root.dataset.text, root.dataset.culture === "zh");
  try {
    // Same mode and credentials as the page's <link rel=preload>, so the preloaded response is used.
    const response = await fetch(root.dataset.sceneUrl!, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const data = (await response.json()) as WorldSceneData;
    status.sceneDataMs = Math.round(performance.now());
    build(root, data, texts, status);
  } catch (error) {
    status.state = "error";
    status.error = String(error);
    root.dataset.worldState = "error";
    root.querySelector(".world-overlay")?.appendChild(el("div", "world-error", texts.get("The world could not be loaded. Please reload the page.")));
    console.error(error);
  }
}

function build(root: HTMLElement, data: WorldSceneData, texts: Texts, status: WorldStatus): void {
  const canvas = root.querySelector("canvas")!;
  const overlay = root.querySelector<HTMLElement>(".world-overlay")!;
  const zone = data.kind === "zone";
  const engine = new Engine(canvas, true, { preserveDrawingBuffer: true, stencil: true, antialias: true }, true);
  const scene = new Scene(engine);
  const pacer = new RenderPacer(scene, canvas);
  const graphics = new GraphicsQuality(engine, texts);
  scene.onBeforeRenderObservable.add(() => { if (pacer.drawingEveryFrame) graphics.frame(engine.getDeltaTime()); });
  status.graphics = () => graphics.level;
  status.drawing = () => pacer.busy ? "every frame" : "still";
  status.framesDrawn = () => pacer.framesDrawn;
  status.frameStats = () => pacer.stats.figures();
  scene.skipPointerMovePicking = true; // nothing reacts to hovering; picking happens on taps only
  buildSky(scene, zone);

  const [spawnX, spawnZ] = data.spawn;
  const meeting = data.kind === "meeting";
  const hall = data.kind === "hall" && data.stage ? data.stage : null;
  // The service hall's desks are stands too: a counter in a bay, with the desk's letter and name on its back wall.
  const serviceHall = data.kind === "service-hall";
  const expo = data.kind === "expo" || serviceHall ? data.stands ?? [] : null;
  const indoors = meeting || hall !== null || expo !== null;
  const camera = createFollowCamera(scene, canvas, { zone, room: indoors, spawn: [spawnX, spawnZ], heading: data.spawnHeading ?? 0 });
  camera.onViewMatrixChangedObservable.add(() => pacer.wake(250)); // the camera still glides or eases out

  const labels = new LabelLayer(scene, () => pacer.requestFrame());
  const ground = buildGround(scene, data);
  root.dataset.worldKind = data.kind;
  let room: { screenMaterial: import("@babylonjs/core/Materials/standardMaterial").StandardMaterial } | null = null;
  if (!indoors) buildStreets(scene, data.parks, !zone, data.spawn);
  const markers = buildSpaceMarkers(scene, data.parks, labels, texts);
  status.spacePlace = id => {
    const index = markers.spaces.findIndex(s => s.id === id);
    return index < 0 ? null : markers.places[index];
  };
  status.labelsShown = () => labels.shown();
  status.pickedAt = (x, y) => {
    const rect = canvas.getBoundingClientRect();
    // Babylon picks at CSS pixels from the canvas's corner, as the pointer reports them (it applies the scaling).
    return scene.pick(x - rect.left, y - rect.top)?.pickedMesh?.name ?? null;
  };
  status.spaces = markers.spaces.length;
  const side = el("div", "world-side"); // the right-hand column: people list above the live-twins legend
  overlay.append(side);
  if (!indoors) void import("./twinsOverlay").then(m => m.startTwinsOverlay(scene, markers, data.parks, side, () => pacer.requestFrame())); // live twins: tint by occupancy/temperature, machine lights
  status.kind = data.kind;
  if (zone) {
    status.buildings = buildZoneBuildings(scene, data.parks, 3000, labels, texts).length;
    for (const park of data.parks) {
      const anchor = new TransformNode(`park-${park.id}`, scene);
      const [cx, cz] = centroid(park.boundary);
      anchor.position.set(park.origin[0] + cx, 30, park.origin[1] + cz);
      labels.add(anchor, texts.name(park), parkLabel, 6000, 4);
    }
  } else if (meeting) {
    room = buildMeetingRoom(scene, data.parks[0], labels, texts.name(data.parks[0]));
    status.buildings = 0;
  } else if (hall) {
    room = buildEventHall(scene, data.parks[0], hall, labels, texts.name(data.parks[0]));
    status.buildings = 0;
  } else if (expo) {
    buildExpoHall(scene, data.parks[0], expo, labels, serviceHall
      ? stand => texts.chinese ? stand.titleZh : stand.titleEn
      : stand => texts.chinese ? stand.exhibitorZh : stand.exhibitorEn);
    status.stands = expo.length;
    status.stand = id => expo.find(s => s.boothId === id) ?? null;
    status.buildings = 0;
  } else {
    const park = data.parks[0];
    const built = buildParkBuildings(scene, park, labels, texts);
    status.buildings = built.length;
    status.showrooms = buildShowroomSigns(scene, park, texts).length;
    void loadBuildingModels(scene, park, built).then(count => {
      status.models = count;
      pacer.requestFrame();
    });
  }

  // Your avatar.
  const displayName = root.dataset.displayName ?? "";
  const look = fromPage(root.dataset.avatarLook) ?? lookFor(root.dataset.userId ?? displayName);
  const figure = new AvatarFigure(scene, displayName, look, labels);
  const me = new LocalAvatar(scene, figure, camera, [data.bounds[0] - 50, data.bounds[1] - 50, data.bounds[2] + 50, data.bounds[3] + 50]);
  me.place(spawnX, spawnZ, data.spawnHeading ?? 0);
  pacer.busyWhile(() => me.moving || figure.busy); // walking, talking or an emote; standing still is not busy
  addSelfMarker(scene, figure.root);
  status.selfMarked = true;
  status.selfPose = () => figure.pose();
  status.camera = () => ({ x: camera.target.x, z: camera.target.z, radius: camera.radius, alpha: camera.alpha, beta: camera.beta });
  status.position = () => ({ x: me.position.x, z: me.position.z });
  status.spawn = [spawnX, spawnZ];
  status.moving = () => me.moving;
  status.heading = () => me.headingRadians;
  status.moveTo = (x, z) => me.moveTo(new Vector3(x, 0, z));
  status.frame = (distance, beta = 0.8) => {
    camera.radius = distance;
    camera.alpha = -Math.PI / 2;
    camera.beta = beta;
  };
  let awaitedFrames = 0; // frames someone waits for are drawn at once, even in a still view
  pacer.busyWhile(() => awaitedFrames > 0);
  status.rendered = frames => new Promise<void>(resolve => {
    let left = Math.max(0, frames);
    if (left === 0) { resolve(); return; }
    awaitedFrames++;
    const observer = scene.onAfterRenderObservable.add(() => {
      if (--left > 0) return;
      scene.onAfterRenderObservable.remove(observer);
      awaitedFrames--;
      resolve();
    });
  });
  status.screenPoint = (x, y, z) => {
    const viewport = camera.viewport.toGlobal(engine.getRenderWidth(), engine.getRenderHeight());
    const p = Vector3.Project(new Vector3(x, y, z), Matrix.Identity(), scene.getTransformMatrix(), viewport);
    const rect = canvas.getBoundingClientRect();
    const scale = rect.width / engine.getRenderWidth();
    return { x: rect.left + p.x * scale, y: rect.top + p.y * scale };
  };

  // Overlay UI.
  const hud = new Hud(texts, emote => session.emote(emote));
  const details = new SpaceDetails(texts, new SpaceBooking(
    root.dataset.bookApi ?? "/api/v1/spaces/{id}/bookings/next",
    root.dataset.bookingUrl ?? "/bookings/{id}",
    root.dataset.bookUrl ?? "/directory/spaces/{id}#book"), space => {
    const place = status.spacePlace(space.id);
    if (place) me.moveTo(new Vector3(place[0], 0, place[1]));
  });
  let session: ReturnType<typeof joinWorld>;
  const chat = new ChatPanel(texts, (scope, text) => session.chat(scope, text));
  // Only the park's operator gets this attribute; the API checks again.
  const moderation = root.dataset.moderationUrl ? new Moderation(root.dataset.moderationUrl) : null;
  const people = new PeopleList(texts, displayName, moderation && {
    mute: async person => chat.notice(await moderation.mute(person.id, 10)
      ? texts.format("{0} is muted for 10 minutes.", person.displayName)
      : texts.get("That did not work. Please try again.")),
    remove: async person => chat.notice(await moderation.remove(person.id)
      ? texts.format("{0} was removed from this park's world.", person.displayName)
      : texts.get("That did not work. Please try again.")),
  });
  overlay.querySelector(".world-topbar")?.append(graphics.element, hud.badge);
  side.prepend(people.element);
  overlay.append(chat.element, details.element, hud.toasts, hud.emotes, hud.vr, el("div", "world-help", texts.get("WASD or arrows to walk, Shift to run, click the ground to go there, drag or Q/E to turn the view, wheel or +/- to zoom, click a place for its card, 1-4 for emotes, hold V to talk")));
  if (matchMedia("(pointer: coarse)").matches) createJoystick(overlay, (x, y) => me.setStick(x, y));

  // ?space=id (links from bookings and spaces): show that space's card and walk to its marker.
  const focus = focusSpace(markers);
  if (focus) {
    details.show(focus.space);
    status.focusedSpace = focus.space.id;
    root.dataset.focusedSpace = String(focus.space.id);
  }

  session = joinWorld({
    root, scene, pacer, labels, me, worldId: data.worldId, bounds: data.bounds, texts, hud, chat, people, status, openGround: [spawnX, spawnZ],
    spawnCentre: [spawnX, spawnZ], // the server spawns arrivals around the scene's spawn, the park's entrance
    destination: focus ? [focus.x + 2, focus.z + 2] : undefined,
    project: status.screenPoint, mediaHost: side, overlay, wholeRoom: meeting,
  });
  if (room) {
    const screen = new RoomScreen(scene, room.screenMaterial, () => hall ? session.stagePicture() : session.sharedScreen(), pacer);
    status.roomScreen = () => screen.state;
  }
  status.amplified = () => session.amplified();
  const boothCard = expo && !serviceHall && root.dataset.expoApi ? new BoothCard(texts, root.dataset.expoApi) : null;
  if (boothCard) overlay.append(boothCard.element);
  // At a desk: the official behind its counter, the visitor in front of it, a couple of metres apart.
  const toDesk = (stand: StandSceneData, behindCounter: boolean) =>
    me.moveTo(new Vector3(stand.x, 0, stand.z + stand.size / 2 - (behindCounter ? 1.1 : 3.3)));
  const deskCard = serviceHall && expo && root.dataset.serviceHallApi
    ? new DeskCard(texts, root.dataset.serviceHallApi, root.dataset.serviceHallOfficial === "true", expo, toDesk)
    : null;
  if (deskCard) {
    overlay.append(deskCard.element, deskCard.badge);
    status.ticket = () => deskCard.current();
    void deskCard.start();
    const wanted = new URLSearchParams(window.location.search).get("desk");
    const desk = expo?.find(s => s.code === wanted);
    if (desk) { toDesk(desk, false); void deskCard.show(desk); }
  }
  if (hall && root.dataset.hallApi) {
    // The hall's own panel takes the chat's place: its chat is the session's, event-wide.
    chat.element.hidden = true;
    const [x0, z0, x1] = hall;
    const panel = new HallPanel(texts, new HallApi(root.dataset.hallApi), root.dataset.userId ?? "", {
      onStage: (index, of) => me.moveTo(new Vector3((x0 + x1) / 2 + (index - (of - 1) / 2) * 2.2, 0, z0 + 2.5)),
      offStage: () => me.moveTo(new Vector3((x0 + x1) / 2 - 5.75, 0, z0 - 2)),
    });
    overlay.append(panel.element, panel.reactions);
    status.hallStage = () => panel.current;
    panel.start();
  }

  window.addEventListener("keydown", e => {
    if (isTyping(e) || e.repeat) return;
    if (e.key >= "1" && e.key <= "4") session.emote(Number(e.key));
    if (e.key === "Escape") { details.hide(); boothCard?.hide(); deskCard?.hide(); }
  });

  scene.onPointerObservable.add(info => {
    if (info.type !== PointerEventTypes.POINTERTAP) return;
    const pick = scene.pick(scene.pointerX, scene.pointerY);
    if (!pick?.hit || !pick.pickedMesh) return;
    if (pick.pickedMesh === markers.mesh && pick.thinInstanceIndex >= 0) {
      details.show(markers.spaces[pick.thinInstanceIndex]);
    } else if (deskCard && typeof pick.pickedMesh.metadata?.booth === "number") {
      const stand = expo?.find(s => s.boothId === pick.pickedMesh!.metadata.booth);
      if (stand) {
        void deskCard.show(stand);
        me.moveTo(new Vector3(stand.x, 0, stand.z - stand.size / 2 - 1)); // before the bay; the call brings them to the counter
      }
    } else if (boothCard && typeof pick.pickedMesh.metadata?.booth === "number") {
      const stand = expo?.find(s => s.boothId === pick.pickedMesh!.metadata.booth);
      if (stand) {
        boothCard.show(stand);
        status.boothShown = stand.boothId;
      }
      // The visitor walks onto the stand, a few metres before its counter: well within the staff's hearing, not at its edge.
      if (stand) me.moveTo(new Vector3(stand.x, 0, stand.z - stand.size / 2 + 1.5));
    } else if (typeof pick.pickedMesh.metadata?.building === "number") {
      // A building: the card of its space nearest to the click (indoor spaces live in buildings).
      const inside = spaceInBuilding(markers, pick.pickedMesh.metadata.building as number, pick.pickedPoint?.x ?? 0, pick.pickedPoint?.z ?? 0);
      if (inside) details.show(inside);
    } else if (pick.pickedMesh === ground && pick.pickedPoint) {
      me.moveTo(pick.pickedPoint);
    }
  });

  void offerVirtualReality(hud.vr, scene, ground, pacer);

  status.builtMs = Math.round(performance.now());
  window.addEventListener("resize", () => engine.resize());
  scene.executeWhenReady(() => {
    engine.runRenderLoop(() => pacer.tick());
    scene.onAfterRenderObservable.addOnce(() => {
      status.firstFrameMs = Math.round(performance.now());
      status.labels = labels.count;
      status.ready = true;
      status.state = "ready";
      root.dataset.worldState = "ready";
    });
  });
}

/** The space named by ?space= in the page's address, with where its marker stands in the scene. */
function focusSpace(markers: SpaceMarkers): { space: SpaceSceneData; x: number; z: number } | null {
  const id = Number(new URLSearchParams(location.search).get("space"));
  if (!Number.isInteger(id) || id <= 0) return null;
  const index = markers.spaces.findIndex(s => s.id === id);
  if (index < 0) return null;
  const [x, z] = markers.places[index];
  return { space: markers.spaces[index], x, z };
}

interface XrSystem {
  isSessionSupported(mode: string): Promise<boolean>;
}

/** Shows "Enter VR" only where an immersive VR session is possible; Babylon's XR code loads on click. */
async function offerVirtualReality(button: HTMLButtonElement, scene: Scene, ground: import("@babylonjs/core/Meshes/mesh").Mesh, pacer: RenderPacer): Promise<void> {
  const xr = (navigator as Navigator & { xr?: XrSystem }).xr;
  if (!xr || !(await xr.isSessionSupported("immersive-vr").catch(() => false))) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const { WebXRDefaultExperience } = await import("@babylonjs/core/XR/webXRDefaultExperience");
    const { WebXRState } = await import("@babylonjs/core/XR/webXRTypes");
    // With floor meshes the default experience turns on teleportation onto them.
    const experience = await WebXRDefaultExperience.CreateAsync(scene, { floorMeshes: [ground], disableDefaultUI: true });
    pacer.busyWhile(() => experience.baseExperience.state === WebXRState.IN_XR); // a headset needs every frame
    await experience.baseExperience.enterXRAsync("immersive-vr", "local-floor");
  });
}
