// The learner's journey: ticked tasks on pathway pages, and "My progress", both from the one
// store (progress.js). Mastery as macros/journey.py defines it; the tests hold the two together.
import { percent } from "./grading.js";
import { readStore, withEntry, writeStore } from "./progress.js";

let listeners; // the mounted page's, dropped when another page mounts

// Each role's quiz topics as scored (a topic is mastered at 80% of its questions right), the
// catalogue ids mastered by a quiz, and all mastered ones (by a quiz or marked).
function mastery(data, store) {
  const quiz = new Set();
  const topics = {};
  for (const [role, r] of Object.entries(data.roles)) {
    const saved = store.quizzes[role] || {};
    topics[role] = Object.entries(r.topics).map(([id, questions]) => {
      const ids = Object.keys(questions);
      const scored = ids.filter((q) => saved[q]?.fingerprint === questions[q]);
      const right = scored.filter((q) => saved[q].first?.status === "right").length;
      const t = { ...r.topic_skills[id], id, answered: scored.length, percent: percent(right, ids.length) };
      if (t.percent >= 80) t.counts_as.forEach((c) => quiz.add(c));
      return t;
    });
  }
  return { topics, quiz, skills: new Set([...quiz, ...Object.keys(store.skills || {})]) };
}

// "My progress": for every role the tasks done, the weeks of the phases whose tasks are all
// ticked, the skills to learn whose catalogue ids are all mastered, and the answered topics
// below mastery, weakest first; and which skills a quiz mastered.
function paint(data, store) {
  const known = mastery(data, store);
  for (const [role, r] of Object.entries(data.roles)) {
    const ticked = store.tasks?.[role] || {};
    const counts = {
      tasks: r.tasks.filter((id) => id in ticked).length,
      weeks: r.phases.reduce((weeks, p) => weeks + (p.tasks.every((id) => id in ticked) && p.weeks), 0),
      skills: r.skills.filter((s) => s.counts_as.every((c) => known.skills.has(c))).length,
    };
    const weakest = known.topics[role].filter((t) => t.answered && t.percent < 80).sort((a, b) => a.percent - b.percent).slice(0, 3)
      .flatMap((t, i) => [i ? "; " : "", Object.assign(document.createElement("a"), { href: `${r.pathway}#skill-${t.id}`, textContent: t.name }), ` ${t.percent}%`]);
    for (const field of document.querySelectorAll(`[data-pw-progress="${role}"] [data-pw-n]`)) {
      if (field.dataset.pwOf) field.textContent = `${counts[field.dataset.pwN]} of ${field.dataset.pwOf}`;
      else field.replaceChildren(...(weakest.length ? weakest : [known.topics[role].some((t) => t.answered) ? "None below 80%." : "None yet."]));
    }
  }
  for (const how of document.querySelectorAll("[data-pw-how]")) how.hidden = !known.quiz.has(how.dataset.pwHow);
}

// Ticked tasks of the pathway page's role, or on "My progress" the skills marked mastered.
function mount(notice) {
  const role = notice.dataset.pwRole;
  const data = role || JSON.parse(notice.parentNode.dataset.pwJourney);
  const boxes = document.querySelectorAll(".pw-tasks input");
  const read = () => {
    const { store, problem } = readStore();
    notice.hidden = !problem;
    notice.firstElementChild.textContent = problem;
    return store;
  };
  const show = () => {
    const store = read();
    const ticked = (role ? store?.tasks?.[role] : store?.skills) || {};
    for (const box of boxes) box.checked = box.value in ticked;
    if (store && !role) paint(data, store);
  };
  for (const box of boxes) {
    box.addEventListener("change", () => {
      // Re-read right before writing and change what is saved now (another tab may have
      // written); an unreadable store is never overwritten, and the box shows what is saved.
      const store = read();
      const at = box.checked ? new Date().toISOString() : undefined;
      if (store) writeStore(role ? { ...store, tasks: withEntry(store.tasks || {}, role, box.value, at) } : withEntry(store, "skills", box.value, at));
      show();
      if (!role) document.getElementById("pw-journey-status").textContent = `${box.checked ? "Marked" : "Unmarked"}: ${box.closest("li").innerText}`;
    });
  }
  return show;
}

// Material's instant navigation re-inserts this script on each page, but a module runs once per
// document: this subscribes once. The boxes go with their page; the window's listener is dropped.
function start() {
  listeners?.abort();
  listeners = new AbortController();
  const notice = document.querySelector("[data-pw-notice]");
  if (!notice) return;
  const show = mount(notice);
  show();
  window.addEventListener("storage", show, { signal: listeners.signal }); // another tab saved
}
if (window.document$) window.document$.subscribe(start);
else start();
