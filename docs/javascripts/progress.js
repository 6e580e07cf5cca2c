// The progress store (localStorage "pathways:progress", the format the CLI's --progress file
// shares): pure functions over plain objects; quiz.js reads, applies a change and writes.

export const KEY = "pathways:progress";
const FORMAT = "backend-ai-pathways-progress";
const VERSION = 1;

export const emptyStore = () => ({ format: FORMAT, version: VERSION, quizzes: {} });

const isMap = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

// The sections beside "quizzes", each optional: ticked tasks by role, skills the learner marked
// mastered, and a study plan by role. Values as macros/progress.py checks them.
const isTime = (v) => typeof v === "string" && !isNaN(Date.parse(v));
// A real day: Date reads 2026-02-30 as 2 March, so the day must come back as it was written.
const isPlan = (p) => isMap(p) && /^\d{4}-\d{2}-\d{2}$/.test(p.start)
  && String(new Date(p.start).toJSON()).startsWith(p.start) && Number.isInteger(p.hours) && p.hours >= 1 && p.hours <= 80;
const isAttempt = (a) => isMap(a) && (a.status === "right" || a.status === "wrong");
const isEntry = (e) => isMap(e) && typeof e.fingerprint === "string" && [e.first, e.last].every((a) => isAttempt(a)
  && typeof a.at === "string" && [a.answer].flat().every((x) => typeof x === "string"));
const SECTIONS = {
  quizzes: (byRole) => Object.values(byRole).every((q) => isMap(q) && Object.values(q).every(isEntry)),
  tasks: (byRole) => Object.values(byRole).every((t) => isMap(t) && Object.values(t).every(isTime)),
  skills: (bySkill) => Object.values(bySkill).every(isTime),
  plans: (byRole) => Object.values(byRole).every(isPlan),
};

// Saved text -> {store} or {problem}; a store of another format or version is never used.
export function parseStore(text) {
  if (text === null) return { store: emptyStore() };
  let data;
  try { data = JSON.parse(text); } catch { return { problem: "it is damaged" }; }
  if (!isMap(data) || data.format !== FORMAT || !isMap(data.quizzes)) {
    return { problem: "it is damaged or not ours" };
  }
  if (data.version !== VERSION) return { problem: `it is from another version (${data.version})` };
  for (const [name, fits] of Object.entries(SECTIONS)) {
    if (name in data && !(isMap(data[name]) && fits(data[name]))) return { problem: `its ${name} are damaged` };
  }
  return { store: data };
}

// The browser's saved store: {store} or {problem}; writing never throws (the page still works).
export function readStore() {
  try { return parseStore(localStorage.getItem(KEY)); } catch { return { problem: "this browser does not allow it" }; }
}

export function writeStore(store) {
  try { localStorage.setItem(KEY, JSON.stringify(store)); } catch { /* storage full or blocked */ }
}

// A copy of `store` with section[key] set to value (or removed when value is undefined).
export function withEntry(store, section, key, value) {
  const entries = { ...store[section] };
  if (value === undefined) delete entries[key]; else entries[key] = value;
  return { ...store, [section]: entries };
}

// A saved entry counts only for the question as it is now: same fingerprint, and for a choice
// question only ids of options it still has.
export function usable(entry, fingerprint, optionIds) {
  if (!isMap(entry) || entry.fingerprint !== fingerprint || !isAttempt(entry.first)) return null;
  const fits = (answer) => (optionIds.length
    ? Array.isArray(answer) && answer.length > 0 && answer.every((id) => optionIds.includes(id))
    : typeof answer === "string");
  if (!fits(entry.first.answer)) return null;
  return isAttempt(entry.last) && fits(entry.last.answer) ? entry : { ...entry, last: entry.first };
}

const withQuestions = (store, role, questions) => {
  const quizzes = { ...store.quizzes, [role]: questions };
  if (!Object.keys(questions).length) delete quizzes[role];
  return { ...store, quizzes };
};

// The first checked answer is the scored one; a later one (in any tab) only replaces "last".
export function record(store, role, id, fingerprint, answer, status, at = new Date().toISOString()) {
  const questions = { ...store.quizzes[role] };
  const attempt = { answer, status, at };
  const old = questions[id];
  questions[id] = old && old.fingerprint === fingerprint && isAttempt(old.first)
    ? { ...old, last: attempt }
    : { fingerprint, first: attempt, last: attempt };
  return withQuestions(store, role, questions);
}

export const withoutQuiz = (store, role) => withQuestions(store, role, {});

const earlier = (a, b) => (!b || (a && a.at <= b.at) ? a : b);
const later = (a, b) => (!b || (a && a.at >= b.at) ? a : b);

// Maps joined: each key of `theirs` through pick(ours, theirs); own keys only, "__proto__" too.
const join = (ours, theirs, pick) => {
  const out = Object.assign(Object.create(null), ours);
  for (const k in theirs) out[k] = pick(out[k], theirs[k]);
  return out;
};

// One question's two saved entries: the earliest first answer is scored, the latest last shown.
const mergeEntry = (mine, found) => (!mine || mine.fingerprint !== found.fingerprint
  ? found : { ...mine, first: earlier(mine.first, found.first), last: later(mine.last, found.last) });

export const mergeQuiz = (ours, theirs) => join(ours, theirs, mergeEntry);

// An imported store joined into ours, as macros/progress.py merge_stores does: quizzes as above,
// ticks and marks by their earliest time, a plan only for a role without one. Counts what changed.
export function mergeStores(ours, theirs) {
  const store = { ...theirs, ...ours };
  const counts = { kept: 0 };
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const first = (m, t) => (m && m <= t ? m : t);
  const plan = (m, t) => { counts.kept += !!m && !same(m, t); return m || t; };
  for (const [name, pick, byRole] of [["quizzes", mergeEntry, 1], ["tasks", first, 1], ["skills", first], ["plans", plan]]) {
    counts[name] = 0;
    const leaf = (m, t) => { const v = pick(m, t); counts[name] += !same(v, m); return v; };
    store[name] = join(ours[name], theirs[name], byRole ? (m, t) => join(m, t, leaf) : leaf);
  }
  return { store, counts };
}

export const restoreQuiz = (store, role, saved) =>
  withQuestions(store, role, mergeQuiz(saved, store.quizzes[role]));
