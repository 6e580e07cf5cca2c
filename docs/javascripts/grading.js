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
const SPACE_CLASS = "[ \\t\\n\\r\\f\\v\\u00a0\\u2009\\u202f]";
const TOKEN = /[A-Za-z0-9_]+|[^ \t\n\r\f\v\u00a0\u2009\u202fA-Za-z0-9_]/gu;
const EXPONENT = /^([\s\S]*?)([eE][+-]?[0-9]+)?$/;

const PLAIN = /^([0-9]+)$/;
const POINT = /^([0-9]*)\.([0-9]+)$|^([0-9]+)\.()$/;
const LONE_COMMA_GROUP = /^([1-9][0-9]{0,2}),([0-9]{3})$/;
const COMMA = /^([0-9]*),([0-9]+)$/;
const COMMA_GROUPS = /^([0-9]{1,3}(?:,[0-9]{3}){2,})$|^([0-9]{1,3}(?:,[0-9]{3})+)\.([0-9]+)$/;
const POINT_GROUPS = /^([0-9]{1,3}(?:\.[0-9]{3}){2,})$|^([0-9]{1,3}(?:\.[0-9]{3})+),([0-9]+)$/;
const SPACE_GROUPS = new RegExp(
  `^([0-9]{1,3}(?:${SPACE_CLASS}[0-9]{3})+)(?:[.,]([0-9]+))?$` +
    "|^([0-9]{1,3}(?:_[0-9]{3})+)(?:[.,]([0-9]+))?$",
);

const EXAMPLE = "such as 12 or 0.5";
const RIGHT = { status: "right", message: "Correct." };
const WRONG = { status: "wrong", message: "Not quite." };
const CHOOSE_ONE = "Choose one option.";
const CHOOSE_SOME = "Choose every option that applies (at least one).";
const TYPE_OUTPUT =
  "Type what the code prints. Spaces around brackets, commas and other symbols do not matter.";

export function stripSpace(text) {
  let start = 0;
  let end = text.length;
  while (start < end && SPACE.includes(text[start])) start += 1;
  while (end > start && SPACE.includes(text[end - 1])) end -= 1;
  return text.slice(start, end);
}

const numberHint = (unit) => `Type a number, ${EXAMPLE}` + (unit ? ` (in ${unit}).` : ".");
const canonical = (whole, fraction) => (whole || "0") + (fraction ? "." + fraction : "");
const digits = (text) => text.replace(/[^0-9]/g, "");

// Canonical digits ("1024.5"), a pair of readings when a lone comma makes it ambiguous, or null.
function mantissa(body) {
  let m;
  if ((m = PLAIN.exec(body))) return m[1];
  if ((m = POINT.exec(body))) return canonical(m[1] !== undefined ? m[1] : m[3], m[2] || "");
  if ((m = LONE_COMMA_GROUP.exec(body))) return [m[1] + m[2], canonical(m[1], m[2])];
  if ((m = COMMA.exec(body))) return canonical(m[1], m[2]);
  if ((m = COMMA_GROUPS.exec(body))) {
    return m[1] !== undefined ? digits(m[1]) : canonical(digits(m[2]), m[3]);
  }
  if ((m = POINT_GROUPS.exec(body))) {
    return m[1] !== undefined ? digits(m[1]) : canonical(digits(m[2]), m[3]);
  }
  if ((m = SPACE_GROUPS.exec(body))) {
    return m[1] !== undefined
      ? canonical(digits(m[1]), m[2] || "")
      : canonical(digits(m[3]), m[4] || "");
  }
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
  const given = tokens(raw);
  const wanted = tokens(key.output);
  const same = given.length === wanted.length && given.every((token, i) => token === wanted[i]);
  return same ? RIGHT : WRONG;
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
