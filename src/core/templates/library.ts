/**
 * 标准指标模板库: the data files under library/ — one JSON file per sector (领域), listed here in the
 * order the task pane shows them — and library/sources.json, the documents the templates cite.
 * In a sector file a template leaves out its sector (the file's) and names its source by key; the
 * library resolves both, so every IndicatorTemplate says its sector and its source in words
 * (docs/templates.md). Pure TypeScript: no Node, DOM or Office.
 */
import agriculture from "./library/agriculture.json";
import city from "./library/city.json";
import civil from "./library/civil.json";
import culture from "./library/culture.json";
import department from "./library/department.json";
import education from "./library/education.json";
import environment from "./library/environment.json";
import finance from "./library/finance.json";
import forestry from "./library/forestry.json";
import general from "./library/general.json";
import health from "./library/health.json";
import it from "./library/it.json";
import market from "./library/market.json";
import sources from "./library/sources.json";
import township from "./library/township.json";
import training from "./library/training.json";
import transport from "./library/transport.json";
import water from "./library/water.json";
import works from "./library/works.json";
import type { IndicatorTemplate } from "./types";

/** A template as a sector file stores it: no sector field, the source as a key of sources.json. */
type StoredTemplate = Omit<IndicatorTemplate, "sector">;

/** A sector file (library/<name>.json). */
export interface SectorFile {
  /** The sector's Chinese name (林业草原). */
  readonly sector: string;
  /** Its place in lists (1 first). */
  readonly order: number;
  /** How a table is recognised as this sector's (sector.ts): unit names and words of its project names. */
  readonly match: {
    readonly units: readonly string[];
    readonly words: readonly string[];
  };
  readonly templates: readonly StoredTemplate[];
}

/** The sector files, in list order. */
export const SECTOR_FILES: readonly SectorFile[] = (
  [
    department,
    general,
    finance,
    training,
    it,
    works,
    agriculture,
    forestry,
    water,
    health,
    education,
    transport,
    environment,
    city,
    market,
    civil,
    culture,
    township,
  ] as unknown as SectorFile[]
).sort((a, b) => a.order - b.order);

/** A source document: its name as users read it and its kind (国家文件, 技术标准, 公开绩效目标表 …). */
export interface SourceDocument {
  readonly name: string;
  readonly kind: string;
}

/** Source key → document (library/sources.json). */
export const SOURCES: Readonly<Record<string, SourceDocument>> = (
  sources as unknown as { sources: Record<string, SourceDocument> }
).sources;

function resolve(t: StoredTemplate, sector: string): IndicatorTemplate {
  const { id, level1, level2, name, value, explanation, placeholders, keywords, family, note, source } = t;
  return Object.freeze({
    id,
    level1,
    level2,
    name,
    value,
    explanation,
    placeholders,
    keywords,
    sector,
    family,
    note,
    source: SOURCES[source]?.name ?? source,
  });
}

/** The built-in library, in library order (sector by sector; the order search uses to break ties). */
export const TEMPLATES: readonly IndicatorTemplate[] = Object.freeze(
  SECTOR_FILES.flatMap((f) => f.templates.map((t) => resolve(t, f.sector)))
);

/** The sector names of the built-in library, in list order. */
export const SECTOR_NAMES: readonly string[] = Object.freeze(SECTOR_FILES.map((f) => f.sector));

const byId = new Map<string, IndicatorTemplate>(TEMPLATES.map((t) => [t.id, t]));

/** A built-in template by id. */
export function templateById(id: string): IndicatorTemplate | undefined {
  return byId.get(id);
}
