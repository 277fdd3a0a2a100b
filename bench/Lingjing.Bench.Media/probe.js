// Installed in every page of the benchmark's browser before the page's own scripts (a Playwright init script).
// - The microphone is a 1 kHz tone the benchmark switches on and off (benchProbe.tone), instead of Chromium's fake beep.
// - Every peer connection the page opens is kept (benchProbe.traffic sums their statistics), and every audio
//   track it receives is watched for the tone's onset (benchProbe.onsets, wall-clock milliseconds).
(() => {
  const probe = { onsets: [], listening: 0, connections: [] };
  window.benchProbe = probe;

  // Milliseconds comparable between pages of one machine: the page's monotonic clock, shifted onto Date.now() at
  // the moment Date.now() ticks over (so the shift is exact to a fraction of a millisecond).
  let shift = null;
  const wallClock = () => {
    if (shift === null) {
      const start = Date.now();
      let now;
      while ((now = Date.now()) === start) { /* wait for the next millisecond */ }
      shift = now - performance.now();
    }
    return performance.now() + shift;
  };
  probe.wallClock = wallClock;

  let toneContext = null;
  let toneGain = null;
  const realGetUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async constraints => {
    if (!constraints || !constraints.audio) return realGetUserMedia(constraints);
    const stream = constraints.video ? await realGetUserMedia({ video: constraints.video }) : new MediaStream();
    if (!toneContext) {
      toneContext = new AudioContext({ latencyHint: "interactive" });
      const oscillator = toneContext.createOscillator();
      oscillator.frequency.value = 1000;
      toneGain = toneContext.createGain();
      toneGain.gain.value = 0;
      oscillator.connect(toneGain);
      oscillator.start();
    }
    const microphone = toneContext.createMediaStreamDestination();
    toneGain.connect(microphone);
    stream.addTrack(microphone.stream.getAudioTracks()[0]);
    return stream;
  };
  /** Switches the tone on or off now; returns when (wall clock). */
  probe.tone = on => {
    toneGain.gain.setValueAtTime(on ? 0.5 : 0, toneContext.currentTime);
    return wallClock();
  };

  let listenContext = null;
  /** Watches an audio track: records the wall-clock time of each onset of sound after silence. */
  probe.listen = track => {
    listenContext ??= new AudioContext({ latencyHint: "interactive" });
    const stream = new MediaStream([track]);
    // Chromium plays a received track into Web Audio only while a media element holds it too.
    const element = new Audio();
    element.muted = true;
    element.srcObject = stream;
    void element.play().catch(() => {});
    const analyser = listenContext.createAnalyser();
    analyser.fftSize = 512;
    const silent = listenContext.createGain();
    silent.gain.value = 0;
    listenContext.createMediaStreamSource(stream).connect(analyser);
    analyser.connect(silent).connect(listenContext.destination);
    const samples = new Float32Array(analyser.fftSize);
    let loud = false;
    probe.listening++;
    setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const now = wallClock();
      const first = samples.findIndex(s => Math.abs(s) > 0.1);
      // The onset is where the first loud sample sits in the analyser's window, which ends now.
      if (first >= 0 && !loud) probe.onsets.push(now - (samples.length - first) / listenContext.sampleRate * 1000);
      loud = first >= 0;
    }, 2);
  };

  const RealPeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends RealPeerConnection {
    constructor(...args) {
      super(...args);
      probe.connections.push(this);
      this.addEventListener("track", event => { if (event.track.kind === "audio") probe.listen(event.track); });
    }
  };

  /** Bytes and frames so far over every open connection, and the received audio's average jitter-buffer delay. */
  probe.traffic = async () => {
    const sum = { inAudio: 0, inVideo: 0, outAudio: 0, outVideo: 0, framesDecoded: 0, framesEncoded: 0, packetsLost: 0, jitterDelay: 0, jitterEmitted: 0 };
    for (const connection of probe.connections) {
      if (connection.connectionState === "closed") continue;
      (await connection.getStats()).forEach(s => {
        if (s.type === "inbound-rtp" && s.kind === "audio") {
          sum.inAudio += s.bytesReceived ?? 0;
          sum.jitterDelay += s.jitterBufferDelay ?? 0;
          sum.jitterEmitted += s.jitterBufferEmittedCount ?? 0;
        }
        if (s.type === "inbound-rtp" && s.kind === "video") {
          sum.inVideo += s.bytesReceived ?? 0;
          sum.framesDecoded += s.framesDecoded ?? 0;
        }
        if (s.type === "inbound-rtp") sum.packetsLost += s.packetsLost ?? 0;
        if (s.type === "outbound-rtp" && s.kind === "audio") sum.outAudio += s.bytesSent ?? 0;
        if (s.type === "outbound-rtp" && s.kind === "video") {
          sum.outVideo += s.bytesSent ?? 0;
          sum.framesEncoded += s.framesEncoded ?? 0;
        }
      });
    }
    return sum;
  };
})();
