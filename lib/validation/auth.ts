import { z } from "zod";
import { emailSchema, handleSchema, requiredText } from "./common";

export const passwordSchema = z
  .string()
  .min(10, "At least 10 characters")
  .max(200, "At most 200 characters");

export const signUpSchema = z.object({
  email: emailSchema,
  handle: handleSchema,
  name: requiredText(100, "Name"),
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Password is required").max(200),
});
