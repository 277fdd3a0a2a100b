// The policy editor's live eligibility: while the government types a rule (and benefit formula),
// posts the draft to /api/v1/policies/rule-preview (debounced) and shows how many enterprises
// qualify, per-clause counts, a sample, or the error with its position.

interface RuleError { position: number; line: number; column: number; message: string }
interface Sample { id: number; nameZh: string; nameEn: string; parkNameEn: string; category: string; employees: number; benefitYuan: number | null }
interface ClauseCount { clause: string; holds: number }
interface Preview { valid: boolean; error: RuleError | null; eligible: number; total: number; sample: Sample[]; clauses: ClauseCount[] }

const bound = new WeakSet<HTMLElement>();

export function mountRulePreview(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>("[data-rule-preview]").forEach((panel) => {
    if (bound.has(panel)) return;
    bound.add(panel);
    const form = panel.closest("form") ?? document;
    const rule = form.querySelector<HTMLTextAreaElement>("[data-rule-input]");
    const formula = form.querySelector<HTMLInputElement>("[data-formula-input]");
    if (!rule) return;
    let timer: number | undefined;
    let sequence = 0;
    const schedule = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void refresh(++sequence), 250);
    };
    const refresh = async (mine: number) => {
      const text = rule.value.trim();
      const state = panel.querySelector<HTMLElement>("[data-preview-state]");
      if (text.length === 0) {
        render(panel, null, rule);
        if (state) state.textContent = panel.dataset.labelEmpty ?? "";
        return;
      }
      panel.setAttribute("aria-busy", "true");
      try {
        const response = await fetch("/api/v1/policies/rule-preview", {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ rule: rule.value, benefitFormula: formula?.value ?? null }),
        });
        if (!response.ok) throw new Error(`preview answered ${response.status}`);
        const preview = (await response.json()) as Preview;
        if (mine === sequence) render(panel, preview, rule);
      } catch (error) {
        console.error(error);
        if (mine === sequence && state) state.textContent = panel.dataset.labelFailed ?? "";
      } finally {
        panel.removeAttribute("aria-busy");
      }
    };
    rule.addEventListener("input", schedule);
    formula?.addEventListener("input", schedule);
    schedule();
  });
}

function render(panel: HTMLElement, preview: Preview | null, rule: HTMLTextAreaElement): void {
  const part = (name: string) => panel.querySelector<HTMLElement>(`[data-preview-${name}]`);
  const count = part("count");
  const total = part("total");
  const error = part("error");
  const clauses = part("clauses");
  const sample = part("sample");
  const state = part("state");
  const zh = panel.dataset.zh === "true";
  const format = new Intl.NumberFormat(zh ? "zh-CN" : "en");
  if (!count || !total || !error || !clauses || !sample || !state) return;
  clauses.replaceChildren();
  sample.replaceChildren();
  error.classList.add("d-none");
  if (preview === null) {
    count.textContent = "—";
    total.textContent = "";
    return;
  }
  if (!preview.valid || preview.error) {
    count.textContent = "—";
    total.textContent = "";
    state.textContent = panel.dataset.labelInvalid ?? "";
    error.classList.remove("d-none");
    showError(panel, error, preview.error, rule);
    return;
  }
  count.textContent = format.format(preview.eligible);
  count.dataset.eligible = String(preview.eligible);
  total.textContent = `${panel.dataset.labelEligible} (${panel.dataset.labelOf} ${format.format(preview.total)})`;
  state.textContent = preview.eligible === 0 ? panel.dataset.labelNone ?? "" : "";

  if (preview.clauses.length > 1) {
    const table = document.createElement("table");
    table.className = "table table-sm small mb-3";
    const head = table.createTHead().insertRow();
    for (const text of [panel.dataset.labelClause ?? "", panel.dataset.labelHolds ?? ""]) {
      const th = document.createElement("th");
      th.textContent = text;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const clause of preview.clauses) {
      const row = body.insertRow();
      const code = document.createElement("code");
      code.textContent = clause.clause;
      row.insertCell().appendChild(code);
      const cell = row.insertCell();
      cell.className = "text-end";
      cell.textContent = format.format(clause.holds);
    }
    clauses.appendChild(table);
  }
  if (preview.sample.length > 0) {
    const title = document.createElement("div");
    title.className = "fw-semibold small mb-1";
    title.textContent = panel.dataset.labelSample ?? "";
    const list = document.createElement("ul");
    list.className = "list-unstyled small mb-0";
    list.dataset.previewSampleList = "";
    for (const s of preview.sample) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `/directory/enterprises/${s.id}`;
      link.textContent = zh ? s.nameZh : s.nameEn;
      item.appendChild(link);
      const facts = document.createElement("span");
      facts.className = "text-body-secondary ms-1";
      facts.textContent = `· ${s.parkNameEn} · ${s.employees}` + (s.benefitYuan !== null ? ` · ${panel.dataset.labelBenefit} ${format.format(s.benefitYuan)}` : "");
      item.appendChild(facts);
      list.appendChild(item);
    }
    sample.append(title, list);
  }
}

/** "Line 2, column 5: expected ...", the line as written with a caret under the column, and a button that
 * puts the cursor there in the text editor. */
function showError(panel: HTMLElement, box: HTMLElement, error: RuleError | null, rule: HTMLTextAreaElement): void {
  box.replaceChildren();
  box.dataset.position = String(error?.position ?? "");
  box.dataset.line = String(error?.line ?? "");
  box.dataset.column = String(error?.column ?? "");
  if (!error) return;
  const where = (panel.dataset.labelAt ?? "Line {0}, column {1}").replace("{0}", String(error.line)).replace("{1}", String(error.column));
  const head = document.createElement("div");
  head.textContent = `${where}: ${error.message}`;
  const line = rule.value.split("\n")[error.line - 1] ?? "";
  const excerpt = document.createElement("pre");
  excerpt.className = "small mb-1 mt-2 bg-body-tertiary p-2 rounded";
  excerpt.textContent = `${line}\n${" ".repeat(Math.max(0, error.column - 1))}^`;
  const show = document.createElement("button");
  show.type = "button";
  show.className = "btn btn-sm btn-outline-danger";
  show.textContent = panel.dataset.labelShow ?? "";
  show.addEventListener("click", () => {
    rule.focus();
    rule.setSelectionRange(error.position, Math.min(rule.value.length, error.position + 1));
  });
  box.append(head, excerpt, show);
}
