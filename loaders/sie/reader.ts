// Reads an SIE file's records line by line into a Ledger: the header, chart, years and balances here, vouchers and
// rows in VoucherReader (vouchers.ts), the checks of the whole file in checks.ts.

import type {
  Account,
  Balance,
  Diagnostic,
  Dimension,
  FiscalYear,
  Ledger,
  ObjectRef,
  ReadCounts,
  Transaction
} from "../../src/lib/ledger.js";
import {capDiagnostics, checkClosingBalances, checkYearTransition} from "./checks.js";
import {encodingDiagnostic, type SieEncoding} from "./decode.js";
import {field, LineTokenizer, type Token} from "./tokenize.js";
import {describe, formatCount, listLines, parseDate} from "./values.js";
import {openName, TOO_LARGE, voucherName} from "./vouchers.js";
import {FastVoucherReader} from "./vouchers-fast.js";

/** The kind of SIE file: types 1–3 hold balances only, 4E an export with balances and vouchers, 4I vouchers only. */
export type SieKind = "1" | "2" | "3" | "4E" | "4I";

export interface SieResult {
  ledger: Ledger;
  diagnostics: Diagnostic[];
  counts: {vouchers: ReadCounts; transactions: ReadCounts; balances: ReadCounts};
  /** The encoding the file was read in (detected: #FORMAT PC8 files are sometimes UTF-8 or ISO-8859-15). */
  encoding: SieEncoding;
  /** #SIETYP as written ("1" to "4"), if the file has one. */
  sieType: string | undefined;
  /** The SIE type with E or I for type 4 (see Reader.kind); undefined without a known #SIETYP. */
  kind: SieKind | undefined;
}

/** Records SIE defines that the ledger has no place for: read silently. */
const IGNORED = new Set([
  "#FLAGGA",
  "#KPTYP",
  "#ADRESS",
  "#FNR",
  "#FTYP",
  "#TAXAR",
  "#PROSA",
  "#OMFATTN",
  "#BKOD",
  "#ENHET",
  "#BTYP"
]);

/** The records read into the ledger (besides rows and balances). */
const KNOWN = new Set([
  "#VER",
  "#KSUMMA",
  "#PROGRAM",
  "#FORMAT",
  "#GEN",
  "#SIETYP",
  "#FNAMN",
  "#ORGNR",
  "#VALUTA",
  "#RAR",
  "#KONTO",
  "#KTYP",
  "#SRU",
  "#DIM",
  "#UNDERDIM",
  "#OBJEKT"
]);

const BALANCE_KINDS: Record<string, Balance["kind"]> = {
  "#IB": "ib",
  "#UB": "ub",
  "#RES": "res",
  "#OIB": "oib",
  "#OUB": "oub",
  "#PSALDO": "psaldo",
  "#PBUDGET": "pbudget"
};

const LOWER_CASE = /[a-zåäö]/;
/** What a record label looks like: "#" and letters, digits or "_". Anything else is not an SIE record. */
const LABEL = /^#[A-Za-zÅÄÖåäö0-9_]+$/;

const ROW_KINDS: Record<string, Transaction["kind"]> = {"#TRANS": "trans", "#RTRANS": "rtrans", "#BTRANS": "btrans"};

const DIGITS = /^\d+$/;

/** Reads records line by line; readSie and readSieStream feed it. */
export class Reader extends FastVoucherReader {
  private readonly tokenizer = new LineTokenizer();

  private readonly accounts = new Map<string, Account>();

  private readonly dimensions = new Map<string, Dimension>();

  private readonly unknownLabels = new Set<string>();

  private formatSeen = false;

  /** Accounts named by #KONTO: the chart that the rows are checked against. */
  private readonly chart = new Set<string>();

  /** Lines that are not SIE records (no "#label" first). */
  private readonly notRecords: number[] = [];

  /** The line of each #RAR year, and whether a #RAR was unreadable (then a missing #RAR 0 is not said twice). */
  private readonly yearLines = new Map<number, number>();

  private firstRarLine = 0;

  private rarRejected = false;

  /** #RAR records with a year number and no dates. */
  private readonly emptyRars: {index: string; line: number}[] = [];

  /** Handles one line of the file. */
  line(raw: string, lineNo: number): void {
    let text = raw.trim();
    if (text === "") return;
    this.textLines++;
    // Braces around a voucher's rows, on their own line or sharing it with a record.
    if (text.charCodeAt(0) === 0x7b) {
      const rest = text.slice(1).trim();
      // "{" followed by anything but a record is not a brace but a broken line, reported as such.
      if (rest !== "" && rest !== "}" && rest.charCodeAt(0) !== 0x23) return void this.notRecords.push(lineNo);
      this.openBlock(lineNo);
      text = rest;
      if (text === "") return;
    }
    if (text === "}") {
      this.closeBlock(lineNo);
      return;
    }
    const tokens = this.tokenizer.tokenize(text);
    const last = tokens[tokens.length - 1];
    const closesBlock = last.kind === "field" && !last.quoted && last.value === "}" && tokens.length > 1;
    if (closesBlock) tokens.pop();
    const opensBlock = last.kind === "list" && !last.closed && last.items.length === 0 && tokens.length > 1;
    if (opensBlock) tokens.pop();
    this.ksumma.record(tokens, lineNo);
    // Text, garbage or a line cut loose from its record: one summary at the end instead of one message per line,
    // and its braces are not taken for a voucher's.
    if (!LABEL.test(field(tokens, 0) ?? "")) return void this.notRecords.push(lineNo);
    this.record(tokens, lineNo);
    if (opensBlock) this.openBlock(lineNo);
    if (closesBlock) this.closeBlock(lineNo);
  }

  private record(tokens: Token[], line: number): void {
    const first = field(tokens, 0) ?? "";
    // Labels are upper case in practice; toUpperCase() on every line would allocate millions of strings.
    const label = LOWER_CASE.test(first) ? first.toUpperCase() : first;
    const rowKind = ROW_KINDS[label];
    const known = rowKind !== undefined || BALANCE_KINDS[label] !== undefined || KNOWN.has(label) || IGNORED.has(label);
    this.beginRecord(known, rowKind !== undefined);
    if (rowKind) return this.row(rowKind, label, tokens, line);
    const balanceKind = BALANCE_KINDS[label];
    if (balanceKind) return this.balance(balanceKind, label, tokens, line);
    const ledger = this.ledger;
    const value = field(tokens, 1);
    switch (label) {
      case "#VER":
        return this.openVoucher(tokens, line);
      case "#KSUMMA":
        return;
      case "#PROGRAM":
        ledger.program = tokens
          .slice(1)
          .map((t) => (t.kind === "field" ? t.value : ""))
          .join(" ");
        return;
      case "#FORMAT":
        ledger.format = value;
        this.formatSeen = true;
        if (this.encoding !== "cp437") this.diagnostics.push(encodingDiagnostic(this.file, line, this.encoding));
        return;
      case "#GEN":
        ledger.generated = parseDate(value ?? "");
        if (!ledger.generated) this.error(line, `Ogiltigt datum "${value ?? ""}" i #GEN`);
        return;
      case "#SIETYP":
        ledger.sieType = value;
        return;
      case "#FNAMN":
        ledger.companyName = value;
        return;
      case "#ORGNR":
        if (value) ledger.orgNumber = value;
        return;
      case "#VALUTA":
        ledger.currency = value;
        return;
      case "#RAR":
        return this.fiscalYear(tokens, line);
      case "#KONTO":
        return this.chartAccount(value, field(tokens, 2) ?? "", line);
      case "#KTYP":
        if (value !== undefined) this.account(value).type = field(tokens, 2);
        return;
      case "#SRU":
        if (value !== undefined) this.account(value).sru = field(tokens, 2);
        return;
      case "#DIM":
      case "#UNDERDIM":
        return this.dimension(tokens, label);
      case "#OBJEKT":
        if (value !== undefined) {
          ledger.objects.push({dim: value, code: field(tokens, 2) ?? "", name: field(tokens, 3) ?? ""});
        }
        return;
    }
    if (IGNORED.has(label) || this.unknownLabels.has(label)) return;
    this.unknownLabels.add(label);
    this.info(line, `Okänd post ${label || "utan etikett"} ignoreras`);
  }

  private account(number: string): Account {
    let account = this.accounts.get(number);
    if (!account) {
      account = {number, name: ""};
      this.accounts.set(number, account);
      this.ledger.accounts.push(account);
    }
    return account;
  }

  private dimension(tokens: Token[], label: string): void {
    const dim = field(tokens, 1);
    if (dim === undefined) return;
    const dimension: Dimension = {dim, name: field(tokens, 2) ?? ""};
    const parent = label === "#UNDERDIM" ? field(tokens, 3) : undefined;
    if (parent !== undefined) dimension.parent = parent;
    const existing = this.dimensions.get(dim);
    if (existing) {
      Object.assign(existing, dimension);
      return;
    }
    this.dimensions.set(dim, dimension);
    this.ledger.dimensions.push(dimension);
  }

  /** An account of the chart. SIE account numbers are digits; another number is kept as read, with a warning. */
  private chartAccount(number: string | undefined, name: string, line: number): void {
    if (!number) return this.error(line, "Kontonummer saknas i #KONTO; posten ignoreras");
    if (!DIGITS.test(number)) {
      this.warning(line, `Kontonumret "${number}" i #KONTO är inte numeriskt, som SIE kräver; kontot läses ändå`);
    }
    this.account(number).name = name;
    this.chart.add(number);
  }

  /**
   * A fiscal year. One #RAR gives one message: an unreadable year number or date, or an end before the start, and
   * the year is ignored. A second #RAR for the same year with other dates is an error, and the first one holds.
   */
  private fiscalYear(tokens: Token[], line: number): void {
    this.firstRarLine ||= line;
    const index = field(tokens, 1) ?? "";
    const startText = field(tokens, 2) ?? "";
    const endText = field(tokens, 3) ?? "";
    const start = parseDate(startText);
    const end = parseDate(endText);
    const validIndex = /^-?\d+$/.test(index);
    // "#RAR 0" without dates, as BL Administration writes in SIE 4I, where #RAR is optional: judged at the end.
    if (validIndex && startText === "" && endText === "") return void this.emptyRars.push({index, line});
    const problems: string[] = [];
    if (!validIndex) problems.push(`ogiltigt årsnummer "${index}"`);
    if (!start) problems.push(startText ? `ogiltigt startdatum "${startText}"` : "startdatum saknas");
    if (!end) problems.push(endText ? `ogiltigt slutdatum "${endText}"` : "slutdatum saknas");
    if (start && end && end < start) problems.push(`slutdatumet ${end} ligger före startdatumet ${start}`);
    if (problems.length) {
      this.rarRejected = true;
      return this.error(line, `${validIndex ? `#RAR ${index}` : "#RAR"} ignoreras: ${problems.join(", ")}`);
    }
    const yearIndex = Number(index);
    const first = this.ledger.fiscalYears.find((y) => y.yearIndex === yearIndex);
    if (!first) {
      this.ledger.fiscalYears.push({yearIndex, start: start!, end: end!} satisfies FiscalYear);
      this.yearLines.set(yearIndex, line);
      return;
    }
    // The same year repeated says nothing new.
    if (first.start === start && first.end === end) return;
    this.error(
      line,
      `#RAR ${index} anges en andra gång med andra datum (${start}–${end}); den på rad ` +
        `${this.yearLines.get(yearIndex)} (${first.start}–${first.end}) gäller`
    );
  }

  private balance(kind: Balance["kind"], label: string, tokens: Token[], line: number): void {
    this.counts.balances.read++;
    let i = 1;
    const yearText = field(tokens, i++) ?? "";
    let period: string | undefined;
    const problems: string[] = [];
    if (!/^-?\d+$/.test(yearText)) problems.push(`Ogiltigt årsnummer "${yearText}"`);
    if (kind === "psaldo" || kind === "pbudget") {
      period = field(tokens, i++) ?? "";
      if (!parseDate(period + "01")) problems.push(`Ogiltig period "${period}"`);
    }
    const account = field(tokens, i++);
    if (!account) problems.push("Konto saknas");
    let refs: ObjectRef[] = [];
    const list = tokens[i];
    if (list && list.kind === "list") {
      i++;
      refs = this.objects(list, label, line);
    }
    const amount = this.amount(field(tokens, i++), problems);
    if (problems.length) return this.rejectBalance(line, "error", describe(problems, label));
    // A balance holds one object: one of several would be a part of the balance read as the whole.
    if (refs.length > 1) {
      const list = refs.map((o) => `${o.dim} "${o.code}"`).join(" ");
      return this.rejectBalance(
        line,
        "warning",
        `${label} med ${refs.length} objekt ({${list}}) avvisas: ett saldo kan bara knytas till ett objekt`
      );
    }
    const abs = amount! < 0n ? -amount! : amount!;
    const total = this.totalWith(Number(abs), () => abs);
    if (total === undefined) return this.rejectBalance(line, "error", `${label} avvisas: ${TOO_LARGE}`);
    this.absTotal = total;
    const balance: Balance = {kind, yearIndex: Number(yearText), account: account!, amount: amount!, line};
    if (period !== undefined) balance.period = period;
    if (refs.length) balance.object = refs[0];
    const quantity = field(tokens, i);
    if (quantity) balance.quantity = quantity;
    this.ledger.balances.push(balance);
    this.use(account!, line);
    this.counts.balances.kept++;
  }

  private rejectBalance(line: number, severity: Diagnostic["severity"], message: string): void {
    this.counts.balances.rejected++;
    this.diagnostics.push({file: this.file, line, severity, message});
  }

  /**
   * A voucher dated outside every #RAR year counts in no year's balances (see src/lib/balances.ts): say so. Judged
   * at the end against every #RAR, wherever in the file it stands; a file without years has that said once instead.
   */
  private checkDates(): void {
    const years = this.ledger.fiscalYears;
    if (years.length === 0) return;
    const ranges = [...years]
      .sort((a, b) => a.yearIndex - b.yearIndex)
      .map((y) => `${y.start}–${y.end}`)
      .join(", ");
    for (const voucher of this.undated) {
      if (this.inFiscalYear(voucher.date)) continue;
      this.warning(
        voucher.line,
        `Verifikation ${voucherName(voucher)} är daterad ${voucher.date}, utanför räkenskapsåren i #RAR (${ranges}); ` +
          `den räknas inte in i något års saldon`
      );
    }
  }

  /**
   * #RAR 0 is the year the file is about; without it nothing can be placed in a year. SIE 4I may leave #RAR out (or
   * write it without dates), which is said as information; every other type must have it. A missing #RAR 0 is only
   * said in strict mode; a #RAR without dates always.
   */
  private checkCurrentYear(): void {
    const importFile = this.kind() === "4I";
    if (!importFile) {
      for (const {index, line} of this.emptyRars) this.error(line, `#RAR ${index} ignoreras: datum saknas`);
    }
    const undated = this.emptyRars.some((r) => r.index === "0");
    if (!this.strict || this.yearLines.has(0) || this.rarRejected || (undated && !importFile)) return;
    const {vouchers, balances} = this.counts;
    if (vouchers.read + balances.read === 0) return;
    const line = this.emptyRars.find((r) => r.index === "0")?.line ?? this.firstRarLine;
    if (importFile) {
      this.info(
        line,
        "Filen (SIE 4I) anger inget räkenskapsår i #RAR 0, vilket typ 4I tillåter; verifikationerna läses efter sina " +
          "datum"
      );
      return;
    }
    this.error(
      line,
      "#RAR 0 saknas: filen anger inte sitt räkenskapsår, så dess saldon och verifikationer kan inte knytas till " +
        "något år"
    );
  }

  /**
   * Takes vouchers that SieSumsReader summed without this reader, when this reader would have had nothing to say about
   * them either: in strict mode every date within a #RAR year and every account in the chart (when there is one),
   * and the absolute amounts with the balances' still exact as a number. False, counting nothing, otherwise.
   */
  acceptSummed(summed: {vouchers: number; rows: number; abs: number; dates: string[]; accounts: string[]}): boolean {
    if (typeof this.absTotal !== "number" || this.absTotal + summed.abs > Number.MAX_SAFE_INTEGER) return false;
    if (this.strict && this.ledger.fiscalYears.length && !summed.dates.every((d) => this.inFiscalYear(d))) return false;
    if (this.strict && this.chart.size && !summed.accounts.every((a) => this.chart.has(a))) return false;
    const {vouchers, transactions} = this.counts;
    vouchers.read += summed.vouchers;
    vouchers.kept += summed.vouchers;
    transactions.read += summed.rows;
    transactions.kept += summed.rows;
    this.absTotal += summed.abs;
    if (summed.vouchers) this.recordsSeen = true;
    return true;
  }

  /** The SIE type with E or I for type 4: by the file's name (.se, .si), else by whether it has balances. */
  kind(): SieKind | undefined {
    const type = this.ledger.sieType;
    if (type !== "4") return type === "1" || type === "2" || type === "3" ? type : undefined;
    const name = this.file.toLowerCase();
    if (name.endsWith(".si")) return "4I";
    if (name.endsWith(".se")) return "4E";
    return this.counts.balances.read > 0 ? "4E" : "4I";
  }

  /** Notes the lines that were read as UTF-8 in a file that is otherwise CP437 or ISO-8859-15. */
  mixedEncoding(lines: number[], encoding: SieEncoding): void {
    const name = encoding === "cp437" ? "CP437 (PC8)" : "ISO-8859-15";
    this.warning(
      lines[0],
      `Filen blandar teckenkodningar: ${lines.length === 1 ? "rad" : "raderna"} ${listLines(lines)} är UTF-8 men ` +
        `resten av filen är ${name}; de raderna lästes som UTF-8`
    );
  }

  /** Ends the file and runs the checks that need all of it. */
  finish(): SieResult {
    const open = this.current;
    if (open) {
      if (open.inBlock) {
        this.error(open.line, `Filen slutar inne i verifikation ${openName(open)}: } saknas`);
        open.faulty = true;
        this.closeVoucher();
      } else {
        this.closeVoucher();
      }
    }
    if (this.encoding !== "cp437" && !this.formatSeen && this.recordsSeen) {
      this.diagnostics.push(encodingDiagnostic(this.file, 0, this.encoding));
    }
    if (this.strict) this.checkDates();
    // Line by line problems and whole-file checks are capped separately, so that a flood of the first cannot hide
    // the second.
    const lines = capDiagnostics(this.file, this.diagnostics.splice(0));
    if (this.notRecords.length) {
      const n = this.notRecords.length;
      this.warning(
        this.notRecords[0],
        `${n === 1 ? "En rad är ingen SIE-post" : `${formatCount(n)} rader är inga SIE-poster`} (en post börjar ` +
          `med #etikett) och ignorerades: ${n === 1 ? "rad" : "raderna"} ${listLines(this.notRecords)}`
      );
    }
    this.checkCurrentYear();
    this.attachVouchers();
    this.checkChart();
    this.checkClashes();
    checkYearTransition(this.ledger, this.diagnostics);
    checkClosingBalances(this.ledger, this.diagnostics);
    this.diagnostics.push(...this.ksumma.finish());
    const whole = capDiagnostics(this.file, this.diagnostics);
    // A file without a single known record is one problem with one message, not one per line of garbage.
    const diagnostics: Diagnostic[] = this.recordsSeen
      ? [...lines, ...whole]
      : [
          {
            file: this.file,
            line: 0,
            severity: "error",
            message: this.textLines
              ? `Filen har inga kända SIE-poster: är det en SIE-fil? (${formatCount(this.textLines)} ` +
                `${this.textLines === 1 ? "rad" : "rader"} utan en enda känd #etikett)`
              : "Filen är tom: den har inga SIE-poster"
          }
        ];
    return {
      ledger: this.ledger,
      diagnostics,
      counts: this.counts,
      encoding: this.encoding,
      sieType: this.ledger.sieType,
      kind: this.kind()
    };
  }

  /**
   * An account that rows use but #KONTO never names: a typo in the account or a chart that is out of date. A
   * warning, not a rejection: the voucher balances and the statements place accounts by number, not by name. Only
   * checked when the file has a chart at all, since #KONTO is optional in practice.
   */
  private checkChart(): void {
    if (!this.strict || this.chart.size === 0) return;
    this.countRowUses();
    for (const [account, {line, uses}] of this.used) {
      if (this.chart.has(account)) continue;
      const where = uses === 1 ? "på en rad; raden behålls" : `på ${uses} rader, första här; raderna behålls`;
      this.warning(line, `Konto ${account} saknas i kontoplanen (#KONTO) men används ${where}`);
    }
  }
}
