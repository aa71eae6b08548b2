"use client";
import { changeRoleAction } from "@/lib/users/admin-actions";
import { Field, Select } from "@/components/ui/form";
import { ActionForm } from "./action-form";

const ROLES = [
  { value: "contributor", label: "Contributor: logs and links their own work" },
  { value: "maintainer", label: "Maintainer: reviews and reads the dashboards of their projects" },
  { value: "admin", label: "Admin: runs the whole ecosystem" },
];

export function RoleForm({ userId, role, maintains }: { userId: number; role: string; maintains: number }) {
  return (
    <ActionForm
      action={changeRoleAction}
      hidden={{ userId }}
      submitLabel="Change role"
      pendingLabel="Changing…"
      testId="role-form"
      fields={(state) => (
        <Field id="role" label="Role" error={state.fieldErrors?.role}
          hint={maintains > 0 && role !== "contributor" ? `Making them a contributor also removes them as maintainer of ${maintains} project${maintains === 1 ? "" : "s"}. Their sessions end on any change.` : "Their sessions end on any change, so the new role applies at once."}>
          <Select id="role" name="role" defaultValue={role} key={`${role}-${state.message ?? ""}`} error={state.fieldErrors?.role}>
            {ROLES.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
          </Select>
        </Field>
      )}
    />
  );
}
