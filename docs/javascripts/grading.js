// One key, one rule: the browser's copy of macros/grading.py and macros/answers.py.
// Pure (no DOM). tests/grading_cases.json is run against this module in Chromium and against
// the Python in pytest, so change both together.
//
//   judge(key, raw) -> {status, message}; status: "right" | "wrong" | "unreadable" | "ambiguous"
//     key: {type: "single"|"multiple", correct: [option ids]}
//        | {type: "numeric", value, tolerance, unit} | {type: "code-output", output}
//     raw: an array of option ids for a choice question, the typed text otherwise.
//   percent(correct, total) -> whole percent, halves rounded up (20 of 32 is 63; 0 of 0 is 0).

const SPACE = " \t\n\r\f\v\u00a0\u2009\u202f";
// In a JavaScript pattern \d is exactly [0-9] (Python's \d is any Unicode digit, hence [0-9] there).
const TOKEN = new RegExp(`\\w+|[^${SPACE}\\w]`, "gu");
const EXPONENT = /^([\s\S]*?)([eE][+-]?\d+)?$/;

const PLAIN = /^(\d+)$/;
const POINT = /^(\d*)\.(\d+)$|^(\d+)\.()$/;
const LONE_COMMA_GROUP = /^([1-9]\d{0,2}),(\d{3})$/;
const COMMA = /^(\d*),(\d+)$/;
// Tried after the readings above, which take every number with one separator and no fraction:
// so one pattern per separator, whole part then an optional fraction, reads as grading.py's two.
const GROUPS = [/^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/, /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/,
  new RegExp(`^(\\d{1,3}(?:[${SPACE}]\\d{3})+|\\d{1,3}(?:_\\d{3})+)(?:[.,](\\d+))?$`)];

const EXAMPLE = "such as 12 or 0.5";
const RIGHT = { status: "right", message: "Correct." };
const WRONG = { status: "wrong", message: "Not quite." };
const CHOOSE_ONE = "Choose one option.";
const CHOOSE_SOME = "Choose every option that applies (at least one).";
const TYPE_OUTPUT =
  "Type what the code prints. Spaces around brackets, commas and other symbols do not matter.";

const EDGE_SPACE = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, "g");
export const stripSpace = (text) => text.replace(EDGE_SPACE, "");

const numberHint = (unit) => `Type a number, ${EXAMPLE}` + (unit ? ` (in ${unit}).` : ".");
const canonical = (whole, fraction) => (whole || "0") + (fraction ? "." + fraction : "");
const digits = (text) => text.replace(/\D/g, "");

// Canonical digits ("1024.5"), a pair of readings when a lone comma makes it ambiguous, or null.
function mantissa(body) {
  let m;
  if ((m = PLAIN.exec(body))) return m[1];
  if ((m = POINT.exec(body))) return canonical(m[1] ?? m[3], m[2]);
  if ((m = LONE_COMMA_GROUP.exec(body))) return [m[1] + m[2], canonical(m[1], m[2])];
  if ((m = COMMA.exec(body))) return canonical(m[1], m[2]);
  for (const groups of GROUPS) if ((m = groups.exec(body))) return canonical(digits(m[1]), m[2]);
  return null;
}

function withoutUnit(text, unit) {
  // Compared slice by slice, so a letter whose lower case is longer cannot shift the cut.
  if (unit && text.length > unit.length &&
      text.slice(-unit.length).toLowerCase() === unit.toLowerCase()) {
    return stripSpace(text.slice(0, -unit.length));
  }
  return text;
}

// {number} | {unreadable: message} | {ambiguous: message}
export function readNumber(raw, unit = "") {
  let text = withoutUnit(stripSpace(raw), unit);
  if (!text) return { unreadable: numberHint(unit) };
  let sign = "";
  if (text[0] === "+" || text[0] === "-") {
    sign = text[0] === "-" ? "-" : "";
    text = text.slice(1);
  }
  const [, body, exponent] = EXPONENT.exec(text);
  const read = mantissa(body);
  if (read === null) {
    return { unreadable: `“${stripSpace(raw)}” is not a number we can read. ${numberHint(unit)}` };
  }
  if (Array.isArray(read)) {
    const [grouped, decimal] = read;
    return {
      ambiguous: `Did you mean ${grouped} or ${decimal}? Type ${grouped} (no comma) for the whole ` +
        `number, or ${decimal} (with a point) for the decimal.`,
    };
  }
  return { number: Number(sign + read + (exponent || "")) };
}

export const tokens = (text) => text.match(TOKEN) || [];

function judgeChoice(key, raw) {
  const single = key.type === "single";
  const ask = { status: "unreadable", message: single ? CHOOSE_ONE : CHOOSE_SOME };
  if (!Array.isArray(raw) || !raw.every((item) => typeof item === "string")) return ask;
  const chosen = new Set(raw);
  if (!chosen.size || (single && chosen.size !== 1)) return ask;
  const correct = new Set(key.correct);
  const same = chosen.size === correct.size && [...chosen].every((id) => correct.has(id));
  return same ? RIGHT : WRONG;
}

// The tolerance test; the slack of a billionth absorbs binary rounding of decimal input.
export function within(value, key) {
  const { value: target, tolerance } = key;
  return Math.abs(value - target) <= tolerance + 1e-9 * (Math.abs(target) + tolerance);
}

function judgeNumeric(key, raw) {
  const read = readNumber(typeof raw === "string" ? raw : "", key.unit);
  if ("unreadable" in read) return { status: "unreadable", message: read.unreadable };
  if ("ambiguous" in read) return { status: "ambiguous", message: read.ambiguous };
  return within(read.number, key) ? RIGHT : WRONG;
}

function judgeOutput(key, raw) {
  if (typeof raw !== "string" || !stripSpace(raw)) {
    return { status: "unreadable", message: TYPE_OUTPUT };
  }
  // No token holds a space, so the joined texts are equal exactly when the tokens are.
  return tokens(raw).join(" ") === tokens(key.output).join(" ") ? RIGHT : WRONG;
}

export function judge(key, raw) {
  switch (key.type) {
    case "single":
    case "multiple":
      return { ...judgeChoice(key, raw) };
    case "numeric":
      return { ...judgeNumeric(key, raw) };
    case "code-output":
      return { ...judgeOutput(key, raw) };
    default:
      throw new TypeError(`unknown question type ${JSON.stringify(key.type)}`);
  }
}

export function percent(correct, total) {
  return total ? Math.floor((200 * correct + total) / (2 * total)) : 0;
}
