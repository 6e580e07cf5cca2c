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
const isPlan = (p) => isMap(p) && /^\d{4}-\d{2}-\d{2}$/.test(p.start) && !isNaN(Date.parse(p.start))
  && Number.isInteger(p.hours) && p.hours >= 1 && p.hours <= 80;
const SECTIONS = {
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

const isAttempt = (a) => isMap(a) && (a.status === "right" || a.status === "wrong");

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

// Two saved states of one quiz, joined: per question the earliest first and the latest last.
export function mergeQuiz(ours = {}, theirs = {}) {
  const merged = { ...ours };
  for (const [id, entry] of Object.entries(theirs)) {
    const mine = merged[id];
    merged[id] = !mine || mine.fingerprint !== entry.fingerprint
      ? entry
      : { ...mine, first: earlier(mine.first, entry.first), last: later(mine.last, entry.last) };
  }
  return merged;
}

export const restoreQuiz = (store, role, saved) =>
  withQuestions(store, role, mergeQuiz(saved, store.quizzes[role]));
