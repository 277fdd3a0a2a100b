// The part of blazor.web.js's global this client uses.
interface BlazorWeb {
  addEventListener(name: "enhancedload", callback: () => void): void;
}

interface Window {
  Blazor?: BlazorWeb;
}
