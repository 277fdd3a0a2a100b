// UI text comes from the page: the Razor page renders every string the client shows, localized,
// as JSON in data-text (English text is the key, as on the server).

export class Texts {
  private readonly table: Record<string, string>;

  constructor(
    json: string | undefined,
    /** True when names should be shown in Chinese. */
    readonly chinese: boolean,
  ) {
    this.table = json ? (JSON.parse(json) as Record<string, string>) : {};
  }

  get(english: string): string {
    return this.table[english] ?? english;
  }

  /** Replaces {0}, {1}, ... in the localized text. */
  format(english: string, ...values: (string | number)[]): string {
    return this.get(english).replace(/\{(\d+)\}/g, (_, i: string) => String(values[Number(i)] ?? ""));
  }

  name(item: { nameZh: string; nameEn: string }): string {
    return this.chinese ? item.nameZh : item.nameEn;
  }
}
