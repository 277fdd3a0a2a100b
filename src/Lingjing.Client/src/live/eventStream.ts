// One server-sent event stream per address, shared by every element of the page that listens to it and
// kept across Blazor's enhanced navigations. EventSource reconnects by itself after a network error; when
// the server refuses the stream (signed out, a restart mid-handshake) it stops, so we reopen it ourselves
// with a growing pause.

export type StreamState = "connecting" | "live" | "lost";

interface Listener {
  events: Record<string, (data: unknown) => void>;
  state?: (state: StreamState, reconnected: boolean) => void;
}

interface Stream {
  source: EventSource | null;
  registered: Set<string>;
  listeners: Set<Listener>;
  wasLost: boolean;
  retryMs: number;
  timer: number | undefined;
}

const streams = new Map<string, Stream>();

export function listen(url: string, listener: Listener): () => void {
  let stream = streams.get(url);
  if (!stream) {
    stream = { source: null, registered: new Set(), listeners: new Set(), wasLost: false, retryMs: 2000, timer: undefined };
    streams.set(url, stream);
  }
  stream.listeners.add(listener);
  if (!stream.source) open(url, stream);
  else {
    for (const name of Object.keys(listener.events)) attach(stream, name);
    listener.state?.(stream.source.readyState === EventSource.OPEN ? "live" : "connecting", false);
  }
  const owned = stream;
  return () => {
    owned.listeners.delete(listener);
    if (owned.listeners.size === 0) close(url, owned);
  };
}

function open(url: string, stream: Stream): void {
  const source = new EventSource(url, { withCredentials: true });
  stream.source = source;
  stream.registered = new Set();
  notify(stream, "connecting", false);
  for (const listener of stream.listeners) for (const name of Object.keys(listener.events)) attach(stream, name);
  source.addEventListener("open", () => {
    stream.retryMs = 2000;
    notify(stream, "live", stream.wasLost);
    stream.wasLost = false;
  });
  source.addEventListener("error", () => {
    stream.wasLost = true;
    notify(stream, "lost", false);
    if (source.readyState !== EventSource.CLOSED) return; // the browser retries on its own
    source.close();
    stream.source = null;
    window.clearTimeout(stream.timer);
    stream.timer = window.setTimeout(() => { if (stream.listeners.size > 0) open(url, stream); }, stream.retryMs);
    stream.retryMs = Math.min(stream.retryMs * 2, 60_000);
  });
}

function attach(stream: Stream, name: string): void {
  if (!stream.source || stream.registered.has(name)) return;
  stream.registered.add(name);
  stream.source.addEventListener(name, (event) => {
    let data: unknown = null;
    try { data = JSON.parse((event as MessageEvent<string>).data); } catch { /* not JSON: listeners get null */ }
    for (const listener of stream.listeners) listener.events[name]?.(data);
  });
}

function close(url: string, stream: Stream): void {
  window.clearTimeout(stream.timer);
  stream.source?.close();
  streams.delete(url);
}

function notify(stream: Stream, state: StreamState, reconnected: boolean): void {
  for (const listener of stream.listeners) listener.state?.(state, reconnected);
}
