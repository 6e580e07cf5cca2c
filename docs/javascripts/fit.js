// "Which role fits me": each role's points by the rule the page carries (macros/fit.py), from
// the boxes ticked, the months chosen and the quiz scores saved; shows the reasons that count and
// ranks the roles. A reason counts unless its data-pw-unless selector matches in the form (a box
// it needs unticked, too few months); a quiz reason weighs its points times the score.
import { percent } from "./grading.js";
import { readStore } from "./progress.js";

let update = () => {};

// Points from the first answers saved for a role's questions as they are now (id, fingerprint
// pairs), written into the reason: "+M points: You scored N% on its self-check"; null if none.
function score(reason, saved = {}) {
  let answered = 0;
  let right = 0;
  for (const [id, fingerprint] of JSON.parse(reason.dataset.pwQuestions)) {
    if (saved[id]?.fingerprint === fingerprint) answered++, right += saved[id].first?.status === "right";
  }
  const [points, shown] = reason.querySelectorAll("b");
  return answered ? (points.textContent = Math.round((reason.dataset.pwW * (shown.textContent = percent(right, answered))) / 100)) : null;
}

function start() {
  const form = document.getElementById("pw-fit-form");
  const list = document.getElementById("pw-fit-ranking");
  if (!list) return;
  const roles = [...list.children]; // in the data's order, which breaks ties
  const status = list.previousElementSibling;
  update = (announce) => {
    const read = readStore(); // an unreadable store is left alone: its quiz scores count nothing
    status.previousElementSibling.hidden = !read.problem;
    for (const role of roles) {
      role.total = 0;
      for (const reason of role.querySelectorAll("[data-pw-w]")) {
        const w = reason.dataset.pwQuestions ? score(reason, read.store?.quizzes[role.dataset.pwRole]) : form.querySelector(reason.dataset.pwUnless) ? null : +reason.dataset.pwW;
        reason.hidden = w == null;
        role.total += w;
      }
      role.querySelector("b").textContent = role.total;
    }
    const ranked = [...roles].sort((a, b) => b.total - a.total);
    list.append(...ranked);
    if (announce) status.textContent = `First: ${ranked[0].firstElementChild.textContent}`;
  };
  form.oninput = update; // an answer: update and announce (the event is truthy)
  update();
}

window.addEventListener("storage", () => update());
if (typeof window.document$ !== "undefined") window.document$.subscribe(start);
else start();
