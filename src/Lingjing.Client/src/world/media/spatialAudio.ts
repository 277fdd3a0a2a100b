// Voices placed in the scene: each peer's audio goes through a Web Audio panner at their avatar, so people
// sound louder when closer and come from their direction. The listener is one's own avatar.
//
// Coordinates: the scene (Babylon) is left-handed with +z north; Web Audio is right-handed with -z ahead,
// so a scene point (x, z) is (x, -z) to the panner.

interface Voice {
  element: HTMLAudioElement;
  source: MediaStreamAudioSourceNode;
  /** What is heard of this voice, before placing and muting: for the media statistics. */
  analyser: AnalyserNode;
  /** None for a room's mix: it comes from nowhere in particular. */
  panner: PannerNode | null;
  gain: GainNode;
}

const earHeight = 1.6;

export class SpatialAudio {
  private context: AudioContext | null = null;
  private readonly voices = new Map<number, Voice>();

  private rolloff = 1;

  constructor(private hearingRadius: number) {}

  setHearingRadius(metres: number): void {
    this.hearingRadius = metres;
    for (const voice of this.voices.values()) if (voice.panner) voice.panner.maxDistance = metres;
  }

  /** In a meeting room everyone is heard across the room: voices still come from their direction and the
   * nearer a little louder, but the far corner keeps most of its volume. */
  hearWholeRoom(): void {
    this.rolloff = 0.25;
    for (const voice of this.voices.values()) if (voice.panner) voice.panner.rolloffFactor = this.rolloff;
  }

  /** Browsers start audio only after a gesture: call from a click or key press. */
  resume(): void {
    void this.context?.resume();
  }

  /** A peer's voice, placed at their avatar (see place); unplaced, a room's mix of voices heard as it is. */
  attach(peer: number, stream: MediaStream, placed = true): void {
    this.detach(peer);
    this.context ??= new AudioContext();
    // Chrome plays a remote WebRTC stream through Web Audio only while a media element also holds it.
    const element = new Audio();
    element.muted = true;
    element.srcObject = stream;
    void element.play().catch(() => undefined);
    const source = this.context.createMediaStreamSource(stream);
    const analyser = new AnalyserNode(this.context, { fftSize: 2048 });
    source.connect(analyser);
    const panner = placed ? new PannerNode(this.context, {
      panningModel: "HRTF", distanceModel: "linear", refDistance: 1, maxDistance: this.hearingRadius, rolloffFactor: this.rolloff,
    }) : null;
    const gain = this.context.createGain();
    (panner ? source.connect(panner).connect(gain) : source.connect(gain)).connect(this.context.destination);
    this.voices.set(peer, { element, source, analyser, panner, gain });
  }

  /** The loudest sample of a voice over the last ~40 ms (0 to 1), 0 for a voice not attached. (The browser's own
   * inbound audioLevel statistic stays 0 when playout goes through Web Audio, so it cannot say what is heard.) */
  level(peer: number): number {
    const analyser = this.voices.get(peer)?.analyser;
    if (!analyser) return 0;
    const samples = new Float32Array(analyser.fftSize);
    analyser.getFloatTimeDomainData(samples);
    let loudest = 0;
    for (const sample of samples) loudest = Math.max(loudest, Math.abs(sample));
    return loudest;
  }

  detach(peer: number): void {
    const voice = this.voices.get(peer);
    if (!voice) return;
    voice.source.disconnect();
    voice.analyser.disconnect();
    voice.gain.disconnect();
    voice.element.srcObject = null;
    this.voices.delete(peer);
  }

  /** Where a peer stands (scene metres), whether they may be heard (an operator's mute, do-not-disturb), and whether
   * they are amplified (an event hall's stage): then as loud across the hall as next to them, still from their direction. */
  place(peer: number, x: number, z: number, audible: boolean, amplified = false): void {
    const voice = this.voices.get(peer);
    if (!voice?.panner || !this.context) return;
    const t = this.context.currentTime;
    const rolloff = amplified ? 0 : this.rolloff;
    if (voice.panner.rolloffFactor !== rolloff) voice.panner.rolloffFactor = rolloff;
    voice.panner.positionX.setTargetAtTime(x, t, 0.05);
    voice.panner.positionY.setTargetAtTime(earHeight, t, 0.05);
    voice.panner.positionZ.setTargetAtTime(-z, t, 0.05);
    voice.gain.gain.setTargetAtTime(audible ? 1 : 0, t, 0.02);
  }

  /** The listener: one's own avatar, facing its heading (radians, 0 = north). */
  listen(x: number, z: number, heading: number): void {
    if (!this.context) return;
    const listener = this.context.listener;
    const t = this.context.currentTime;
    listener.positionX.setTargetAtTime(x, t, 0.05);
    listener.positionY.setTargetAtTime(earHeight, t, 0.05);
    listener.positionZ.setTargetAtTime(-z, t, 0.05);
    listener.forwardX.setTargetAtTime(Math.sin(heading), t, 0.05);
    listener.forwardY.setTargetAtTime(0, t, 0.05);
    listener.forwardZ.setTargetAtTime(-Math.cos(heading), t, 0.05);
    listener.upX.value = 0;
    listener.upY.value = 1;
    listener.upZ.value = 0;
  }

  close(): void {
    for (const peer of [...this.voices.keys()]) this.detach(peer);
    void this.context?.close();
    this.context = null;
  }
}
