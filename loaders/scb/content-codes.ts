// Maps SCB's opaque value codes (ContentsCode "000007X7", HuvudFoT1m "10" …) to our stable ids by their labels.
// SCB renumbers content codes when a table is republished, but the Swedish labels stay put, so the labels are the
// contract and the codes are looked up afresh from each table's /metadata.

/** One of our ids and the label pattern that finds its value in a table's metadata. */
export interface LabelPattern {
  id: string;
  pattern: RegExp;
  /** Optional values (e.g. "summa", only in some tables) may be absent without an error. */
  optional?: boolean;
}

/** One variable of a json-stat2 metadata document: its code, label and values in published order. */
export interface MetadataVariable {
  code: string;
  label: string;
  values: {code: string; label: string}[];
  elimination: boolean;
  time: boolean;
}

/** The result of resolving label patterns: our id → value code, and back. */
export interface ResolvedCodes {
  variable: string;
  codes: Record<string, string>;
  ids: Record<string, string>;
  labels: Record<string, string>;
}

/** Thrown when a required id matches no label, or a pattern matches more than one label. */
export class ContentCodeError extends Error {
  constructor(
    message: string,
    readonly missing: string[],
    readonly unmatchedLabels: string[]
  ) {
    super(message);
    this.name = "ContentCodeError";
  }
}

interface JsonStatCategory {
  index?: Record<string, number> | string[];
  label?: Record<string, string>;
}

interface JsonStatMetadata {
  id?: string[];
  role?: {time?: string[]};
  dimension?: Record<string, {label?: string; category?: JsonStatCategory; extension?: {elimination?: boolean}}>;
}

/** The variables of a PxWeb v2 json-stat2 metadata document (already parsed, or as text), in its `id` order. */
export function metadataVariables(metadata: unknown): MetadataVariable[] {
  const doc = (typeof metadata === "string" ? JSON.parse(metadata) : metadata) as JsonStatMetadata;
  const dims = doc?.dimension;
  if (!dims || typeof dims !== "object") throw new Error("SCB-metadata saknar 'dimension' (inte json-stat2?)");
  const order = Array.isArray(doc.id) ? doc.id : Object.keys(dims);
  const timeVars = new Set(doc.role?.time ?? []);
  return order.map((code) => {
    const dim = dims[code] ?? {};
    const index = dim.category?.index;
    const labels = dim.category?.label ?? {};
    // json-stat2 allows the index as an array or as {code: position}; a lone label map is also legal.
    const codes = Array.isArray(index)
      ? index
      : index
        ? Object.keys(index).sort((a, b) => index[a] - index[b])
        : Object.keys(labels);
    return {
      code,
      label: dim.label ?? code,
      values: codes.map((c) => ({code: c, label: labels[c] ?? c})),
      elimination: dim.extension?.elimination === true,
      time: timeVars.has(code) || code === "Tid"
    };
  });
}

/** Labels compared case-insensitively, NFC-normalised, with en/em dashes read as hyphens and spaces collapsed. */
export function normalizeLabel(label: string): string {
  return label
    .normalize("NFC")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Resolves our ids to the value codes of `variable` (default ContentsCode) by matching value labels. */
export function resolveContentCodes(
  metadata: unknown,
  patterns: LabelPattern[],
  variable = "ContentsCode"
): ResolvedCodes {
  const vars = metadataVariables(metadata);
  const v = vars.find((x) => x.code === variable);
  if (!v) {
    throw new ContentCodeError(
      `Variabeln ${variable} finns inte i tabellens metadata (finns: ${vars.map((x) => x.code).join(", ")})`,
      patterns.map((p) => p.id),
      []
    );
  }
  const result: ResolvedCodes = {variable, codes: {}, ids: {}, labels: {}};
  const missing: string[] = [];
  const problems: string[] = [];
  const used = new Set<string>();
  for (const p of patterns) {
    const hits = v.values.filter((value) => p.pattern.test(normalizeLabel(value.label)));
    if (hits.length > 1) {
      problems.push(`${p.id} (${p.pattern}) passar flera etiketter: ${hits.map((h) => `"${h.label}"`).join(", ")}`);
    } else if (hits.length === 0) {
      if (!p.optional) missing.push(p.id);
    } else {
      const hit = hits[0];
      if (result.ids[hit.code]) problems.push(`"${hit.label}" passar både ${result.ids[hit.code]} och ${p.id}`);
      result.codes[p.id] = hit.code;
      result.ids[hit.code] = p.id;
      result.labels[p.id] = hit.label;
      used.add(hit.code);
    }
  }
  const unmatched = v.values.filter((value) => !used.has(value.code)).map((value) => value.label);
  if (missing.length > 0 || problems.length > 0) {
    const parts = [];
    if (missing.length > 0) parts.push(`ingen etikett i ${variable} passar ${missing.join(", ")}`);
    parts.push(...problems);
    parts.push(`etiketter utan träff: ${unmatched.map((l) => `"${l}"`).join(", ") || "(inga)"}`);
    throw new ContentCodeError(`Kunde inte tolka SCB:s koder: ${parts.join("; ")}`, missing, unmatched);
  }
  return result;
}
