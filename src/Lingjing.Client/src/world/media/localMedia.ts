// What this browser sends into the world's voice and video: the microphone, the camera and a shared
// screen. The browser asks for a device only when a person first turns it on; a refusal or a missing
// device becomes a state the media bar shows, never a silent failure.

/** Why a device could not be used. */
export type MediaProblem = "denied" | "missing" | "busy" | "unsupported" | "failed";

export type MediaSlot = "audio" | "camera" | "screen";

/** Video is capped near 600 kbit/s per stream and audio near 32 kbit/s (Opus), enough for faces and voices. */
export const maxBitrate: Record<MediaSlot, number> = { audio: 32_000, camera: 600_000, screen: 1_200_000 };

/** Level (RMS of the waveform, 0..1) above which the microphone counts as hearing a voice. */
const speakingLevel = 0.02;
/** Speaking ends this long after the level last crossed the threshold, so pauses between words do not flicker. */
const speakingHoldMs = 400;

export class LocalMedia {
  private microphone: MediaStreamTrack | null = null;
  private camera: MediaStreamTrack | null = null;
  private screen: MediaStreamTrack | null = null;
  private openMic = false;
  private talking = false;
  private analyser: AnalyserNode | null = null;
  private audio: AudioContext | null = null;
  private lastVoice = 0;
  private readonly listeners: (() => void)[] = [];
  speaking = false;
  doNotDisturb = false;
  microphoneId = "";
  cameraId = "";

  /** Called whenever what is sent changes (a track, on or off, speaking). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The track to send in a slot now, or null. */
  track(slot: MediaSlot): MediaStreamTrack | null {
    if (this.doNotDisturb) return null;
    if (slot === "audio") return this.microphone && this.microphone.enabled ? this.microphone : null;
    return slot === "camera" ? this.camera : this.screen;
  }

  get microphoneOn(): boolean {
    return this.openMic;
  }

  get sendingAudio(): boolean {
    return !this.doNotDisturb && (this.openMic || this.talking) && this.microphone !== null;
  }

  get cameraOn(): boolean {
    return this.camera !== null;
  }

  get screenOn(): boolean {
    return this.screen !== null;
  }

  /** The camera's picture, for the preview of oneself. */
  cameraStream(): MediaStream | null {
    return this.camera ? new MediaStream([this.camera]) : null;
  }

  /** Opens or closes the microphone; the device is asked for on first use and released when closed. */
  async setMicrophone(on: boolean): Promise<MediaProblem | null> {
    this.openMic = on;
    if (!on && !this.talking) this.stopMicrophone();
    const problem = await this.updateMicrophone();
    if (problem) this.openMic = false;
    return problem;
  }

  /** Push-to-talk: the microphone sends while the key is held, even when it is closed (the device stays
   * open between presses, so the first word is not lost to opening it). */
  async setTalking(held: boolean): Promise<MediaProblem | null> {
    this.talking = held;
    return this.updateMicrophone();
  }

  async setCamera(on: boolean): Promise<MediaProblem | null> {
    this.camera?.stop();
    this.camera = null;
    if (on) {
      const got = await capture({ video: this.cameraId ? { deviceId: { exact: this.cameraId }, width: 640, height: 360 } : { width: 640, height: 360 } });
      if (typeof got === "string") {
        this.changed();
        return got;
      }
      this.camera = got.getVideoTracks()[0] ?? null;
    }
    this.changed();
    return null;
  }

  async setScreen(on: boolean): Promise<MediaProblem | null> {
    this.screen?.stop();
    this.screen = null;
    if (on) {
      if (!navigator.mediaDevices?.getDisplayMedia) return this.changedWith("unsupported");
      try {
        const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
        const track = stream.getVideoTracks()[0] ?? null;
        // The browser's own "Stop sharing" button ends the track.
        track?.addEventListener("ended", () => {
          if (this.screen === track) void this.setScreen(false);
        });
        this.screen = track;
      } catch (error) {
        return this.changedWith(problemOf(error));
      }
    }
    this.changed();
    return null;
  }

  setDoNotDisturb(on: boolean): void {
    this.doNotDisturb = on;
    this.changed();
  }

  /** The microphones and cameras this browser has (names only once a device was allowed). */
  async devices(): Promise<{ microphones: MediaDeviceInfo[]; cameras: MediaDeviceInfo[] }> {
    const all = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
    return { microphones: all.filter(d => d.kind === "audioinput"), cameras: all.filter(d => d.kind === "videoinput") };
  }

  async useMicrophone(deviceId: string): Promise<MediaProblem | null> {
    this.microphoneId = deviceId;
    this.stopMicrophone();
    return this.updateMicrophone();
  }

  async useCamera(deviceId: string): Promise<MediaProblem | null> {
    this.cameraId = deviceId;
    return this.camera ? this.setCamera(true) : null;
  }

  /** Stops every device (leaving the page). */
  stop(): void {
    this.stopMicrophone();
    this.camera?.stop();
    this.screen?.stop();
    this.camera = this.screen = null;
    void this.audio?.close();
  }

  /** Measures the microphone's level; call often (every frame is fine). */
  sample(now: number): void {
    if (!this.analyser || !this.sendingAudio) {
      this.setSpeaking(false);
      return;
    }
    const samples = new Float32Array(this.analyser.fftSize);
    this.analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    if (Math.sqrt(sum / samples.length) > speakingLevel) this.lastVoice = now;
    this.setSpeaking(now - this.lastVoice < speakingHoldMs);
  }

  private async updateMicrophone(): Promise<MediaProblem | null> {
    const wanted = this.openMic || this.talking;
    if (wanted && !this.microphone) {
      const got = await capture({ audio: { deviceId: this.microphoneId ? { exact: this.microphoneId } : undefined, echoCancellation: true, noiseSuppression: true } });
      if (typeof got === "string") return this.changedWith(got);
      this.microphone = got.getAudioTracks()[0] ?? null;
      this.listen();
    }
    if (this.microphone) this.microphone.enabled = wanted;
    this.changed();
    return null;
  }

  private listen(): void {
    if (!this.microphone) return;
    this.audio ??= new AudioContext();
    const source = this.audio.createMediaStreamSource(new MediaStream([this.microphone]));
    this.analyser = this.audio.createAnalyser();
    this.analyser.fftSize = 1024;
    source.connect(this.analyser);
  }

  private stopMicrophone(): void {
    this.microphone?.stop();
    this.microphone = null;
    this.analyser?.disconnect();
    this.analyser = null;
  }

  private setSpeaking(speaking: boolean): void {
    if (speaking === this.speaking) return;
    this.speaking = speaking;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private changedWith(problem: MediaProblem): MediaProblem {
    this.changed();
    return problem;
  }
}

async function capture(constraints: MediaStreamConstraints): Promise<MediaStream | MediaProblem> {
  if (!navigator.mediaDevices?.getUserMedia) return "unsupported";
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch (error) {
    return problemOf(error);
  }
}

function problemOf(error: unknown): MediaProblem {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "missing";
  if (name === "NotReadableError" || name === "AbortError") return "busy";
  return error instanceof TypeError ? "unsupported" : "failed";
}
