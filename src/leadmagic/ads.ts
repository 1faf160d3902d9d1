/** LeadMagic ads: Google, Meta and B2B ad searches for a company, and one B2B ad in detail. All spend credits. */
import { z } from "zod";
import type { ToolDefinition } from "../tools/define";
import { atLeastOne, domain, text, url } from "../tools/fields";
import { toolset } from "../tools/toolset";
import { any, count, FOUND, finder, firstOf, has, list, record, str, USAGE } from "./common";

const t = toolset("leadmagic_ads");

// Published figures disagree (0.2 credits per search in the OpenAPI README, 1 per ad in newer docs;
// the spec's own examples charge 2.6–8): the description says so, and the summary reports the real charge.
const AD_COST = { text: "Typically 1 credit per ad returned (older docs: 0.2 per search); the result shows the actual charge.", credits: 1 };

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

const adsOutput = (item: z.ZodRawShape) => z.looseObject({ ads: list(z.looseObject(item)), ...FOUND, ...USAGE });

/** "Found 3 Google ads for example.com" / "No Google ads found for example.com". */
const adsFound = (network: string) =>
  finder({
    found: (d) => count(d.ads) > 0,
    hit: (d, a) => `Found ${count(d.ads)} ${network} ads for ${firstOf(a, "company_domain", "company_name")}`,
    miss: (a) => `No ${network} ads found for ${firstOf(a, "company_domain", "company_name")}`,
  });

export const ADS_TOOLS: ToolDefinition[] = [
  t.post("/v1/ads/google-ads-search", {
    name: "leadmagic_search_google_ads",
    title: "LeadMagic: search Google ads",
    description: "Lists the Google ads a company is running or has run, by domain or name (give at least one).",
    catalogId: "lm.search_google_ads",
    kind: "paid_read",
    cost: AD_COST,
    input: companyInput(),
    output: adsOutput({
      advertiser_name: str(),
      format: str(),
      start: str(),
      last_seen: str(),
      original_url: str(),
    }),
    shape: adsFound("Google"),
  }),
  t.post("/v1/ads/meta-ads-search", {
    name: "leadmagic_search_meta_ads",
    title: "LeadMagic: search Meta (Facebook/Instagram) ads",
    description: "Lists the Meta (Facebook/Instagram) ads a company is running or has run, by domain or name (give at least one).",
    catalogId: "lm.search_meta_ads",
    kind: "paid_read",
    cost: AD_COST,
    input: companyInput(),
    output: adsOutput({
      ad_archive_id: str(),
      page_name: str(),
      is_active: z.boolean().nullable().optional(),
      publisher_platform: list(z.string()),
      snapshot: any(),
    }),
    shape: adsFound("Meta (Facebook/Instagram)"),
  }),
  t.post("/v1/ads/b2b-ads-search", {
    name: "leadmagic_search_b2b_ads",
    title: "LeadMagic: search B2B ads",
    description: "Lists the B2B ads a company is running or has run, by domain or name (give at least one).",
    catalogId: "lm.search_b2b_ads",
    kind: "paid_read",
    cost: AD_COST,
    input: companyInput(),
    output: adsOutput({
      ad_id: str(),
      ad_title: str(),
      ad_url: str(),
      link: str(),
      content: str(),
    }),
    shape: adsFound("B2B"),
  }),
  t.post("/v1/ads/b2b-ads-details", {
    name: "leadmagic_get_b2b_ad_details",
    title: "LeadMagic: B2B ad details",
    description: "Returns one B2B ad in detail (format, copy, media, call to action, campaign dates) from its ad URL, as listed by leadmagic_search_b2b_ads.",
    catalogId: "lm.get_b2b_ad_details",
    kind: "paid_read",
    cost: { text: "Costs 2 credits; free when nothing is found.", credits: 2 },
    // The catalog lists ad_id (from the legacy spec and anchor v1.0.x) but notes that the current /v1 API
    // takes ad_url; LeadMagic's own current n8n node and docs example also send { ad_url } to this route.
    // We call the /v1 route, so we send ad_url.
    input: z.object({ ad_url: url("The ad's URL (ad_url or link from leadmagic_search_b2b_ads)") }).strict(),
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
  }),
];
