/**
 * A view's HTML: one self-contained page per view around the one bundle every
 * view shares (./generated/bundle.ts, written by `npm run build:views` from
 * views/), so the Worker carries the Apps SDK once rather than four times. The
 * page's own CSP allows nothing but its inline script and style, by hash.
 */
import { SCRIPT, SCRIPT_SHA256, STYLE, STYLE_SHA256 } from "./generated/bundle";
import { VIEWS, type ViewId } from "./views";

/** No network, no images, no frames, no forms, no plugins: only the inline bundle and stylesheet, by hash. */
export const VIEW_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${SCRIPT_SHA256}'`,
  `style-src 'sha256-${STYLE_SHA256}'`,
  "img-src 'none'",
  "font-src 'none'",
  "connect-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const pages = new Map<ViewId, string>();

export function viewHtml(id: ViewId): string {
  let html = pages.get(id);
  if (!html) {
    const { title } = VIEWS[id];
    html =
      `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
      `<meta http-equiv="Content-Security-Policy" content="${VIEW_CSP}">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>` +
      `<style>${STYLE}</style></head><body data-view="${id}"><main id="root" aria-live="polite"><p class="muted">Waiting for the tool result…</p></main>` +
      `<script>${SCRIPT}</script></body></html>`;
    pages.set(id, html);
  }
  return html;
}
