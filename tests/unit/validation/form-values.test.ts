// Server actions read their form through formToObject and formValue. A hand-written request can
// call an action with arguments of any type; before these guards, `form.entries` / `form.get` on
// a non-form threw a TypeError and the action answered 500 (found by tests/reliability/fuzz-actions).
import { describe, expect, test } from "vitest";
import { formToObject, formValue } from "../../../lib/validation/common";

const notForms: unknown[] = [undefined, null, -1, " 1 ", "form", { id: "3" }, [["id", "3"]], new Blob(["x"])];

describe("formToObject and formValue on anything but a form", () => {
  test("read as an empty form", () => {
    expect(notForms.map((x) => formToObject(x as FormData))).toEqual(notForms.map(() => ({})));
    expect(notForms.map((x) => formValue(x as FormData, "id"))).toEqual(notForms.map(() => null));
  });

  test("a real form still reads as before: repeated keys as arrays, files and $ACTION keys left out, the first value for formValue", () => {
    const f = new FormData();
    f.append("id", "3");
    f.append("id", "4");
    f.append("$ACTION_ID_abc", "x");
    f.append("file", new Blob(["x"]), "a.txt");
    f.append("name", "Ada");
    expect(formToObject(f)).toEqual({ id: ["3", "4"], name: "Ada" });
    expect([formValue(f, "id"), formValue(f, "file"), formValue(f, "missing")]).toEqual(["3", null, null]);
  });
});
