// The alarm rule editor ([data-alarm-rule-form]) without script shows every field and the server checks the
// combination; with it, the form shows only what applies: the device picker of the chosen scope, the reading
// fields unless the rule watches for silence, the readings of the chosen kind of device, and the limit's unit.

const bound = new WeakSet<HTMLFormElement>();

export function mountAlarmRuleForms(root: ParentNode): void {
  root.querySelectorAll<HTMLFormElement>("form[data-alarm-rule-form]").forEach((form) => {
    if (bound.has(form)) return;
    bound.add(form);
    const update = () => arrange(form);
    form.addEventListener("change", update);
    form.addEventListener("input", update);
    update();
  });
}

function arrange(form: HTMLFormElement): void {
  const scope = form.querySelector<HTMLInputElement>("[data-rule-scope]:checked")?.value ?? "model";
  form.querySelectorAll<HTMLElement>("[data-scope-part]").forEach((part) => { part.hidden = part.dataset.scopePart !== scope; });
  const kind = form.querySelector<HTMLSelectElement>("[data-rule-kind]")?.value ?? "threshold";
  form.querySelectorAll<HTMLElement>("[data-kind-part]").forEach((part) => { part.hidden = kind === "nodata"; });

  const model = scope === "twin" ? modelOfTwin(form) : form.querySelector<HTMLSelectElement>("[data-rule-model]")?.value ?? "";
  const telemetry = form.querySelector<HTMLSelectElement>("[data-rule-telemetry]");
  if (telemetry) {
    telemetry.querySelectorAll<HTMLOptGroupElement>("optgroup").forEach((group) => {
      const shown = model === "" || group.dataset.model === model;
      group.hidden = !shown;
      group.disabled = !shown;
    });
    const chosen = telemetry.selectedOptions[0];
    if (chosen?.parentElement instanceof HTMLOptGroupElement && chosen.parentElement.disabled) telemetry.value = "";
    const unit = form.querySelector<HTMLElement>("[data-rule-unit]");
    if (unit) {
      const symbol = telemetry.selectedOptions[0]?.dataset.unit ?? "";
      unit.textContent = symbol;
      unit.hidden = symbol === "";
    }
  }
}

function modelOfTwin(form: HTMLFormElement): string {
  const input = form.querySelector<HTMLInputElement>("input[list]");
  if (!input || !input.list) return "";
  const option = Array.from(input.list.options).find((o) => o.value === input.value.trim());
  return option?.dataset.model ?? "";
}
