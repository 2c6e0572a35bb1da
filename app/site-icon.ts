// The site icon, inline. As a file (/favicon.ico) Chromium fetched it again at every
// history.replaceState of the calendar's selection, so each plain click sent a request; a data: URL
// gives it nothing to fetch. The same picture as public/favicon.ico (kept for clients that ask for
// that path): a dark blue tile with four status squares, success green, failed red, one pending.
const SVG = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
  '<rect width="32" height="32" rx="6" fill="#1e3a8a"/>',
  '<rect x="6" y="6" width="8" height="8" fill="#86efac"/>',
  '<rect x="18" y="6" width="8" height="8" fill="#86efac"/>',
  '<rect x="6" y="18" width="8" height="8" fill="#fca5a5"/>',
  '<rect x="18" y="18" width="8" height="8" fill="#6b80b8"/>',
  "</svg>",
].join("");

export const SITE_ICON = `data:image/svg+xml,${encodeURIComponent(SVG)}`;
