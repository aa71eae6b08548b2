import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Understory", template: "%s · Understory" },
  description: "Is the human layer under your network still alive?",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">{children}</body>
    </html>
  );
}
