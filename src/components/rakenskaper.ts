// The statements page's browser pieces: selections that live in the address (förbund, år, enhet, the drilled line and
// account), the drill-down panel beside the statement it belongs to, and the paged vouchers of one account.
import {formatDecimal, formatKrOre, formatUnits} from "../lib/format.js";
import type {VoucherRow} from "../lib/partition-index.js";
import {drillRows, legacyHash, pageLabel, pageSteps} from "../lib/rakenskaper.js";
import type {AccountBalance, StatementLine} from "../lib/statements.js";
import type {Unit} from "../lib/rounding.js";
import {vouchersCsv} from "./statement-parts.js";
import {addressParam, setAddressParams, type Bindable} from "./address.js";
import {h} from "./dom.js";
import {downloadCsv} from "./export.js";
import {voucherPageFor, transactionsFor, voucherTransferFor} from "./ledger.js";
import {dataProblem} from "./status.js";

/** Rows per page of vouchers. */
export const PAGE_SIZE = 50;

/** Turns an old link (#förbund/år) into the address's parameters, now and whenever the hash is edited. */
export function followLegacyHash(): void {
  const convert = () => {
    const old = legacyHash(location.hash);
    if (!old) return;
    history.replaceState(history.state, "", `${location.pathname}${location.search}`);
    setAddressParams({forbund: old.forbund, ar: old.year, rad: null, konto: null}, {push: false});
  };
  convert();
  // Registered before any input follows the address, so the inputs read the converted parameters.
  addEventListener("hashchange", convert);
}

/** Removes parameters from the address when the user changes a menu, so a drill-down never outlives its year. */
export function clearOnChange(input: HTMLElement, keys: string[]): void {
  const clear = () => setAddressParams(Object.fromEntries(keys.map((k) => [k, null])), {push: false});
  // "change" comes only from the user; following the address dispatches "input" alone.
  input.querySelector("select")?.addEventListener("change", clear);
}

/** A selection that is not a form control (a clicked line or account), kept in the address parameter `key`. */
export type Chosen = Bindable<string | null> & {choose(value: string | null, clear?: string[]): void};

/** A hidden selection bound to an address parameter; values that `valid` rejects read as none. */
export function addressedChoice(
  key: string,
  valid: (text: string) => boolean,
  invalidation?: Promise<unknown>
): Chosen {
  const read = () => {
    const text = addressParam(key);
    return text !== undefined && valid(text) ? text : null;
  };
  let current = read();
  if (current === null) setAddressParams({[key]: null}, {push: false});
  const el = h("span", {hidden: true}) as unknown as Chosen;
  Object.defineProperty(el, "value", {get: () => current, set: (v: string | null) => (current = v)});
  el.choose = (value, clear = []) => {
    current = value;
    // A choice the user made (not one read from a link), so the page may scroll to what it opens.
    el.dataset.clicked = "1";
    setAddressParams({[key]: value, ...Object.fromEntries(clear.map((k) => [k, null]))});
    el.dispatchEvent(new Event("input", {bubbles: true}));
  };
  const follow = () => {
    const value = read();
    if (value === current) return;
    current = value;
    el.dispatchEvent(new Event("input", {bubbles: true}));
  };
  addEventListener("popstate", follow);
  addEventListener("hashchange", follow);
  invalidation?.then(() => (removeEventListener("popstate", follow), removeEventListener("hashchange", follow)));
  return el;
}

const statementOf: Record<string, string> = {
  rr: "resultaträkningen",
  br: "balansräkningen",
  kfa: "kassaflödesanalysen"
};

/**
 * The accounts behind a line, in the statement's signs and unit, with a sum row equal to the line as the statement
 * shows it; each account is a button that opens its vouchers in the slot below the table.
 */
export function accountPanel(
  line: StatementLine,
  shown: bigint,
  balances: AccountBalance[],
  unit: Unit,
  onAccount: (account: string) => void
): {panel: HTMLElement; slot: HTMLElement} {
  const {rows, total} = drillRows(line, balances, unit, shown);
  const slot = h("div", {class: "fa-vouchers", "data-voucher-slot": line.id});
  const statement = statementOf[line.id.split(".")[0]] ?? "rapporten";
  const table = h(
    "table",
    {class: "fa-table", "data-drill": line.id},
    h("caption", {}, `Konton bakom raden ${line.label}`),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {scope: "col"}, "Konto"),
        h("th", {scope: "col"}, "Benämning"),
        h("th", {scope: "col", class: "num"}, `Belopp, ${unit}`)
      )
    ),
    h(
      "tbody",
      {},
      rows.map((r) =>
        h(
          "tr",
          {"data-account": r.account},
          h(
            "th",
            {scope: "row"},
            h("button", {type: "button", class: "drill", onclick: () => onAccount(r.account)}, r.account)
          ),
          h("td", {}, r.name),
          h("td", {class: "num"}, formatUnits(r.shown))
        )
      )
    ),
    h(
      "tfoot",
      {},
      h(
        "tr",
        {class: "strong", "data-sum": line.id},
        h("th", {scope: "row", colspan: 2}, `Summa = ${line.label} i ${statement}`),
        h("td", {class: "num"}, formatUnits(total))
      )
    )
  );
  const note = h(
    "p",
    {class: "fa-note"},
    "Beloppen har rapportens tecken: intäkter och tillgångar positiva, kostnader negativa, eget kapital och skulder positiva. ",
    "I huvudboken (SIE) är debet positivt och kredit negativt, så där står intäkter, eget kapital och skulder med minustecken; verifikationerna visas med huvudbokens tecken."
  );
  return {
    panel: h("section", {class: "fa-drill", "aria-label": `Konton bakom ${line.label}`}, table, note, slot),
    slot
  };
}

/** Scrolls the drill-down into view after a click on a line (not when the page opens on one from a link). */
export function reveal(panel: HTMLElement): void {
  requestAnimationFrame(() => panel.scrollIntoView({block: "nearest", behavior: "smooth"}));
}

/** Marks the chosen account's row in the accounts table. */
export function markAccount(panel: HTMLElement | null, account: string | null): void {
  panel?.querySelectorAll("tr[data-account]").forEach((tr) => {
    const on = tr.getAttribute("data-account") === account;
    tr.classList.toggle("selected", on);
    tr.querySelector("button")?.setAttribute("aria-pressed", String(on));
  });
}

function voucherRows(rows: VoucherRow[]): HTMLElement {
  return h(
    "tbody",
    {},
    rows.map((r) =>
      h(
        "tr",
        {},
        h("td", {class: "nowrap"}, r.date),
        h("td", {class: "nowrap"}, `${r.series} ${r.number}`),
        h("td", {}, r.voucher_text),
        h("td", {}, r.project ?? ""),
        h("td", {class: "num"}, formatKrOre(r.amount_ore))
      )
    )
  );
}

/**
 * How many bytes of the year's partition the drill-down has fetched, the row groups fetched ahead of a click (the
 * opened line's accounts, one small row group to warm the decoder) counted in and said apart.
 */
function bytesNote(t: {received: number; total: number; aheadBytes: number}): HTMLElement {
  const fetched = t.received + t.aheadBytes;
  const which = t.aheadBytes
    ? `bara de delar av filen som behövs; ${formatDecimal(t.aheadBytes)} byte av dem i förväg, innan kontot valdes`
    : "bara de delar av filen som har kontot";
  return h(
    "p",
    {class: "fa-note", "data-voucher-bytes": fetched, "data-voucher-ahead-bytes": t.aheadBytes},
    `Hämtade ${formatDecimal(fetched)} av ${formatDecimal(t.total)} byte av årets verifikationer (${which}).`
  );
}

/**
 * Fills the slot with one account's vouchers: a loading line at once, then the first page with the account's row
 * count, a Swedish pager and a CSV download of all rows. A later call for another account empties the slot first.
 */
export function showVouchers(
  slot: HTMLElement,
  {forbund, year, account}: {forbund: string; year: number; account: AccountBalance}
): void {
  const caption = `Verifikationer på konto ${account.account} ${account.name}`;
  const status = h(
    "p",
    {class: "fa-loading", role: "status"},
    `Hämtar verifikationerna för konto ${account.account} …`
  );
  slot.replaceChildren(status);
  const load = async (offset: number) => {
    status.textContent = `Hämtar verifikationerna för konto ${account.account} …`;
    const page = await voucherPageFor(forbund, year, account.account, offset, PAGE_SIZE);
    const steps = pageSteps(offset, PAGE_SIZE, page.total);
    const label = pageLabel(offset, page.rows.length, page.total);
    const pager = h(
      "nav",
      {class: "fa-pager", "aria-label": "Sidor av verifikationer"},
      h(
        "button",
        {type: "button", disabled: steps.previous === null, onclick: () => load(steps.previous!)},
        "Föregående"
      ),
      h("span", {"data-page": offset / PAGE_SIZE + 1}, label),
      h("button", {type: "button", disabled: steps.next === null, onclick: () => load(steps.next!)}, "Nästa")
    );
    const table = h(
      "table",
      {class: "fa-table", "data-vouchers": account.account, "data-total": page.total},
      h("caption", {}, `${caption} (${formatDecimal(page.total)} rader)`),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["Datum", "Verifikation", "Text", "Projekt", "Belopp, kr (SIE-tecken)"].map((t, i) =>
            h("th", {scope: "col", class: i === 4 ? "num" : ""}, t)
          )
        )
      ),
      voucherRows(page.rows)
    );
    const transfer = await voucherTransferFor(forbund, year);
    slot.replaceChildren(
      h("div", {class: "fa-scroll-x"}, table),
      pager,
      transfer.total ? bytesNote(transfer) : "",
      h(
        "div",
        {class: "fa-export"},
        h(
          "button",
          {type: "button", onclick: () => downloadAll(forbund, year, account.account)},
          "Ladda ned verifikationerna (CSV)"
        )
      )
    );
  };
  load(0).catch((error) => slot.replaceChildren(dataProblem(error, `verifikationerna för konto ${account.account}`)));
}

async function downloadAll(forbund: string, year: number, account: string): Promise<void> {
  const {columns, rows} = vouchersCsv(await transactionsFor(forbund, year, [account]));
  downloadCsv(`verifikationer-${account}-${forbund}-${year}.csv`, columns, rows);
}
