// "My progress": the whole progress store to a file and back. A file is checked as the saved
// store is (progress.js parseStore) and merged into it (mergeStores); a bad one changes nothing.
// The words come from the page (macros/templates/progress_transfer.html.j2).
import { KEY, emptyStore, mergeStores, parseStore, readStore, writeStore } from "./progress.js";

function mount(block) {
  block.hidden = false;
  const words = JSON.parse(block.dataset.pwTransfer);
  const [link, input, status, alert] = block.querySelectorAll("[data-pw-part]");
  const fill = (name, value) => words[name].replace("{}", value);
  const say = (text, bad) => { status.textContent = bad ? "" : text; alert.textContent = bad ? text : ""; };
  link.onclick = (event) => {
    const { store, problem } = readStore();
    if (problem) return event.preventDefault() || say(fill("unreadable", problem), 1);
    link.href = `data:application/json,${encodeURIComponent(JSON.stringify(store, null, 1))}`;
    link.download = fill("file", new Date().toLocaleDateString("sv"));
    say(fill("exported", link.download));
  };
  input.onchange = async () => {
    const file = parseStore(await input.files[0].text());
    const saved = readStore();
    input.value = "";
    if (file.problem) return say(fill("refused", file.problem), 1);
    if (saved.problem && !confirm(fill("replace", saved.problem))) return say(words.unchanged);
    const { store, counts } = mergeStores(saved.store || emptyStore(), file.store);
    writeStore(store);
    dispatchEvent(new StorageEvent("storage", { key: KEY })); // this tab's views repaint as other tabs' do
    const done = words.counted.map(([k, w]) => `${counts[k]} ${w}${counts[k] === 1 ? "" : "s"}`);
    say(fill("imported", done.join(", ")) + (counts.kept ? fill("kept", counts.kept) : ""));
  };
}

function start() {
  document.querySelectorAll("[data-pw-transfer]").forEach(mount);
}
if (!window.pathwaysTransferStarted) {
  window.pathwaysTransferStarted = true;
  if (typeof window.document$ !== "undefined") window.document$.subscribe(start);
  else start();
}
