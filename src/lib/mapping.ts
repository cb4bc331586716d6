// Account mapping: which statement line, note group, member and cost category an account belongs to.
import {leafLines, type LeafLine} from "./lines.js";

/** One rule of a mapping file: an account range and what it maps to. Absent fields fall through to later rules. */
export interface MappingRule {
  from: string;
  to?: string;
  line?: LeafLine;
  /** The row of the line's note this account adds to; the account name when absent. */
  group?: string;
  /** The member (id from the registry) whose contribution this income account records. */
  member?: string;
  /** A cost category for ratios: "administration", "individinriktade", "strukturovergripande", "styrelse", "revision", "ovrigt". */
  category?: string;
}

export interface MappingFile {
  chart?: string;
  description?: string;
  rules: MappingRule[];
  /** The förbund's projects (insatser and budget lines, SIE dimension 6) and the drift group of each. */
  projects?: {code: string; name: string; group: string}[];
}

/** What an account maps to once all rules are applied. */
export interface AccountMapping {
  line: LeafLine;
  group?: string;
  member?: string;
  category?: string;
}

export interface Mapping {
  /** Rules in precedence order: the förbund's own first, then the chart's defaults. */
  rules: MappingRule[];
}

/** Combines a förbund's own rules with a chart's defaults; the förbund's rules take precedence. */
export function combineMappings(...files: (MappingFile | undefined)[]): Mapping {
  const rules: MappingRule[] = [];
  for (const file of files) if (file) rules.push(...file.rules);
  for (const rule of rules) {
    if (rule.line && !leafLines.includes(rule.line))
      throw new Error(`Okänd rad i mappningen: ${rule.line} (konto ${rule.from})`);
  }
  return {rules};
}

function matches(rule: MappingRule, account: string): boolean {
  // Compare on the rule's width, so that "3011" matches "30110" in a program that uses five-digit accounts.
  const key = account.slice(0, rule.from.length);
  return key >= rule.from && key <= (rule.to ?? rule.from);
}

/** Maps one account, or returns undefined when no rule gives it a line. */
export function mapAccount(mapping: Mapping, account: string): AccountMapping | undefined {
  let line: LeafLine | undefined;
  let group: string | undefined;
  let member: string | undefined;
  let category: string | undefined;
  for (const rule of mapping.rules) {
    if (!matches(rule, account)) continue;
    line ??= rule.line;
    group ??= rule.group;
    member ??= rule.member;
    category ??= rule.category;
  }
  return line ? {line, group, member, category} : undefined;
}
