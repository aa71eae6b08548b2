// How long one row of an import file may be. The readers keep at most this much of a row in
// memory: a longer one (a runaway quote, a file that is not CSV, a 1 GB line) is refused with its
// line number and its text dropped as it streams past, so memory stays bounded whatever the file.
// A real row is far shorter: a title of 200, a description of 10,000, 50 authors.

export const MAX_ROW_CHARS = 1_048_576;

export const ROW_TOO_LONG = `longer than ${MAX_ROW_CHARS.toLocaleString("en-US")} characters (a quote left open, or not a file of rows?)`;
