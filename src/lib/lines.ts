// The lines of the annual-report statements (LKBR 2018:597, adapted for samordningsförbund).
// Leaf lines receive accounts through the mapping; sum lines add up other lines.

export type StatementId = "rr" | "br" | "kfa";

export interface LineDef {
  id: string;
  label: string;
  /** The lines this one adds up; absent on leaf lines. */
  sum?: string[];
  /** A heading or subtotal is shown in bold. */
  strong?: boolean;
  /** The section heading shown above the line. */
  section?: string;
}

/** Leaf lines that accounts can be mapped to, per statement side. */
export const incomeLines = [
  "rr.intakter",
  "rr.kostnader",
  "rr.avskrivningar",
  "rr.finansiella_intakter",
  "rr.finansiella_kostnader",
  "rr.extraordinara"
] as const;
export const assetLines = [
  "br.anlaggningstillgangar",
  "br.kortfristiga_fordringar",
  "br.kortfristiga_placeringar",
  "br.kassa_bank"
] as const;
export const claimLines = [
  "br.eget_kapital_ovrigt",
  "br.avsattningar",
  "br.langfristiga_skulder",
  "br.kortfristiga_skulder"
] as const;

export type IncomeLine = (typeof incomeLines)[number];
export type AssetLine = (typeof assetLines)[number];
export type ClaimLine = (typeof claimLines)[number];
export type LeafLine = IncomeLine | AssetLine | ClaimLine;

export const leafLines: readonly LeafLine[] = [...incomeLines, ...assetLines, ...claimLines];

/** Resultaträkning, in display order. */
export const incomeStatement: LineDef[] = [
  {id: "rr.intakter", label: "Verksamhetens intäkter"},
  {id: "rr.kostnader", label: "Verksamhetens kostnader"},
  {id: "rr.avskrivningar", label: "Avskrivningar"},
  {
    id: "rr.verksamhetens_resultat",
    label: "Verksamhetens resultat",
    sum: ["rr.intakter", "rr.kostnader", "rr.avskrivningar"],
    strong: true
  },
  {id: "rr.finansiella_intakter", label: "Finansiella intäkter"},
  {id: "rr.finansiella_kostnader", label: "Finansiella kostnader"},
  {
    id: "rr.resultat_efter_finansiella",
    label: "Resultat efter finansiella poster",
    sum: ["rr.verksamhetens_resultat", "rr.finansiella_intakter", "rr.finansiella_kostnader"],
    strong: true
  },
  {id: "rr.extraordinara", label: "Extraordinära poster"},
  {
    id: "rr.arets_resultat",
    label: "Årets resultat",
    sum: ["rr.resultat_efter_finansiella", "rr.extraordinara"],
    strong: true
  }
];

/** Balansräkning, in display order. */
export const balanceSheet: LineDef[] = [
  {id: "br.anlaggningstillgangar", label: "Anläggningstillgångar", section: "Tillgångar"},
  {id: "br.kortfristiga_fordringar", label: "Kortfristiga fordringar", section: "Omsättningstillgångar"},
  {id: "br.kortfristiga_placeringar", label: "Kortfristiga placeringar"},
  {id: "br.kassa_bank", label: "Kassa och bank"},
  {
    id: "br.omsattningstillgangar",
    label: "Summa omsättningstillgångar",
    sum: ["br.kortfristiga_fordringar", "br.kortfristiga_placeringar", "br.kassa_bank"]
  },
  {
    id: "br.summa_tillgangar",
    label: "Summa tillgångar",
    sum: ["br.anlaggningstillgangar", "br.omsattningstillgangar"],
    strong: true
  },
  {id: "br.arets_resultat", label: "Årets resultat", section: "Eget kapital, avsättningar och skulder"},
  {id: "br.eget_kapital_ovrigt", label: "Övrigt eget kapital"},
  {id: "br.eget_kapital", label: "Summa eget kapital", sum: ["br.arets_resultat", "br.eget_kapital_ovrigt"]},
  {id: "br.avsattningar", label: "Avsättningar (pensioner)"},
  {id: "br.langfristiga_skulder", label: "Långfristiga skulder"},
  {id: "br.kortfristiga_skulder", label: "Kortfristiga skulder"},
  {id: "br.skulder", label: "Summa skulder", sum: ["br.langfristiga_skulder", "br.kortfristiga_skulder"]},
  {
    id: "br.summa_ek_skulder",
    label: "Summa eget kapital, avsättningar och skulder",
    sum: ["br.eget_kapital", "br.avsattningar", "br.skulder"],
    strong: true
  }
];

/** Kassaflödesanalys (indirect method), in display order. */
export const cashFlowStatement: LineDef[] = [
  {id: "kfa.arets_resultat", label: "Årets resultat", section: "Den löpande verksamheten"},
  {id: "kfa.ej_likviditetspaverkande", label: "Justering för ej likviditetspåverkande poster"},
  {
    id: "kfa.fore_rorelsekapital",
    label: "Medel från verksamheten före förändring av rörelsekapital",
    sum: ["kfa.arets_resultat", "kfa.ej_likviditetspaverkande"]
  },
  {id: "kfa.forandring_fordringar", label: "Ökning (−)/minskning (+) kortfristiga fordringar"},
  {id: "kfa.forandring_skulder", label: "Ökning (+)/minskning (−) kortfristiga skulder"},
  {
    id: "kfa.lopande",
    label: "Kassaflöde från den löpande verksamheten",
    sum: ["kfa.fore_rorelsekapital", "kfa.forandring_fordringar", "kfa.forandring_skulder"],
    strong: true
  },
  {id: "kfa.investeringar", label: "Investering i anläggningstillgångar", section: "Investeringsverksamheten"},
  {id: "kfa.placeringar", label: "Förändring av kortfristiga placeringar"},
  {
    id: "kfa.investering",
    label: "Kassaflöde från investeringsverksamheten",
    sum: ["kfa.investeringar", "kfa.placeringar"],
    strong: true
  },
  {id: "kfa.langfristiga_skulder", label: "Förändring av långfristiga skulder", section: "Finansieringsverksamheten"},
  {id: "kfa.eget_kapital_tillskott", label: "Eget kapital tillfört utanför resultatet"},
  {
    id: "kfa.finansiering",
    label: "Kassaflöde från finansieringsverksamheten",
    sum: ["kfa.langfristiga_skulder", "kfa.eget_kapital_tillskott"],
    strong: true
  },
  {
    id: "kfa.arets_kassaflode",
    label: "Årets kassaflöde",
    sum: ["kfa.lopande", "kfa.investering", "kfa.finansiering"],
    strong: true
  },
  {id: "kfa.likvida_medel_ib", label: "Likvida medel vid årets början"},
  {id: "kfa.likvida_medel_ub", label: "Likvida medel vid årets slut", strong: true}
];

/** Every line of a statement, by statement id. */
export const statementLines: Record<StatementId, LineDef[]> = {
  rr: incomeStatement,
  br: balanceSheet,
  kfa: cashFlowStatement
};

/** The label of any line id. */
export function lineLabel(id: string): string {
  for (const lines of Object.values(statementLines)) for (const l of lines) if (l.id === id) return l.label;
  return id;
}
