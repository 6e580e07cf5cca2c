// Quiz pages: grade each answer, explain it, keep progress, summarise by topic.
// Mirrors macros/grading.py (is_correct, normalize_output, parse_number); tests drive both.
// Mounted from Material's document$ so it runs after every instant navigation.

const STORE = "pathways-quiz:v1:";

export const normalizeOutput = (text) => text.trim().split(/\s+/).join(" ");

export function parseNumber(raw) {
  const text = String(raw).trim().replace(/[,_ ]/g, "");
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : null;
}

// The answer a question's form holds: an index, a sorted index list, a number or text; null if none.
function readAnswer(q) {
  const type = q.dataset.pwType;
  if (type === "single" || type === "multiple") {
    const picked = [...q.querySelectorAll("input:checked")].map((i) => Number(i.value));
    if (!picked.length) return null;
    return type === "single" ? picked[0] : picked.sort((a, b) => a - b);
  }
  const value = q.querySelector(".pw-input").value;
  if (type === "numeric") return parseNumber(value);
  return value.trim() ? value : null;
}

export function isCorrect(q, answer) {
  const type = q.dataset.pwType;
  if (type === "single" || type === "multiple") {
    const key = [...q.querySelectorAll("input[data-pw-correct]")].map((i) => Number(i.value));
    const given = type === "single" ? [answer] : answer;
    return given.length === key.length && key.every((k) => given.includes(k));
  }
  if (type === "numeric") {
    return Math.abs(answer - Number(q.dataset.pwValue)) <= Number(q.dataset.pwTolerance) + 1e-12;
  }
  return normalizeOutput(answer) === normalizeOutput(q.dataset.pwOutput);
}

function writeAnswer(q, answer) {
  const type = q.dataset.pwType;
  if (type === "single" || type === "multiple") {
    const picked = [].concat(answer);
    q.querySelectorAll("input").forEach((i) => { i.checked = picked.includes(Number(i.value)); });
  } else {
    q.querySelector(".pw-input").value = String(answer);
  }
}

function load(role) {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE + role));
    return saved && typeof saved.answers === "object" && !Array.isArray(saved.answers) ? saved.answers : {};
  } catch {
    return {};
  }
}

function save(role, answers) {
  try { localStorage.setItem(STORE + role, JSON.stringify({ answers })); } catch { /* private mode */ }
}

function show(q, correct) {
  q.dataset.pwResult = correct ? "correct" : "wrong";
  q.querySelector(".pw-feedback").textContent = correct
    ? "✓ Correct. The explanation is below."
    : "✗ Not quite. The answer and why are below.";
  q.querySelectorAll("input[data-pw-correct]").forEach((i) => {
    i.closest("label").querySelector(".pw-mark").textContent = " ✓ correct answer";
  });
  q.querySelector(".pw-solution").open = true;
}

function clear(q) {
  delete q.dataset.pwResult;
  q.querySelector(".pw-feedback").textContent = "";
  q.querySelectorAll(".pw-mark").forEach((m) => { m.textContent = ""; });
  q.querySelector(".pw-solution").open = false;
  q.querySelector("form").reset();
}

function summarise(quiz, questions, answers) {
  const summary = quiz.querySelector(".pw-summary");
  const topics = new Map();
  let right = 0;
  let done = 0;
  for (const q of questions) {
    const { pwTopic: id, pwTopicName: name, pwTopicHref: href } = q.dataset;
    const t = topics.get(id) || topics.set(id, { name, href, right: 0, total: 0 }).get(id);
    const entry = answers[q.dataset.pwQuestion];
    t.total += 1;
    if (entry) done += 1;
    if (entry && entry.ok) { right += 1; t.right += 1; }
  }
  const all = questions.length;
  summary.querySelector(".pw-score").textContent = done === all
    ? `Quiz complete: ${right} of ${all} correct (${Math.round((100 * right) / all)}%).`
    : `${right} of ${all} correct so far; ${done} answered, ${all - done} to go.`;
  const rows = [...topics.values()].map((t) => {
    const tr = document.createElement("tr");
    const link = document.createElement("a");
    link.href = t.href;
    link.textContent = t.right < t.total ? `Review: ${t.name}` : t.name;
    tr.append(Object.assign(document.createElement("td"), { textContent: t.name }),
      Object.assign(document.createElement("td"), { textContent: `${t.right} of ${t.total}` }));
    const td = document.createElement("td");
    td.append(link);
    tr.append(td);
    return tr;
  });
  summary.querySelector("tbody").replaceChildren(...rows);
}

function mount(quiz) {
  if (quiz.dataset.pwMounted) return;
  quiz.dataset.pwMounted = "1";
  const role = quiz.dataset.pwQuiz;
  const questions = [...quiz.querySelectorAll(".pw-question")];
  const saved = load(role);
  const answers = {};
  for (const q of questions) {
    const id = q.dataset.pwQuestion;
    const form = q.querySelector("form");
    form.hidden = false;
    const entry = saved[id];
    // Saved answers follow the question id; one saved for an older version of the question is dropped.
    if (entry && entry.f === q.dataset.pwFingerprint && "a" in entry) {
      try {
        writeAnswer(q, entry.a);
        const answer = readAnswer(q);
        if (answer !== null) {
          answers[id] = { f: entry.f, a: entry.a, ok: isCorrect(q, answer) };
          show(q, answers[id].ok);
        }
      } catch { clear(q); }
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const answer = readAnswer(q);
      if (answer === null) {
        q.querySelector(".pw-feedback").textContent = q.dataset.pwType === "numeric"
          ? "Enter a number first (digits, an optional point and sign)." : "Give an answer first.";
        return;
      }
      answers[id] = { f: q.dataset.pwFingerprint, a: answer, ok: isCorrect(q, answer) };
      show(q, answers[id].ok);
      save(role, answers);
      summarise(quiz, questions, answers);
    });
  }
  const summary = quiz.querySelector(".pw-summary");
  summary.hidden = false;
  summary.querySelector(".pw-reset").addEventListener("click", () => {
    for (const key of Object.keys(answers)) delete answers[key];
    questions.forEach(clear);
    try { localStorage.removeItem(STORE + role); } catch { /* private mode */ }
    summarise(quiz, questions, answers);
    questions[0].querySelector("input").focus();
  });
  save(role, answers);
  summarise(quiz, questions, answers);
}

const start = () => document.querySelectorAll("[data-pw-quiz]").forEach(mount);
if (typeof window.document$ !== "undefined") window.document$.subscribe(start);
else start();
