// Sharing profiles: what a built site may hold. "full" is the förbund's own workspace with every voucher; "lsg"
// is the copy shared with the lokala samverkansgrupper, with sums only (see README, "Dela med LSG").
// scripts/build.ts passes the profile to the data loaders in FINSAM_PROFILE.

/** The profiles a site can be built for. */
export const PROFILES = ["full", "lsg"] as const;

export type Profile = (typeof PROFILES)[number];

/** The error for a profile name that is not one of PROFILES. */
export function unknownProfileMessage(name: string): string {
  return `Okänd profil "${name}". Välj en av: ${PROFILES.join(", ")}.`;
}

/** A profile name checked against PROFILES; anything else throws unknownProfileMessage. */
export function parseProfile(name: string): Profile {
  if ((PROFILES as readonly string[]).includes(name)) return name as Profile;
  throw new Error(unknownProfileMessage(name));
}

/** The profile the data loaders run under: FINSAM_PROFILE, or "full" when it is unset. */
export function currentProfile(): Profile {
  // An unknown value throws rather than falling back to "full": a typo must not publish the vouchers.
  return parseProfile(process.env.FINSAM_PROFILE || "full");
}
