// The search box of the search page (templates/search.mustache): asks the Pagefind index that
// `tabib build` writes under pagefind/, and lists the results with their summary and review date.
const form = document.querySelector("form[data-pagefind]");
if (form) {
  const input = form.querySelector("input[type=search]");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  let pagefind = null;
  let latest = 0;

  async function load() {
    if (!pagefind) {
      const module = await import(form.dataset.pagefind);
      await module.options({ baseUrl: form.dataset.base });
      await module.init();
      pagefind = module;
    }
    return pagefind;
  }

  function card(data) {
    const item = document.createElement("li");
    item.className = "card";
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    heading.append(link);
    item.append(heading);
    const summary = document.createElement("p");
    if (data.meta.summary) summary.textContent = data.meta.summary;
    else summary.innerHTML = data.excerpt; // Pagefind's excerpt: the page's text, escaped, with <mark>.
    item.append(summary);
    if (data.meta.reviewed) {
      const reviewed = document.createElement("p");
      reviewed.className = "meta";
      reviewed.textContent = `${form.dataset.reviewed}: ${data.meta.reviewed}`;
      item.append(reviewed);
    }
    return item;
  }

  async function run(text) {
    const id = ++latest;
    const query = text.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    let found;
    try {
      const index = await load();
      found = await index.debouncedSearch(query, {}, 150);
    } catch (error) {
      if (id === latest) status.textContent = form.dataset.unavailable;
      return;
    }
    if (found === null || id !== latest) return;
    const results = await Promise.all(found.results.slice(0, 50).map((result) => result.data()));
    if (id !== latest) return;
    list.replaceChildren(...results.map(card));
    status.textContent = results.length === 0 ? form.dataset.none
      : form.dataset.count.replace("{count}", String(found.results.length));
  }

  input.addEventListener("input", () => run(input.value));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(input.value);
  });
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
}
