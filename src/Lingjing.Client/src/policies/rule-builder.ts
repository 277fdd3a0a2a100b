// The policy editor's rule builder ([data-rule-builder]): pick a fact, an operator and a value, combine the
// conditions with all (and) or any (or). Every change writes the rule language into the text editor
// ([data-rule-input]) and fires its input event, so the live eligibility panel counts the matches as for
// typed text. The text editor stays for experts: text typed by hand is read back through the server's
// parser (/api/v1/policies/rule-builder/read) when it fits the builder. Without script the card stays
// hidden and the text editor is the whole story.

interface Choice { value: string; label: string }
interface Fact { key: string; label: string; kind: "number" | "yuan" | "percent" | "years" | "yesno" | "choice" | "choices"; choices?: Choice[] | null }
interface Condition { fact: string; operator: string; values: string[] }
interface BuilderRule { combine: "all" | "any"; conditions: Condition[] }
interface Reading { fits: boolean; rule: BuilderRule | null; reason: string | null }
type Labels = Record<string, string>;

const comparisons = [">=", ">", "<=", "<", "==", "!="];
const bound = new WeakSet<HTMLElement>();

export function mountRuleBuilders(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>("[data-rule-builder]").forEach((card) => {
    if (bound.has(card)) return;
    const form = card.closest("form") ?? document;
    const text = form.querySelector<HTMLTextAreaElement>("[data-rule-input]");
    if (!text) return;
    bound.add(card);
    new RuleBuilder(card, text).start();
  });
}

class RuleBuilder {
  private readonly facts: Fact[];
  private readonly labels: Labels;
  private rule: BuilderRule = { combine: "all", conditions: [] };
  private writing = false;

  constructor(private readonly card: HTMLElement, private readonly text: HTMLTextAreaElement) {
    this.facts = JSON.parse(card.dataset.facts ?? "[]") as Fact[];
    this.labels = JSON.parse(card.dataset.labels ?? "{}") as Labels;
  }

  start(): void {
    this.card.hidden = false;
    this.text.addEventListener("input", () => { if (!this.writing) this.note("hand"); });
    this.card.addEventListener("click", (event) => {
      const target = (event.target as Element | null)?.closest<HTMLElement>("[data-builder-action]");
      if (!target) return;
      event.preventDefault();
      const action = target.dataset.builderAction;
      if (action === "add") this.add();
      else if (action === "remove") this.remove(Number(target.dataset.index));
      else if (action === "read") void this.readText();
    });
    this.mirrorCount();
    void this.readText();
  }

  /** Reads the text editor's rule into the builder when it fits; otherwise leaves the text alone. */
  private async readText(): Promise<void> {
    const body = this.part("body");
    if (this.text.value.trim() === "") {
      this.rule = { combine: "all", conditions: [this.blank()] };
      this.render();
      return;
    }
    body.setAttribute("aria-busy", "true");
    try {
      const response = await fetch("/api/v1/policies/rule-builder/read", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ rule: this.text.value }),
      });
      if (!response.ok) throw new Error(`the builder's reader answered ${response.status}`);
      const reading = (await response.json()) as Reading;
      if (reading.fits && reading.rule) {
        this.rule = { combine: reading.rule.combine, conditions: reading.rule.conditions.length > 0 ? reading.rule.conditions : [this.blank()] };
        this.render();
        this.note("");
      } else {
        this.rule = { combine: "all", conditions: [] };
        this.render();
        this.note("unfit");
      }
    } catch (error) {
      console.error(error);
      this.note("failed");
    } finally {
      body.removeAttribute("aria-busy");
    }
  }

  private blank(): Condition { return { fact: "", operator: "", values: [] }; }

  private add(): void {
    this.rule.conditions.push(this.blank());
    this.render();
    this.part("body").querySelector<HTMLSelectElement>(`[data-condition="${this.rule.conditions.length - 1}"] [data-builder-fact]`)?.focus();
  }

  private remove(index: number): void {
    this.rule.conditions.splice(index, 1);
    if (this.rule.conditions.length === 0) this.rule.conditions.push(this.blank());
    this.render();
    this.write();
  }

  private render(): void {
    const body = this.part("body");
    body.replaceChildren();
    const combine = document.createElement("div");
    combine.className = "d-flex align-items-center gap-2 mb-2";
    const match = document.createElement("label");
    match.className = "small";
    match.htmlFor = "builder-combine";
    match.textContent = this.labels.match ?? "";
    const select = this.select("builder-combine", [["all", this.labels.all ?? "all"], ["any", this.labels.any ?? "any"]], this.rule.combine);
    select.dataset.builderCombine = "";
    select.className = "form-select form-select-sm w-auto";
    select.addEventListener("change", () => { this.rule.combine = select.value === "any" ? "any" : "all"; this.write(); });
    combine.append(match, select);
    body.appendChild(combine);

    const list = document.createElement("ol");
    list.className = "list-unstyled mb-2";
    this.rule.conditions.forEach((condition, index) => list.appendChild(this.row(condition, index)));
    body.appendChild(list);

    const add = document.createElement("button");
    add.type = "button";
    add.className = "btn btn-sm btn-outline-primary";
    add.dataset.builderAction = "add";
    add.textContent = this.labels.add ?? "+";
    body.appendChild(add);
  }

  private row(condition: Condition, index: number): HTMLElement {
    const item = document.createElement("li");
    item.className = "d-flex flex-wrap align-items-start gap-2 mb-2";
    item.dataset.condition = String(index);
    const fact = this.facts.find((f) => f.key === condition.fact);

    const factSelect = this.select(`builder-fact-${index}`, [["", this.labels.choose ?? "…"], ...this.facts.map((f) => [f.key, f.label] as [string, string])], condition.fact);
    factSelect.dataset.builderFact = "";
    factSelect.setAttribute("aria-label", this.labels.fact ?? "");
    factSelect.addEventListener("change", () => {
      const chosen = this.facts.find((f) => f.key === factSelect.value);
      condition.fact = factSelect.value;
      condition.operator = chosen ? this.operators(chosen)[0][0] : "";
      condition.values = [];
      this.render();
      this.write();
    });
    item.appendChild(factSelect);

    if (fact) {
      const operator = this.select(`builder-op-${index}`, this.operators(fact), condition.operator);
      operator.dataset.builderOperator = "";
      operator.setAttribute("aria-label", this.labels.operator ?? "");
      operator.addEventListener("change", () => { condition.operator = operator.value; this.write(); });
      item.appendChild(operator);
      const value = this.valueControl(fact, condition, index);
      if (value) item.appendChild(value);
    }

    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "btn btn-sm btn-outline-secondary ms-auto";
    remove.dataset.builderAction = "remove";
    remove.dataset.index = String(index);
    remove.textContent = this.labels.remove ?? "×";
    item.appendChild(remove);
    return item;
  }

  private operators(fact: Fact): [string, string][] {
    const ops = this.labels;
    if (fact.kind === "yesno" || fact.kind === "choice") return [["is", ops.yes ?? "is"], ["is not", ops.no ?? "is not"]];
    if (fact.kind === "choices") return [["in", ops.in ?? "in"], ["not in", ops.notIn ?? "not in"]];
    return comparisons.map((c) => [c, ops[c] ?? c]);
  }

  private valueControl(fact: Fact, condition: Condition, index: number): HTMLElement | null {
    if (fact.kind === "yesno") return null;
    if (fact.kind === "choice" || fact.kind === "choices") {
      const many = fact.kind === "choices";
      const options: [string, string][] = (fact.choices ?? []).map((c) => [c.value, c.label]);
      const select = this.select(`builder-value-${index}`, many ? options : [["", this.labels.choose ?? "…"], ...options], "");
      select.multiple = many;
      if (many) select.size = Math.min(5, options.length);
      for (const option of Array.from(select.options)) option.selected = condition.values.includes(option.value);
      select.dataset.builderValue = "";
      select.setAttribute("aria-label", this.labels.value ?? "");
      select.addEventListener("change", () => {
        condition.values = Array.from(select.selectedOptions, (o) => o.value).filter((v) => v !== "");
        this.write();
      });
      return select;
    }
    const group = document.createElement("div");
    group.className = "input-group input-group-sm w-auto";
    const input = document.createElement("input");
    input.id = `builder-value-${index}`;
    input.className = "form-control";
    input.inputMode = "decimal";
    input.size = 10;
    input.value = condition.values[0] ?? "";
    input.dataset.builderValue = "";
    input.setAttribute("aria-label", this.labels.value ?? "");
    input.addEventListener("input", () => {
      condition.values = [input.value.trim()];
      const valid = input.value.trim() === "" || Number.isFinite(Number(input.value.trim().replace(/,/g, "")));
      input.classList.toggle("is-invalid", !valid);
      this.write();
    });
    group.appendChild(input);
    const unit = { percent: "%", yuan: this.labels.yuan, years: this.labels.years }[fact.kind as string];
    if (unit) {
      const suffix = document.createElement("span");
      suffix.className = "input-group-text";
      suffix.textContent = unit;
      group.appendChild(suffix);
    }
    return group;
  }

  /** The rule language for the builder's conditions; incomplete ones are left out. */
  private toText(): string {
    const clauses = this.rule.conditions.map((c) => this.clause(c)).filter((c): c is string => c !== null);
    return clauses.join(this.rule.combine === "any" ? "\nor " : "\nand ");
  }

  private clause(c: Condition): string | null {
    const fact = this.facts.find((f) => f.key === c.fact);
    if (!fact) return null;
    const negate = c.operator === "is not" ? "not " : "";
    switch (fact.kind) {
      case "yesno": return `${negate}${fact.key}`;
      case "choice": return c.values[0] ? `${negate}${fact.key}(${JSON.stringify(c.values[0])})` : null;
      case "choices":
        return c.values.length > 0 ? `${fact.key} ${c.operator === "not in" ? "not in" : "in"} [${c.values.map((v) => JSON.stringify(v)).join(", ")}]` : null;
      default: {
        const number = Number((c.values[0] ?? "").replace(/,/g, ""));
        if ((c.values[0] ?? "").trim() === "" || !Number.isFinite(number) || !comparisons.includes(c.operator)) return null;
        return `${fact.key} ${c.operator} ${number}${fact.kind === "percent" ? "%" : ""}`;
      }
    }
  }

  private write(): void {
    this.writing = true;
    this.text.value = this.toText();
    this.text.dispatchEvent(new Event("input", { bubbles: true }));
    this.writing = false;
    this.note("");
  }

  private note(kind: "" | "hand" | "unfit" | "failed"): void {
    const note = this.part("note");
    note.replaceChildren();
    note.hidden = kind === "";
    note.dataset.kind = kind;
    if (kind === "") return;
    const text = document.createElement("span");
    text.textContent = this.labels[kind] ?? "";
    note.appendChild(text);
    if (kind !== "failed") {
      const read = document.createElement("button");
      read.type = "button";
      read.className = "btn btn-link btn-sm p-0 ms-2 align-baseline";
      read.dataset.builderAction = "read";
      read.textContent = this.labels.read ?? "";
      note.appendChild(read);
    }
  }

  /** Shows the live count of the eligibility panel in the builder too. */
  private mirrorCount(): void {
    const source = document.querySelector<HTMLElement>("[data-preview-count]");
    const target = this.part("count");
    if (!source) return;
    const copy = () => {
      const eligible = source.dataset.eligible;
      const valid = source.textContent !== "—" && eligible !== undefined;
      target.textContent = valid ? (this.labels.matching ?? "{0}").replace("{0}", source.textContent ?? "") : "";
      target.dataset.eligible = valid ? eligible : "";
    };
    new MutationObserver(copy).observe(source, { childList: true, characterData: true, subtree: true, attributes: true });
    copy();
  }

  private part(name: string): HTMLElement {
    return this.card.querySelector<HTMLElement>(`[data-builder-${name}]`)!;
  }

  private select(id: string, options: [string, string][], value: string): HTMLSelectElement {
    const select = document.createElement("select");
    select.id = id;
    select.className = "form-select form-select-sm w-auto";
    for (const [v, label] of options) {
      const option = document.createElement("option");
      option.value = v;
      option.textContent = label;
      option.selected = v === value;
      select.appendChild(option);
    }
    return select;
  }
}
