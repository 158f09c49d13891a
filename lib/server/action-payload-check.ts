// Whether a server-action payload is one React can decode. React's decoder (decodeReply,
// decodeAction) throws on a payload no React client writes — rows that are not JSON, references
// to rows that are not there, a value with an unknown `$` prefix — and Next answers that with a
// 500. The custom server checks the shapes here first and answers 400 instead. The rules follow
// React's reply format (parseModelString in react-server-dom); a payload React's own client
// encodes always passes.

// The rows of a payload by id: a string (a JSON row), "file" (a Blob row) or undefined.
export type PayloadRows = (id: number) => string | "file" | undefined;

// Next refuses more arguments than this (SERVER_ACTION_ARGS_LIMIT in its action handler).
const MAX_ACTION_ARGUMENTS = 1000;

// `$@1`, `$Q1`, `$1:path`: a model outlined in another JSON row.
const OUTLINED_MODEL = /^\$([@hQWi]?)([0-9a-f]+)(?::[^:]*)*$/;
// `$B1`, `$o1`, `$R1`...: a Blob, typed array or stream, read from another row.
const BINARY_ROW = /^\$[AOoUSsLlGgMmVBRrXx]([0-9a-f]+)$/;
// Values with no row behind them: `$$` (an escaped `$`), undefined, Infinity, -0, NaN, a date,
// a BigInt, a temporary reference, a FormData whose entries follow the rows.
const SELF_CONTAINED = /^\$(\$|undefined$|Infinity$|-0$|-Infinity$|NaN$|H|D|n-?\d+$|T$|K[0-9a-f]+$)/;

class MalformedPayload extends Error {}

function parseRow(rows: PayloadRows, id: number): unknown {
  const row = rows(id);
  if (typeof row !== "string" || row === "file") throw new MalformedPayload(`row ${id} missing`);
  try {
    return JSON.parse(row) as unknown;
  } catch {
    throw new MalformedPayload(`row ${id} is not JSON`);
  }
}

function checkValue(value: unknown, rows: PayloadRows, seen: Set<number>): void {
  if (typeof value === "string") {
    if (!value.startsWith("$")) return;
    const outlined = OUTLINED_MODEL.exec(value);
    if (outlined) {
      const id = parseInt(outlined[2] ?? "", 16);
      if (!seen.has(id)) {
        seen.add(id);
        checkValue(parseRow(rows, id), rows, seen);
      }
      return;
    }
    const binary = BINARY_ROW.exec(value);
    if (binary) {
      if (rows(parseInt(binary[1] ?? "", 16)) === undefined) throw new MalformedPayload("binary row missing");
      return;
    }
    if (!SELF_CONTAINED.test(value)) throw new MalformedPayload(`unknown reference ${value.slice(0, 20)}`);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) checkValue(item, rows, seen);
  } else if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) checkValue(item, rows, seen);
  }
}

function isDecodable(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    // MalformedPayload, or a RangeError from a payload nested deeper than the stack.
    return false;
  }
}

// A fetch action's arguments (a request with a Next-Action header): row 0 is the array of
// arguments.
export function isDecodableActionArguments(rows: PayloadRows): boolean {
  return isDecodable(() => {
    const root = parseRow(rows, 0);
    if (!Array.isArray(root) || root.length > MAX_ACTION_ARGUMENTS) throw new MalformedPayload("arguments are not a list");
    checkValue(root, rows, new Set([0]));
  });
}

// A form posted without JavaScript to an action with bound arguments: the `$ACTION_REF_<p>` field
// names rows `$ACTION_<p>:<id>`; row 0 names the action and its bound arguments.
export function isDecodableFormAction(rows: PayloadRows): boolean {
  return isDecodable(() => {
    const root = parseRow(rows, 0);
    if (root === null || typeof root !== "object" || typeof (root as { id?: unknown }).id !== "string") {
      throw new MalformedPayload("no action id");
    }
    const bound = (root as { bound?: unknown }).bound;
    if (bound === null || bound === undefined) return;
    if (typeof bound !== "string") throw new MalformedPayload("bound arguments not a reference");
    const outlined = OUTLINED_MODEL.exec(bound);
    if (!outlined) throw new MalformedPayload("bound arguments not a reference");
    const id = parseInt(outlined[2] ?? "", 16);
    const args = parseRow(rows, id);
    if (!Array.isArray(args) || args.length > MAX_ACTION_ARGUMENTS) throw new MalformedPayload("bound arguments are not a list");
    checkValue(args, rows, new Set([0, id]));
  });
}
