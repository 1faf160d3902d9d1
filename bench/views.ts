/**
 * Section "views": the size of each MCP Apps view's HTML (what resources/read
 * sends and a host loads into its iframe), raw and gzip, against a 150 KiB
 * gzip budget. Measured for this tree only (a baseline may have no views), from
 * the bundle `npm run build:views` wrote (`prebench` runs it).
 */
import { gzipSync } from "node:zlib";
import { viewHtml } from "../src/apps/page";
import { VIEW_IDS } from "../src/apps/views";
import { type Row, round } from "./lib";

export const VIEW_BUDGET_GZIP_BYTES = 150 * 1024;

export async function views(): Promise<Row[]> {
  return VIEW_IDS.map((view) => {
    const html = Buffer.from(viewHtml(view), "utf8");
    const gzip = gzipSync(html, { level: 9 }).length;
    return {
      measure: `view ${view} HTML KiB (raw / gzip)`,
      cells: [`${round(html.length / 1024)} / ${round(gzip / 1024)}`],
      floor: `${VIEW_BUDGET_GZIP_BYTES / 1024} gzip (budget)`,
      ratio: `${round((gzip / VIEW_BUDGET_GZIP_BYTES) * 100)} %`,
      data: { view, raw: html.length, gzip, budget: VIEW_BUDGET_GZIP_BYTES },
    };
  });
}
