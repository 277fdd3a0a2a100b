/** An on-screen joystick for touch devices: drag the knob; the deflection (-1..1 each way, y up is
 * forward) goes to onMove, and (0, 0) when released. */
export function createJoystick(parent: HTMLElement, onMove: (x: number, y: number) => void): HTMLElement {
  const base = document.createElement("div");
  base.className = "world-joystick";
  const knob = document.createElement("div");
  knob.className = "world-joystick-knob";
  base.appendChild(knob);
  parent.appendChild(base);

  let pointer: number | null = null;
  const radius = () => base.clientWidth / 2;
  const move = (e: PointerEvent) => {
    const rect = base.getBoundingClientRect();
    let dx = e.clientX - (rect.left + rect.width / 2);
    let dy = e.clientY - (rect.top + rect.height / 2);
    const length = Math.hypot(dx, dy);
    const max = radius();
    if (length > max) {
      dx = (dx / length) * max;
      dy = (dy / length) * max;
    }
    knob.style.transform = `translate(${dx}px, ${dy}px)`;
    onMove(dx / max, -dy / max);
  };
  base.addEventListener("pointerdown", e => {
    pointer = e.pointerId;
    base.setPointerCapture(e.pointerId);
    move(e);
  });
  base.addEventListener("pointermove", e => {
    if (e.pointerId === pointer) move(e);
  });
  const release = (e: PointerEvent) => {
    if (e.pointerId !== pointer) return;
    pointer = null;
    knob.style.transform = "";
    onMove(0, 0);
  };
  base.addEventListener("pointerup", release);
  base.addEventListener("pointercancel", release);
  return base;
}
