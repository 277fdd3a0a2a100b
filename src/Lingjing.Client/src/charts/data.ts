// Shapes of the /api/v1/zone/charts/* responses (camelCase JSON of the server records).
export interface CategoryCount {
  category: string;
  nameEn: string;
  nameZh: string;
  enterprises: number;
  aboveDesignatedSize: number;
}

export interface YearRevenue {
  year: number;
  revenueYuan: number;
  growth: number | null;
}

export interface ParkFigures {
  id: number;
  code: string;
  nameEn: string;
  nameZh: string;
  latitude: number;
  longitude: number;
  areaSquareMeters: number;
  enterprises: number;
  enterprisesAboveDesignatedSize: number;
  spaces: number;
}

/** What a chart element tells the script: its labels (already translated by the server) and language. */
export interface ChartContext {
  labels: Record<string, string>;
  chinese: boolean;
}

export function label(context: ChartContext, key: string): string {
  return context.labels[key] ?? key;
}

export function localName(context: ChartContext, item: { nameEn: string; nameZh: string }): string {
  return context.chinese ? item.nameZh : item.nameEn;
}
