// Pure grading, no DOM: the same rules as macros/grading.py (judge, percent).
// A minimal version for the quiz page; the e10-grading branch owns the full rules.

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;
const TOKEN = /\w+(?:\.\w+)*|\S/g;

const verdict = (right) => ({ status: right ? "right" : "wrong", message: "" });

function readNumber(raw, unit) {
  let text = String(raw).trim();
  if (unit && text.toLowerCase().endsWith(unit.toLowerCase())) text = text.slice(0, -unit.length);
  text = text.replace(/[ _]/g, "");
  if (GROUPED.test(text)) {
    if (!text.includes(".") && text.split(",").length === 2) return "ambiguous";
    text = text.replace(/,/g, "");
  } else if (DECIMAL_COMMA.test(text)) {
    text = text.replace(",", ".");
  }
  return NUMBER.test(text) ? Number(text) : "unreadable";
}

export function judge(key, raw) {
  if (key.type === "single" || key.type === "multiple") {
    if (!raw || !raw.length) return { status: "unreadable", message: "Choose an answer first." };
    const want = [...key.correct].sort().join();
    return verdict([...raw].sort().join() === want);
  }
  if (key.type === "numeric") {
    const value = readNumber(raw, key.unit);
    if (value === "ambiguous") {
      return { status: "ambiguous", message: `Did you mean ${raw} with a thousands separator or a decimal comma? Type it without the comma, or with a point.` };
    }
    if (value === "unreadable") {
      const unit = key.unit ? `, optionally followed by ${key.unit}` : "";
      return { status: "unreadable", message: `Type a number such as 0.25 or 0,25${unit}.` };
    }
    return verdict(Math.abs(value - key.value) <= key.tolerance + 1e-9 * Math.max(1, Math.abs(key.value)));
  }
  if (!String(raw).trim()) return { status: "unreadable", message: "Type what the code prints." };
  const tokens = (text) => String(text).match(TOKEN) || [];
  return verdict(tokens(raw).join("\u0000") === tokens(key.output).join("\u0000"));
}

// Whole percent, halves rounded up (20 of 32 is 63), as grading.percent.
export const percent = (correct, total) => (total ? Math.floor((200 * correct + total) / (2 * total)) : 0);
