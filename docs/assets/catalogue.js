/* Project catalogue filters (/projekt/).
 *
 * Without JavaScript the catalogue lists every project and the filter form
 * stays hidden. With it, the form appears, each choice narrows the list at
 * once, the number of projects shown is announced (role=status), and the
 * choices live in the URL query (?status=pågående&kommun=Hjo), so a filtered
 * view can be shared and bookmarked, and reload, back and forward restore it.
 *
 * The form's field names are the URL parameters; each project item carries
 * `data-filter-<name>` with a JSON list of its values (written by the site
 * generator, see hooks/forening/templates/catalogue.html).
 */
(function () {
  "use strict";

  function form() {
    return document.querySelector("form[data-fm-filter]");
  }

  function fields(filter) {
    return Array.prototype.slice.call(filter.querySelectorAll("select[name]"));
  }

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (option) {
      return option.value === value;
    });
  }

  /* URL query -> form. Unknown values (an old link, a typo) count as "Alla". */
  function readUrl(filter) {
    var params = new URLSearchParams(window.location.search);
    fields(filter).forEach(function (select) {
      var value = params.get(select.name) || "";
      select.value = hasOption(select, value) ? value : "";
    });
  }

  /* Form -> URL query, as a new history entry so that back undoes a choice. */
  function writeUrl(filter) {
    var params = new URLSearchParams(window.location.search);
    fields(filter).forEach(function (select) {
      if (select.value) {
        params.set(select.name, select.value);
      } else {
        params.delete(select.name);
      }
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.pushState(null, "", url);
    }
  }

  function values(item, name) {
    try {
      return JSON.parse(item.getAttribute("data-filter-" + name) || "[]");
    } catch (error) {
      return [];
    }
  }

  /* Show the projects that match every chosen filter; hide empty sections. */
  function apply(filter) {
    var chosen = fields(filter).filter(function (select) {
      return select.value;
    });
    var shown = 0;
    var items = document.querySelectorAll("[data-fm-item]");
    Array.prototype.forEach.call(items, function (item) {
      var match = chosen.every(function (select) {
        return values(item, select.name).indexOf(select.value) !== -1;
      });
      item.hidden = !match;
      if (match) shown += 1;
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-fm-group]"), function (group) {
      group.hidden = !group.querySelector("[data-fm-item]:not([hidden])");
    });
    var empty = document.querySelector("[data-fm-empty]");
    if (empty) empty.hidden = shown !== 0;
    var count = filter.querySelector("[data-fm-count]");
    if (count) count.textContent = countText(shown, items.length);
  }

  function countText(shown, total) {
    if (shown === total) return "Visar alla " + total + " projekt.";
    if (shown === 0) return "Inget av " + total + " projekt matchar filtret.";
    return "Visar " + shown + " av " + total + " projekt.";
  }

  function setup() {
    var filter = form();
    if (!filter || filter.hasAttribute("data-fm-ready")) return;
    filter.setAttribute("data-fm-ready", "");
    filter.hidden = false;
    readUrl(filter);
    apply(filter);
    filter.addEventListener("change", function () {
      apply(filter);
      writeUrl(filter);
    });
    filter.addEventListener("reset", function () {
      // The form resets its fields after this event: read them once it has.
      window.setTimeout(function () {
        apply(filter);
        writeUrl(filter);
      }, 0);
    });
    filter.addEventListener("submit", function (event) {
      event.preventDefault();
    });
  }

  window.addEventListener("popstate", function () {
    var filter = form();
    if (filter && filter.hasAttribute("data-fm-ready")) {
      readUrl(filter);
      apply(filter);
    }
  });

  // Material's `document$` emits on every page load, also with instant
  // navigation; without it, run once the page is parsed.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
