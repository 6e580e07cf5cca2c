// Instant navigation wherever site/ is served. Material finds the site's pages in sitemap.xml,
// whose addresses need `site_url`, and it matches their port and path as written there; a local
// build has no site_url (so that it names no host), hence an empty sitemap, and Material would
// load every page in full. For a click on a link to a page of this site that Material left alone,
// this hands the address to Material's own instant loader (its `location$`), as its click
// handler does. Where Material handled the click, or another generator runs the site, it does
// nothing.

const config = document.getElementById("__config");
const root = config && new URL(JSON.parse(config.textContent).base, location.href);

// A page of this site: same origin, under the site's root, a directory or an .html page.
export function isSitePage(url, siteRoot) {
  return (
    url.origin === siteRoot.origin &&
    url.pathname.startsWith(siteRoot.pathname) &&
    /(\/|\.html)$/.test(url.pathname)
  );
}

function follow(event) {
  const loader = window.location$;
  if (event.defaultPrevented || event.button !== 0 || !loader) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element && event.target.closest("a[href]");
  if (!link || link.target || link.hasAttribute("download")) return;
  const url = new URL(link.href);
  if (!isSitePage(url, root)) return;
  if (url.pathname === location.pathname && url.search === location.search) return; // an anchor
  event.preventDefault();
  history.replaceState({ x: window.scrollX, y: window.scrollY }, "");
  history.pushState(null, "", url);
  loader.next(url);
}

if (root && location.protocol !== "file:") document.addEventListener("click", follow);
