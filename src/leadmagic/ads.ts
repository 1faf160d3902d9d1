/** LeadMagic ads: Google, Meta and B2B ad searches for a company, and one B2B ad in detail. All spend credits. */
import { z } from "zod";
import { defineTools, type ToolDefinition } from "../tools/define";
import { atLeastOne, domain, text, url } from "../tools/fields";
import { any, count, finder, firstOf, FOUND, has, list, record, str, USAGE } from "./common";
import { PAID_READ } from "../tools/annotations";

// Published figures disagree (0.2 credits per search in the OpenAPI README, 1 per ad in newer docs;
// the spec's own examples charge 2.6–8): the description says so, and the summary reports the real charge.
const AD_COST = "Typically 1 credit per ad returned (older docs: 0.2 per search); the result shows the actual charge.";

const companyInput = () =>
  atLeastOne(
    z
      .object({
        company_domain: domain("Advertiser's domain, e.g. example.com (preferred)").optional(),
        company_name: text("Advertiser's company name", 200).optional(),
      })
      .strict(),
    ["company_domain", "company_name"],
  );

function adSearch(
  name: string,
  catalogId: string,
  path: string,
  network: string,
  item: z.ZodRawShape,
): ToolDefinition {
  return {
    name,
    title: `LeadMagic: search ${network} ads`,
    description: `Lists the ${network} ads a company is running or has run, by domain or name (give at least one). ${AD_COST}`,
    toolset: "leadmagic_ads",
    catalogId,
    base: "leadmagic",
    method: "POST",
    path,
    input: companyInput(),
    effect: "read",
    costsCredits: true,
    annotations: PAID_READ,
    output: z.looseObject({ ads: list(z.looseObject(item)), ...FOUND, ...USAGE }),
    shape: finder({
      found: (d) => count(d.ads) > 0,
      hit: (d, a) => `Found ${count(d.ads)} ${network} ads for ${firstOf(a, "company_domain", "company_name")}`,
      miss: (a) => `No ${network} ads found for ${firstOf(a, "company_domain", "company_name")}`,
    }),
  };
}

export const ADS_TOOLS = defineTools([
  adSearch("leadmagic_search_google_ads", "lm.search_google_ads", "/v1/ads/google-ads-search", "Google", {
    advertiser_name: str(),
    format: str(),
    start: str(),
    last_seen: str(),
    original_url: str(),
  }),
  adSearch("leadmagic_search_meta_ads", "lm.search_meta_ads", "/v1/ads/meta-ads-search", "Meta (Facebook/Instagram)", {
    ad_archive_id: str(),
    page_name: str(),
    is_active: z.boolean().nullable().optional(),
    publisher_platform: list(z.string()),
    snapshot: any(),
  }),
  adSearch("leadmagic_search_b2b_ads", "lm.search_b2b_ads", "/v1/ads/b2b-ads-search", "B2B", {
    ad_id: str(),
    ad_title: str(),
    ad_url: str(),
    link: str(),
    content: str(),
  }),
  {
    name: "leadmagic_get_b2b_ad_details",
    title: "LeadMagic: B2B ad details",
    description:
      "Returns one B2B ad in detail (format, copy, media, call to action, campaign dates) from its ad URL, as listed by leadmagic_search_b2b_ads. " +
      "Costs 2 credits; free when nothing is found.",
    toolset: "leadmagic_ads",
    catalogId: "lm.get_b2b_ad_details",
    base: "leadmagic",
    method: "POST",
    path: "/v1/ads/b2b-ads-details",
    // The catalog lists ad_id (from the legacy spec and anchor v1.0.x) but notes that the current /v1 API
    // takes ad_url; LeadMagic's own current n8n node and docs example also send { ad_url } to this route.
    // We call the /v1 route, so we send ad_url.
    input: z.object({ ad_url: url("The ad's URL (ad_url or link from leadmagic_search_b2b_ads)") }).strict(),
    effect: "read",
    costsCredits: true,
    annotations: PAID_READ,
    output: z.looseObject({
      ad_id: str(),
      ad_url: str(),
      ad_title: str(),
      ad_description: str(),
      company_name: str(),
      adDetails: any(),
      campaign_info: record({ campaign_name: str(), start_date: str(), end_date: str() }),
      ...FOUND,
      ...USAGE,
    }),
    shape: finder({
      found: (d) => has(d.adDetails) || has(d.ad_title) || has(d.ad_description) || has(d.campaign_info),
      hit: (d, a) => `Found details of ${has(d.ad_title) ? `"${String(d.ad_title)}"` : String(a.ad_url)}`,
      miss: (a) => `No details found for ad ${String(a.ad_url)}`,
    }),
  },
]);
