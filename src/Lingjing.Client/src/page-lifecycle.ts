// Static server rendering with enhanced navigation swaps the page content without reloading
// scripts, so work that depends on the page runs once now and again after every enhanced load.
export function onPageLoad(callback: () => void | Promise<void>): void {
  const run = () => void callback();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
  else run();
  whenBlazorReady((blazor) => blazor.addEventListener("enhancedload", run));
}

// blazor.web.js is a classic script loaded before this module, but guard against a missing or late one.
function whenBlazorReady(use: (blazor: BlazorWeb) => void, attempts = 50): void {
  if (window.Blazor) use(window.Blazor);
  else if (attempts > 0) setTimeout(() => whenBlazorReady(use, attempts - 1), 100);
}
