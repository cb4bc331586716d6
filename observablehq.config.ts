// Observable Framework configuration: an offline site, with no third-party requests.
import {voucherPartitionPaths} from "./loaders/partition-site.js";

export default {
  root: "src",
  output: process.env.FINSAM_OUT ?? "dist",
  title: "Finsam Analys",
  lang: "sv",
  // The default stylesheet list loads Google Fonts; the site must not leave its own origin.
  globalStylesheets: [],
  style: "style.css",
  head: '<link rel="icon" href="data:,">',
  pages: [
    {name: "Räkenskaper", path: "/rakenskaper"},
    {name: "Driftsredovisning", path: "/driftsredovisning"},
    {name: "Eget kapital", path: "/eget-kapital"},
    {name: "Helårsekvivalenter", path: "/hae"},
    {name: "Arbetsmarknadsstatus", path: "/arbetsmarknadsstatus"},
    {name: "Jämförelse", path: "/jamforelse"},
    {name: "Granskning", path: "/granskning"},
    // No pager on the slides, and none leading to them: Framework takes a page's pager group from this list, not
    // from the page's front matter (its `pager: false` is ignored when the pages are listed here).
    {name: "Presentation för styrelsen", path: "/presentation", pager: false},
    {name: "Utforska", path: "/utforska"},
    {name: "Analyser", pages: [{name: "Exempel: kostnad per deltagare", path: "/analyser/kostnad-per-deltagare"}]}
  ],
  // The voucher partitions and their indexes (src/data/vouchers/), copied unhashed to dist/data/vouchers/ as object
  // storage would hold them; none under the lsg profile, whose site holds no voucher.
  dynamicPaths: voucherPartitionPaths(),
  // Data loaders run in one process each, without the tsx command's second Node process: about 0,2 s CPU less per
  // loader, of which a build runs some twenty.
  interpreters: {".ts": ["node", "--import", "tsx"]},
  footer: "Finsam Analys: analysarbetsyta för samordningsförbund.",
  toc: {label: "Innehåll"},
  search: false,
  linkify: false,
  typographer: false
};
