// Quiz pages: check answers, keep progress (progress.js), show the score as you go.
// Pure functions decide (grading.js judges, tally counts); the paint functions apply it to the
// page. Mounted from Material's document$, so it runs after every instant navigation.
import { judge, percent } from "./grading.js";
import { KEY, emptyStore, readStore, record, restoreQuiz, usable, withoutQuiz } from "./progress.js";

let pageListeners; // the mounted page's window listeners, dropped when another page mounts
// What each question showed, kept across instant navigation (not a reload): Back repaints the page
// exactly as it was left, so Material's restored scroll offset lands on the same question.
const sessions = new Map(); // quiz role -> {shown: Map(id -> view), open: Set(id)}

// Counts over the scored (first) answers: answered questions only, overall and per topic.
export function tally(questions, entries) {
  const topics = new Map(questions.map((q) => [q.topic, { answered: 0, right: 0 }]));
  let answered = 0;
  let correct = 0;
  for (const q of questions) {
    const entry = entries[q.id];
    if (!entry) continue;
    const topic = topics.get(q.topic);
    const right = entry.first.status === "right";
    answered += 1; topic.answered += 1;
    correct += right; topic.right += right;
  }
  return { answered, correct, total: questions.length, topics };
}

// How an option is marked, in words and a symbol (never by colour alone).
export function optionMark(key, picked, id) {
  const isKey = key.correct.includes(id);
  const isPicked = picked.includes(id);
  if (isKey) return isPicked ? ["key", "✓ your answer, correct"] : ["key", "✓ correct answer"];
  return isPicked ? ["wrong", "✗ your answer"] : ["", ""];
}

const MESSAGES = {
  right: "✓ Right, and scored. The explanation is below.",
  wrong: "✗ Wrong, and scored. The key and why are below.",
  practice: (status) => `Practice: this try is not scored. ${status === "right" ? "✓ Right." : "✗ Not it yet."}`,
  restored: (status) => (status === "right" ? "✓ Scored right." : "✗ Scored wrong."),
  retry: "Practice: try it again. Your first answer stays scored.",
};

function write(text) {
  try { localStorage.setItem(KEY, text); } catch { /* storage full or blocked: the page still works */ }
}

function describe(section) {
  const inputs = [...section.querySelectorAll(".pw-form input")];
  const choice = Boolean(section.querySelector(".pw-option"));
  return {
    section, inputs, id: section.dataset.pwQuestion, topic: section.dataset.pwTopic,
    fingerprint: section.dataset.pwFingerprint, key: JSON.parse(section.dataset.pwKey),
    optionIds: choice ? inputs.map((i) => i.value) : [],
  };
}

const readForm = (q) => (q.optionIds.length ? q.inputs.filter((i) => i.checked).map((i) => i.value) : q.inputs[0].value);

function fillForm(q, answer) {
  if (q.optionIds.length) q.inputs.forEach((i) => { i.checked = answer.includes(i.value); });
  else q.inputs[0].value = answer;
}

function paint(q, attempt, message, open) {
  for (const label of q.section.querySelectorAll(".pw-option")) {
    const [kind, words] = attempt ? optionMark(q.key, attempt.answer, label.control.value) : ["", ""];
    label.dataset.pwMark = kind;
    label.querySelector(".pw-mark").textContent = words;
  }
  q.section.querySelector(".pw-feedback").textContent = message;
  if (open !== undefined) q.section.querySelector(".pw-solution").open = open;
}

function paintProgress(quiz, questions, entries) {
  const t = tally(questions, entries);
  const stat = (name, text) => { quiz.querySelector(`[data-pw-stat=${name}]`).textContent = text; };
  stat("answered", `${t.answered} of ${t.total}`);
  stat("correct", String(t.correct));
  stat("remaining", String(t.total - t.answered));
  stat("score", t.answered ? `${percent(t.correct, t.answered)}%` : "–");
  questions.forEach((q, index) => {
    const link = quiz.querySelector(`[data-pw-jump="${q.id}"]`);
    const status = entries[q.id] ? entries[q.id].first.status : "";
    link.dataset.pwState = status;
    link.setAttribute("aria-label", `Question ${index + 1}: ${status ? `scored ${status}` : "not answered"}`);
  });
  quiz.querySelector(".pw-score").textContent = t.answered === t.total
    ? `Quiz complete: ${t.correct} of ${t.total} right (${percent(t.correct, t.total)}%).`
    : `${t.correct} of ${t.answered} answered right (${percent(t.correct, t.answered)}%); ${t.total - t.answered} of ${t.total} to go.`;
  for (const row of quiz.querySelectorAll("[data-pw-topic-row]")) {
    const { answered, right } = t.topics.get(row.dataset.pwTopicRow);
    const [, score, next] = row.cells;
    score.textContent = answered ? `${right} of ${answered}` : "–";
    if ("pwTransferable" in row.dataset) next.textContent = "A skill you bring";
    else if (!answered) next.textContent = "Not answered yet";
    else if (right === answered) next.textContent = "✓ Nothing to review";
    else {
      const link = Object.assign(document.createElement("a"), { href: row.dataset.pwHref, textContent: "Review " });
      link.append(Object.assign(document.createElement("span"), { className: "pw-sr", textContent: row.cells[0].textContent }));
      next.replaceChildren(link);
    }
  }
}

// A reload opens the page with explanations closed, so a restored pixel offset would land lower
// down: remember the question at the top instead, and put it back in the same place.
const PLACE = "pathways:quiz-place";

function rememberPlace(questions) {
  const top = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  const q = questions.find((item) => item.section.getBoundingClientRect().bottom > top);
  if (!q) return;
  try {
    sessionStorage.setItem(PLACE, JSON.stringify({ path: location.pathname, id: q.id, top: q.section.getBoundingClientRect().top }));
  } catch { /* no session storage: the browser restores what it can */ }
  history.scrollRestoration = "manual";
}

// Back or Forward by instant navigation: Material scrolls to the entry's saved offset before this
// module repaints the page as it was left, and Chrome's scroll anchoring then adds the height of
// each explanation re-opened above. Apply the offset again, as it was at popstate: a fetch slower
// than Material's 100 ms tracker lets the page being left overwrite it.
let popped; // {href, offset} of the entry Back or Forward went to, until the next page mounts

function returnToPlace(firstLoad) {
  if (!firstLoad) {
    const offset = popped?.href === location.href && popped.offset;
    if (Number.isFinite(offset?.y)) window.scrollTo(offset.x, offset.y);
    return;
  }
  const [entry] = performance.getEntriesByType("navigation");
  if (!entry || entry.type === "navigate") return;
  let place;
  try { place = JSON.parse(sessionStorage.getItem(PLACE)); } catch { return; }
  const section = place && place.path === location.pathname && document.getElementById(place.id);
  if (section) window.scrollBy(0, section.getBoundingClientRect().top - place.top);
}

let navigated = false; // false until a page comes by instant navigation

function mount(quiz) {
  if ("pwMounted" in quiz.dataset) return;
  quiz.dataset.pwMounted = "";
  const role = quiz.dataset.pwQuiz;
  const questions = [...quiz.querySelectorAll(".pw-question")].map(describe);
  const notice = quiz.querySelector(".pw-notice");
  const status = quiz.querySelector(".pw-summary-status");
  const state = { store: emptyStore(), problem: "" };
  const shown = {}; // question id -> the scored answer the page shows, as JSON
  if (!sessions.has(role)) sessions.set(role, { views: new Map(), open: new Set() });
  const session = sessions.get(role);
  const show = (q, view) => {
    session.views.set(q.id, view);
    fillForm(q, view.answer);
    paint(q, view.attempt, view.message, view.open);
  };

  const entriesOf = () => {
    const saved = state.store.quizzes[role] || {};
    return Object.fromEntries(questions.map((q) => [q.id, usable(saved[q.id], q.fingerprint, q.optionIds)]).filter(([, e]) => e));
  };

  const showNotice = () => {
    notice.hidden = !state.problem;
    if (state.problem) notice.querySelector(".pw-problem").textContent = state.problem;
  };

  // Re-read before every write and apply the change to what is saved now, so tabs merge.
  const load = () => {
    const read = readStore();
    state.problem = read.problem || "";
    if (read.store) state.store = read.store;
    showNotice();
  };
  const commit = (change) => {
    load();
    state.store = change(state.store);
    if (!state.problem) write(JSON.stringify(state.store));
  };

  // Show what is saved: a scored question with its result and the explanation closed.
  const refresh = () => {
    const entries = entriesOf();
    for (const q of questions) {
      const entry = entries[q.id];
      const now = entry ? JSON.stringify(entry.first) : undefined;
      if (now === shown[q.id]) continue;
      shown[q.id] = now;
      if (entry) {
        q.section.dataset.pwResult = entry.first.status;
        const kept = session.views.get(q.id);
        if (kept && kept.first === now) show(q, kept);
        else show(q, { first: now, answer: entry.first.answer, attempt: entry.first, message: MESSAGES.restored(entry.first.status), open: session.open.has(q.id) });
      } else {
        delete q.section.dataset.pwResult;
        q.section.querySelector("form").reset();
        session.views.delete(q.id);
        paint(q, null, "", false);
      }
    }
    paintProgress(quiz, questions, entries);
  };

  const offerUndo = (text, undo) => {
    const button = Object.assign(document.createElement("button"), { type: "button", className: "md-button", textContent: "Undo reset" });
    button.addEventListener("click", () => { undo(); status.textContent = "Your answers are back."; quiz.querySelector(".pw-reset").focus(); });
    status.replaceChildren(`${text} `, button);
    button.focus();
  };

  const resetQuiz = () => {
    let before = {};
    commit((store) => { before = store.quizzes[role] || {}; return withoutQuiz(store, role); });
    refresh();
    offerUndo("This quiz is reset.", () => { commit((store) => restoreQuiz(store, role, before)); refresh(); });
  };

  const replaceUnreadable = () => {
    const unreadable = localStorage.getItem(KEY);
    const answered = state.store.quizzes[role] || {};
    write(JSON.stringify(restoreQuiz(emptyStore(), role, answered)));
    load();
    refresh();
    offerUndo("Fresh progress started.", () => { write(unreadable); load(); refresh(); });
  };

  // The template holds one dialog per question asked, with its words.
  const confirmThen = (kind, action) => {
    const dialog = quiz.querySelector(`[data-pw-ask=${kind}]`);
    dialog.returnValue = "";
    dialog.onclose = () => { if (dialog.returnValue === "yes") action(); };
    dialog.showModal();
  };

  for (const q of questions) {
    const details = q.section.querySelector(".pw-solution");
    details.open = session.open.has(q.id);
    details.addEventListener("toggle", () => {
      session.open[details.open ? "add" : "delete"](q.id);
      const kept = session.views.get(q.id);
      if (kept) kept.open = details.open;
    });
    q.section.querySelector("form").addEventListener("submit", (event) => {
      event.preventDefault();
      const raw = readForm(q);
      const verdict = judge(q.key, raw);
      if (verdict.status !== "right" && verdict.status !== "wrong") {
        q.section.querySelector(".pw-feedback").textContent = verdict.message;
        return;
      }
      commit((store) => record(store, role, q.id, q.fingerprint, raw, verdict.status));
      const entry = entriesOf()[q.id];
      const scored = entry.first === entry.last;
      shown[q.id] = JSON.stringify(entry.first);
      q.section.dataset.pwResult = entry.first.status;
      show(q, { first: shown[q.id], answer: raw, attempt: { answer: raw }, message: scored ? MESSAGES[verdict.status] : MESSAGES.practice(verdict.status), open: true });
      paintProgress(quiz, questions, entriesOf());
    });
  }

  quiz.querySelector(".pw-reset").addEventListener("click", () => confirmThen("reset", resetQuiz));
  quiz.querySelector(".pw-replace").addEventListener("click", () => confirmThen("replace", replaceUnreadable));
  quiz.querySelector(".pw-retry").addEventListener("click", () => {
    const entries = entriesOf();
    const missed = questions.filter((q) => entries[q.id] && entries[q.id].first.status === "wrong");
    for (const q of missed) show(q, { first: shown[q.id], answer: q.optionIds.length ? [] : "", attempt: null, message: MESSAGES.retry, open: false });
    status.textContent = missed.length
      ? `${missed.length} missed ${missed.length === 1 ? "question is" : "questions are"} cleared for practice; your score stays as it is.`
      : "Nothing to retry: none of your scored answers is wrong.";
    if (missed.length) missed[0].inputs[0].focus();
  });
  // In-page links (jump to a question, link to a question): a fragment scroll lands too high once
  // explanations have opened above the target, so scroll the question itself into view.
  // The skip link (in the header) goes the same way, so focus is on the first question at once.
  const jump = (event) => {
    const link = event.target.closest("a[href*='#']"); // Material makes hrefs absolute
    const here = link && link.pathname === location.pathname && link.hash;
    const target = here && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target || event.button || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    event.stopPropagation(); // Material's instant navigation would replay it as a fragment scroll
    history.replaceState(history.state, "", link.hash);
    target.scrollIntoView();
    const heading = target.querySelector("h2") || target;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  };
  quiz.addEventListener("click", jump);
  document.querySelector(".pw-skip")?.addEventListener("click", jump, { signal: pageListeners.signal });
  window.addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === null) { load(); refresh(); }
  }, { signal: pageListeners.signal });

  window.addEventListener("pagehide", () => rememberPlace(questions), { signal: pageListeners.signal });

  load();
  refresh();
  returnToPlace(!navigated);
}

// Instant navigation re-runs the page's scripts, this module included: only its first copy
// subscribes, so one set of listeners and one session serve every page.
function start() {
  const quizzes = [...document.querySelectorAll("[data-pw-quiz]")];
  if (quizzes.length && quizzes.every((quiz) => "pwMounted" in quiz.dataset)) return;
  pageListeners?.abort(); // the page they listened for is gone
  pageListeners = new AbortController();
  quizzes.forEach(mount);
  navigated = true;
  popped = undefined;
}
if (!window.pathwaysQuizStarted) {
  window.pathwaysQuizStarted = true;
  window.addEventListener("popstate", () => { popped = { href: location.href, offset: history.state }; });
  if (typeof window.document$ !== "undefined") window.document$.subscribe(start);
  else start();
}
