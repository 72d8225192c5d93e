// The header search box on Pagefind, with Material's look and keyboard use.
//
// Why not Material's own search: its worker appends a `*` wildcard to every
// query term and lunr never stems wildcard terms, so Swedish inflections
// ("beredningsgruppens", "kompetensutvecklingen") find nothing. Pagefind stems
// Swedish and loads only the index chunks a query needs.
//
// The markup is Material's (partials/search.html), so Material's CSS styles it
// and its `__search` toggle opens and closes it. This module does what
// Material's search component would, minus its single-key shortcuts: typing
// searches, ArrowUp/ArrowDown move between the box and the results, Enter
// opens the focused (or first) result, Escape and Tab close the search.
// Escape leaves the focus where the visitor can search again: in the box, or
// on the header's search button where the box folds away (below 60em).
// Everything is loaded from this site; nothing is requested from another host.
//
// No `/`, `s` or `f` to jump to the box, as Material has: a single-character
// shortcut that works wherever the focus is fires on a stray key or a speech
// command and cannot be turned off (WCAG 2.1.4). The box is reached with Tab.

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300; // a pause this long ends a query

const root = document.querySelector("[data-fm-search]");
if (root) setUp(root);

function setUp(root) {
  const toggle = document.getElementById("__search");
  const form = root.querySelector(".md-search__form");
  const input = root.querySelector(".md-search__input");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const output = root.querySelector(".md-search-result");
  const config = JSON.parse(document.getElementById("__config").textContent);
  const t = (key, count) => config.translations[key].replace("#", String(count));
  // The site's root: `config.base` is relative ("..") on a page, absolute ("/") on
  // the 404 page, where `${base}/pagefind` would name a host ("//pagefind/").
  const siteRoot = new URL(config.base.endsWith("/") ? config.base : `${config.base}/`, location.href);
  const bundleUrl = new URL("pagefind/pagefind.js", siteRoot).href;

  let loading = null; // the Pagefind module, imported and set up once, on first use
  let generation = 0; // the latest query: answers to older queries are dropped
  let openWhenReady = 0; // the query whose first result Enter asked for before it came

  // One promise for every caller: keys typed while the module loads must not set
  // its options again (that drops the searches already waiting in its worker).
  function load() {
    loading ??= import(bundleUrl).then(async (pagefind) => {
      await pagefind.options({ excerptLength: 24 });
      return pagefind;
    });
    return loading;
  }

  function setOpen(open) {
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change")); // Material listens to its toggles
    }
  }

  // Searches and shows the first page of results. The result region is
  // aria-busy while a search runs; only the latest query's answer is shown.
  // A query is searched once the visitor pauses (DEBOUNCE_MS), and a query
  // overtaken by a newer one loads none of its results. Index chunks and
  // results are files to download: only the query typed is paid for, not
  // every prefix of it (Pagefind's own debouncedSearch preloads each prefix).
  async function run(query) {
    const mine = ++generation;
    output.setAttribute("aria-busy", "true");
    list.inert = true; // the last query's results: arrows and Enter must not reach them
    const pagefind = query.trim() ? await load() : null;
    if (pagefind) await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
    if (mine !== generation) return; // a newer query has taken over
    let results = pagefind ? ((await pagefind.search(query))?.results ?? []) : [];
    if (results.length && (await farOffWord(pagefind, query))) results = [];
    if (mine !== generation) return;
    const first = await Promise.all(results.slice(0, PAGE_SIZE).map((result) => result.data()));
    if (mine !== generation) return; // a newer query has taken over
    list.replaceChildren();
    list.inert = false;
    show(results, first, 0);
    const count = results.length;
    meta.textContent = !query.trim() ? t("search.result.placeholder")
      : count === 0 ? t("search.result.none")
      : count === 1 ? t("search.result.one")
      : t("search.result.other", count);
    output.setAttribute("aria-busy", "false");
    if (openWhenReady === mine) list.querySelector(".md-search-result__link")?.click();
  }

  // Appends a page of results, and a button for the next page while more are left.
  function show(results, page, from) {
    list.querySelector(".fm-search-more")?.closest("li").remove();
    for (const data of page) list.append(renderResult(data));
    const shown = from + page.length;
    if (shown < results.length) {
      list.append(moreButton(results.length - shown, async () => {
        const next = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((result) => result.data()));
        show(results, next, shown);
        focusables()[shown + 1]?.focus(); // the first of the new results
      }));
    }
  }

  function focusables() {
    return [input, ...list.querySelectorAll(".md-search-result__link, .fm-search-more")];
  }

  // Where the box folds away behind the header's search button (below 60em: phones, 200 %
  // zoom), the folded box is out of the Tab order: focusing it opened the full-screen
  // search in passing, and the next Tab closed it again.
  const searchButton = document.querySelector("label.md-header__button[for=__search]");
  const folded = () => Boolean(searchButton) && getComputedStyle(searchButton).display !== "none";
  const tabbable = () => { input.tabIndex = folded() && !toggle.checked ? -1 : 0; };
  tabbable();
  window.addEventListener("resize", tabbable);
  toggle.addEventListener("change", tabbable);

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => { run(""); input.focus(); }));
  let closing = false; // Escape puts the focus back in the box without opening it again
  input.addEventListener("focus", () => { if (!closing) setOpen(true); });
  input.addEventListener("input", () => { setOpen(true); run(input.value); });
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) setOpen(false);
  });
  // A link that offers the search (the 404 page's) opens the box and puts the
  // focus in it. Its href, the search toggle, leads nowhere without this script.
  document.addEventListener("click", (event) => {
    if (!event.target.closest("[data-fm-search-open]")) return;
    event.preventDefault();
    setOpen(true);
    input.focus();
  });
  // On narrow screens the search opens and closes with labels that tick the
  // toggle (the header's search button, the back arrow): focus follows.
  toggle.addEventListener("change", (event) => {
    if (!event.isTrusted) return; // our own setOpen
    if (toggle.checked) input.focus();
    else if (document.activeElement === input) input.blur();
  });

  window.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const active = document.activeElement;
    if (!toggle.checked) return; // the keys below are the open search's own
    switch (event.key) {
      case "Escape": {
        event.preventDefault();
        setOpen(false);
        if (folded()) searchButton.focus(); // the box is folded away
        else {
          closing = true;
          input.focus();
          closing = false;
        }
        break;
      }
      case "Tab":
        setOpen(false);
        break;
      case "Enter":
        if (active === input) {
          event.preventDefault();
          // Typed fast, the query's results may not be there yet: open its first once they are.
          if (output.getAttribute("aria-busy") === "true") openWhenReady = generation;
          else list.querySelector(".md-search-result__link")?.click();
        }
        break;
      case "ArrowUp":
      case "ArrowDown": {
        event.preventDefault();
        if (output.getAttribute("aria-busy") === "true") break; // no stale result to step into
        const items = focusables();
        const step = event.key === "ArrowDown" ? 1 : -1;
        const next = (Math.max(0, items.indexOf(active)) + step + items.length) % items.length;
        items[next].focus();
        break;
      }
      default:
        if (active !== input && event.key.length === 1) input.focus(); // keep typing into the box
    }
  });
}

// Whether a word of the query is in no page and Pagefind's stand-in for it is far off.
// For a word it does not know, Pagefind searches the longest prefix it does know:
// "beredningsgrupen" finds "beredningsgruppen", which helps, but "Palcic" finds
// "på" on 25 pages, which tells a visitor searching a name that the person is named
// there. A word is known when a quoted search finds it (stemmed, without that
// stand-in); for one that is not, the stand-in must share most of its beginning
// with it (NEEDED_SHARE, at least FEWEST_SHARED letters), or nothing is found.
const NEEDED_SHARE = 0.6;
const FEWEST_SHARED = 4;

async function farOffWord(pagefind, query) {
  if (query.includes('"')) return false; // the visitor's own exact search: no stand-ins
  for (const word of words(query)) {
    if ((await pagefind.search(`"${word}"`))?.results.length) continue; // a word of the site
    const standIn = (await pagefind.search(word))?.results ?? [];
    if (!standIn.length) return true;
    const marked = [...(await standIn[0].data()).excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].flatMap((m) => words(m[1]));
    const needed = Math.min(word.length, Math.max(FEWEST_SHARED, Math.ceil(word.length * NEEDED_SHARE)));
    if (!marked.some((found) => sharedStart(word, found) >= needed)) return true;
  }
  return false;
}

// The words of a text as Pagefind compares them: lower case, no accents, no punctuation around.
function words(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function sharedStart(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

// One result in Material's markup. Titles and metadata go in as text; the
// excerpt keeps only Pagefind's <mark> highlights, everything else as text.
function renderResult(data) {
  const item = element("li", "md-search-result__item");
  const link = element("a", "md-search-result__link");
  link.href = data.url;
  link.tabIndex = -1;
  const article = element("article", "md-search-result__article md-typeset");
  article.append(element("div", "md-search-result__icon md-icon"));
  article.append(element("h1", "", data.meta.title || data.url));
  const context = [data.meta.group, data.meta.date, data.meta.kind].filter(Boolean).join(" · ");
  if (context) article.append(element("p", "fm-search-result__context", context));
  article.append(excerpt(data.excerpt));
  link.append(article);
  item.append(link);
  return item;
}

function moreButton(left, onClick) {
  const item = element("li", "md-search-result__item");
  const button = element("button", "fm-search-more", left === 1 ? "Visa 1 träff till" : `Visa ${Math.min(left, PAGE_SIZE)} träffar till (${left} kvar)`);
  button.type = "button";
  button.tabIndex = -1;
  button.addEventListener("click", onClick);
  item.append(button);
  return item;
}

function excerpt(html) {
  const paragraph = element("p");
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
  for (const node of parsed.childNodes) {
    paragraph.append(node.nodeName === "MARK" ? element("mark", "", node.textContent) : document.createTextNode(node.textContent));
  }
  return paragraph;
}

function element(tag, className = "", text = "") {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}
