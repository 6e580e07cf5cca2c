// Pathway pages: a study plan. From a start date and hours a week, the phases get dates and the
// skills their times; the plan is saved in the progress store and downloads as the iCalendar file
// that macros/plan.py wrote around its dates. The form checks itself (required, min, max, step),
// so it submits only a valid plan. Days are UTC midnights in ms: no time zone moves a date.
import { readStore, withEntry, writeStore } from "./progress.js";

const DAY = 864e5;
let reload; // the last mounted plan's, for changes made in another tab (only pathway pages have
// [data-pw-hours] to paint, and each mounts its own)

const utc = (t) => new Date(t).toISOString().replace(/\..*|[-:]/g, ""); // 20261207T000000
const shown = (t) => new Date(t).toLocaleDateString([], { dateStyle: "medium", timeZone: "UTC" });

function mount(form) {
  const { role, calendar } = JSON.parse(form.dataset.pwPlan);
  // The skills' times (table cells) and the phases' dates (one after another), from their
  // full-time hours at the plan's hours a week, rounded up to whole days; and the calendar's
  // values, in the order of its slots (macros/plan.py SLOTS_PER_EVENT).
  const paint = (plan, values = []) => {
    let day = Date.parse(plan.start);
    for (const item of document.querySelectorAll("[data-pw-hours]")) {
      const days = Math.ceil(7 * item.dataset.pwHours / plan.hours);
      if (item.cellIndex) item.textContent = +(days / 7).toFixed(1) + " weeks";
      else {
        values.push(plan.start, utc(new Date()), utc(day).slice(0, 8), utc(day + days * DAY).slice(0, 8));
        item.textContent = shown(day) + " – " + shown((day += days * DAY) - DAY);
      }
    }
    return values;
  };
  reload = () => {
    const plan = readStore().store?.plans?.[role];
    if (!plan) return;
    form.start.value = plan.start;
    form.hours.value = plan.hours;
    paint(plan);
  };
  form.onsubmit = (event) => {
    event.preventDefault();
    const plan = { start: form.start.value, hours: +form.hours.value };
    const { store, problem } = readStore(); // what is saved now, in any tab
    if (store) writeStore(withEntry(store, "plans", role, plan));
    form.result.value = problem ? `Not saved: saved progress could not be read (${problem}).` : "Plan saved.";
    const values = paint(plan);
    if (event.submitter.name) { // the download button
      Object.assign(document.createElement("a"), {
        href: URL.createObjectURL(new Blob([String.raw({ raw: calendar }, ...values)])),
        download: role + "-study-plan.ics",
      }).click();
    }
  };
  reload();
}

addEventListener("storage", () => reload?.()); // any key: painting the saved plan again is harmless
document$.subscribe(() => document.querySelectorAll("[data-pw-plan]").forEach(mount));
